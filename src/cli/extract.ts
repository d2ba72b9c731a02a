/**
 * `readout extract`: one JSON object on stdout following extract.schema.json. Runs the same ingestion as
 * `ingest`, on a database in memory, so duplicates among the inputs are found the same way.
 */
import { ingest } from '../ingest/ingest.ts';
import { parseFieldMap } from '../ingest/prepare.ts';
import type { Document } from '../model/document.ts';
import type { IngestError } from '../model/messages.ts';
import type { Actor, Analysis, EventRecord, Quote, TimeExpression } from '../model/annotations.ts';
import { analyze, contextWith, defaultContext, type AnalysisContext } from '../analyze/analyze.ts';
import { existsSync } from 'node:fs';
import { linkEvents, mentionsOf } from '../link/link.ts';
import { describe } from '../link/accounts.ts';
import type { LinkedEvent } from '../model/linked.ts';
import { KnowledgeBase } from '../kb/knowledge-base.ts';
import { addImported } from '../kb/import.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { maxBytesOf, summaryLine } from './ingest.ts';
import { VERSION } from './main.ts';

export interface ExtractOutput {
  readout: string;
  documents: ExtractDocument[];
  events: EventRecord[];
  quotes: ExtractQuote[];
  errors: IngestError[];
  mentions: ExtractMention[];
  times: ExtractTime[];
  /** with --link: events across documents, each with the ids of the per-document events it merges */
  linkedEvents?: LinkedEvent[];
}

/** Links the events of several analysed documents and describes each linked event's accounts. */
export function linkAnalyses(analyses: Map<string, Analysis>, ctx: AnalysisContext): LinkedEvent[] {
  return linkEvents([...analyses.values()].flatMap(mentionsOf)).map((ev) => describe(ev, analyses, ctx.kb));
}

type SpanText = { start: number; end: number; text: string };
export type ExtractQuote = { id: string; document: string; speaker: Actor | null; kind: Quote['kind']; cue: SpanText | null; content: SpanText };
export type ExtractMention = { document: string; start: number; end: number; text: string; actor: Actor; kind: string; basis?: string };
export type ExtractTime = Omit<TimeExpression, 'type'> & { document: string; type: TimeExpression['type'] };

/** The JSON shapes of one analysis: spans carry their text so the JSON can be read without the document. */
export function analysisOutput(a: Analysis): Pick<ExtractOutput, 'quotes' | 'mentions' | 'times' | 'events'> {
  const doc = a.document;
  const span = (s: { start: number; end: number }): SpanText => ({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) });
  const mentions: ExtractMention[] = [];
  for (const m of a.mentions) {
    const actors = m.actor ? [m.actor] : m.members ?? [];
    for (const actor of actors) mentions.push({ document: doc.id, start: m.start, end: m.end, text: m.text, actor, kind: m.kind, ...(m.basis ? { basis: m.basis } : {}) });
  }
  return {
    events: a.events,
    mentions,
    times: a.times.map((t) => ({ document: doc.id, ...t })),
    quotes: a.quotes.map((q) => ({ id: q.id, document: doc.id, speaker: q.speaker, kind: q.kind, cue: q.cue ? span(q.cue) : null, content: span(q.content) })),
  };
}

export type ExtractDocument = Omit<Document, 'repeatedBlocks'> & { repeatedBlocks: Document['repeatedBlocks'] };

/**
 * The analysis context for a run: the bundled KB plus the positions the user imported into their database,
 * when that database exists (it is only read).
 */
export function userContext(db: string | undefined): AnalysisContext {
  if (!db || !existsSync(db)) return defaultContext();
  const store = new SqliteStore(db);
  try {
    const rows = store.importedPositions();
    if (!rows.length) return defaultContext();
    const kb = KnowledgeBase.load();
    addImported(kb, rows);
    return contextWith(kb);
  } finally {
    store.close();
  }
}

export async function extract(paths: string[], opts: { map?: string[]; maxSize?: string; stdin?: NodeJS.ReadableStream; db?: string; link?: boolean } = {}) {
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
    const ctx = userContext(opts.db);
    const output: ExtractOutput = { readout: VERSION, documents, events: [], quotes: [], errors: summary.errorList, mentions: [], times: [] };
    const analyses = new Map<string, Analysis>();
    for (const d of documents) {
      if (d.duplicateOf) continue; // a near duplicate says what its original says
      const analysis = analyze(d, ctx);
      analyses.set(d.id, analysis);
      const a = analysisOutput(analysis);
      output.events.push(...a.events);
      output.quotes.push(...a.quotes);
      output.mentions.push(...a.mentions);
      output.times.push(...a.times);
    }
    if (opts.link) output.linkedEvents = linkAnalyses(analyses, ctx);
    return { output, summary };
  } finally {
    store.close();
  }
}

export async function extractCommand(paths: string[], flags: { map: string[]; maxSize: string; strict?: boolean; pretty?: boolean; db?: string; link?: boolean }): Promise<number> {
  const { output, summary } = await extract(paths, flags);
  process.stdout.write(JSON.stringify(output, null, flags.pretty ? 2 : undefined) + '\n');
  process.stderr.write(summaryLine(summary) + '\n');
  return flags.strict && summary.errors > 0 ? 1 : 0;
}
