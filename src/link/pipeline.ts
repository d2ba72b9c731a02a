/**
 * Analysis and linking over the store: analyse the documents not analysed yet, then link every event mention
 * of the store into events and describe their accounts. Linking reads all mentions (10,000 link in about a
 * second); decisions are pairwise, so the result is the same whatever order documents were ingested in.
 */
import { analyze, type AnalysisContext } from '../analyze/analyze.ts';
import type { Analysis } from '../model/annotations.ts';
import { EventStore, type StoredAnalysis } from '../store/events.ts';
import type { SqliteStore } from '../store/sqlite.ts';
import { describe } from './accounts.ts';
import { linkEvents } from './link.ts';

export interface AnalyseSummary {
  analysed: number;
  events: number;
}

export function analyseStore(store: SqliteStore, ctx: AnalysisContext, onProgress?: (done: number, total: number) => void): AnalyseSummary {
  const events = new EventStore(store);
  const ids = events.documentsToAnalyse();
  let n = 0;
  let found = 0;
  const batch = 100;
  for (let i = 0; i < ids.length; i += batch) {
    store.transaction(() => {
      for (const id of ids.slice(i, i + batch)) {
        const doc = store.getDocument(id);
        if (!doc) continue;
        const a = analyze(doc, ctx);
        events.putAnalysis(a);
        n++;
        found += a.events.length;
      }
    });
    onProgress?.(Math.min(i + batch, ids.length), ids.length);
  }
  return { analysed: n, events: found };
}

export interface LinkSummary {
  mentions: number;
  events: number;
  /** events reported by more than one document */
  shared: number;
  seconds: number;
}

export function relinkStore(store: SqliteStore, ctx: AnalysisContext): LinkSummary {
  const events = new EventStore(store);
  const t0 = process.hrtime.bigint();
  const mentions = events.mentions();
  const linked = linkEvents(mentions);
  const cache = new Map<string, StoredAnalysis | null>();
  const analysisOf = (id: string) => {
    if (!cache.has(id)) cache.set(id, events.getAnalysis(id));
    return cache.get(id) ?? null;
  };
  const described = linked.map((ev) => {
    const analyses = new Map<string, Analysis>();
    for (const d of ev.documents) {
      const a = analysisOf(d);
      if (a) analyses.set(d, a as Analysis);
    }
    return describe(ev, analyses, ctx.kb);
  });
  events.replaceLinkedEvents(described);
  return { mentions: mentions.length, events: described.length, shared: described.filter((e) => e.documents.length > 1).length, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}
