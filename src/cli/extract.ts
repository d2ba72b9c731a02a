/**
 * `readout extract`: one JSON object on stdout following extract.schema.json. Runs the same ingestion as
 * `ingest`, on a database in memory, so duplicates among the inputs are found the same way.
 */
import { ingest } from '../ingest/ingest.ts';
import { parseFieldMap } from '../ingest/prepare.ts';
import type { Document } from '../model/document.ts';
import type { IngestError } from '../model/messages.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { maxBytesOf, summaryLine } from './ingest.ts';
import { VERSION } from './main.ts';

export interface ExtractOutput {
  readout: string;
  documents: ExtractDocument[];
  events: unknown[];
  quotes: unknown[];
  errors: IngestError[];
}

export type ExtractDocument = Omit<Document, 'repeatedBlocks'> & { repeatedBlocks: Document['repeatedBlocks'] };

export async function extract(paths: string[], opts: { map?: string[]; maxSize?: string; stdin?: NodeJS.ReadableStream } = {}) {
  const store = new SqliteStore(':memory:');
  try {
    const summary = await ingest(paths, store, {
      fieldMap: parseFieldMap(opts.map ?? []),
      maxBytes: maxBytesOf(opts.maxSize ?? '10'),
      collect: true,
      stdin: opts.stdin,
    });
    const seen = new Set<string>();
    const documents = summary.documents.filter((d) => !seen.has(d.id) && seen.add(d.id));
    const output: ExtractOutput = { readout: VERSION, documents, events: [], quotes: [], errors: summary.errorList };
    return { output, summary };
  } finally {
    store.close();
  }
}

export async function extractCommand(paths: string[], flags: { map: string[]; maxSize: string; strict?: boolean; pretty?: boolean }): Promise<number> {
  const { output, summary } = await extract(paths, flags);
  process.stdout.write(JSON.stringify(output, null, flags.pretty ? 2 : undefined) + '\n');
  process.stderr.write(summaryLine(summary) + '\n');
  return flags.strict && summary.errors > 0 ? 1 : 0;
}
