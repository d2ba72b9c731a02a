/**
 * The ingestion run: sources → prepare → store, in batches of one transaction each. An input seen before (same
 * source, same bytes) is skipped before any work, so a run that was killed resumes where its last committed
 * batch ended, and running the same input twice adds nothing.
 */
import type { Document } from '../model/document.ts';
import { toIngestError, type IngestError } from '../model/messages.ts';
import type { Repository } from '../store/repository.ts';
import { DUPLICATE_SIMILARITY } from './fingerprint.ts';
import { itemFingerprint, prepare, type FieldMap, type Prepared } from './prepare.ts';
import { DEFAULT_MAX_BYTES, displaySource, readSources, type RawItem } from './sources.ts';

export interface IngestOptions {
  fieldMap?: FieldMap;
  maxBytes?: number;
  /** documents per transaction */
  batchSize?: number;
  /** called after every item */
  onProgress?: (p: IngestProgress) => void;
  /** keep the documents of this run in the summary (for `extract`) */
  collect?: boolean;
  /** checked between items: stop cleanly after committing what is done */
  shouldStop?: () => boolean;
  stdin?: NodeJS.ReadableStream;
}

export interface IngestProgress {
  items: number;
  ingested: number;
  duplicates: number;
  errors: number;
  bytes: number;
}

export interface IngestSummary extends IngestProgress {
  /** of the duplicates, how many were inputs already ingested by an earlier run */
  unchanged: number;
  nonEnglish: number;
  errorList: IngestError[];
  documents: Document[];
  stopped: boolean;
}

type Outcome = { kind: 'ingested' | 'duplicate'; document: Document } | { kind: 'error'; error: IngestError };

export async function ingest(paths: string[], store: Repository, opts: IngestOptions = {}): Promise<IngestSummary> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const batchSize = opts.batchSize ?? 200;
  const summary: IngestSummary = {
    items: 0, ingested: 0, duplicates: 0, errors: 0, bytes: 0, unchanged: 0, nonEnglish: 0, errorList: [], documents: [], stopped: false,
  };
  let batch: Array<Prepared | { error: IngestError; fingerprint: string | null }> = [];

  const tally = (o: Outcome) => {
    if (o.kind === 'error') {
      summary.errors++;
      summary.errorList.push(o.error);
      return;
    }
    if (o.kind === 'ingested') {
      summary.ingested++;
      if (o.document.language && o.document.language !== 'en') summary.nonEnglish++;
    } else summary.duplicates++;
    if (opts.collect) summary.documents.push(o.document);
  };

  const flush = () => {
    if (!batch.length) return;
    const outcomes = store.transaction(() => batch.map((p) => commit(store, p)));
    outcomes.forEach(tally);
    batch = [];
  };

  for await (const item of readSources(paths, { maxBytes, stdin: opts.stdin as never })) {
    if (opts.shouldStop?.()) {
      summary.stopped = true;
      break;
    }
    const source = displaySource(item.source);
    summary.items++;
    summary.bytes += itemBytes(item);
    if (item.kind === 'error') {
      batch.push({ error: { ...item.error, source: displaySource(item.error.source) }, fingerprint: null });
    } else {
      const fingerprint = itemFingerprint(item);
      if (store.seenSource(source, fingerprint)) {
        summary.duplicates++;
        summary.unchanged++;
        if (opts.collect) {
          const doc = sourceDocument(store, source);
          if (doc) summary.documents.push(doc);
        }
      } else {
        try {
          const prepared = prepare({ ...item, source }, { fieldMap: opts.fieldMap, maxBytes });
          batch.push(prepared);
        } catch (err) {
          batch.push({ error: toIngestError(source, err), fingerprint });
        }
      }
    }
    if (batch.length >= batchSize) flush();
    opts.onProgress?.(summary);
  }
  flush();
  opts.onProgress?.(summary);
  return summary;
}

function itemBytes(item: RawItem): number {
  return item.kind === 'file' ? item.bytes.length : item.kind === 'record' ? item.raw.length : 0;
}

function sourceDocument(store: Repository, source: string): Document | null {
  const id = store.documentOfSource(source);
  return id ? store.getDocument(id) : null;
}

/** Decides, inside the batch's transaction, whether a prepared document is new, a duplicate, or an error. */
function commit(store: Repository, p: Prepared | { error: IngestError; fingerprint: string | null }): Outcome {
  if ('error' in p) {
    store.putError(p.error);
    if (p.fingerprint) store.recordSource(p.error.source, p.fingerprint, 'error', null);
    return { kind: 'error', error: p.error };
  }
  const doc = p.document;
  try {
    if (store.hasDocument(doc.id)) {
      store.recordSource(doc.source, p.fingerprint, 'duplicate', doc.id);
      return { kind: 'duplicate', document: store.getDocument(doc.id) ?? doc };
    }
    doc.duplicateOf = store.findNearDuplicate(p.signature, p.bands, DUPLICATE_SIMILARITY);
    store.putDocument(p);
    store.recordSource(doc.source, p.fingerprint, doc.duplicateOf ? 'duplicate' : 'ingested', doc.id);
    return doc.duplicateOf ? { kind: 'duplicate', document: doc } : { kind: 'ingested', document: doc };
  } catch (err) {
    const error = toIngestError(doc.source, err);
    store.putError(error);
    return { kind: 'error', error };
  }
}
