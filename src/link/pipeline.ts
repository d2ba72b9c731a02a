/**
 * Analysis and linking over the store: analyse the documents not analysed yet, then link their event mentions
 * into the store's events (incrementally: only the events a new mention touches are regrouped and described
 * again) — the result is the same whatever order documents were ingested in.
 */
import { analyze, type AnalysisContext } from '../analyze/analyze.ts';
import type { Analysis } from '../model/annotations.ts';
import { EventStore, type StoredAnalysis } from '../store/events.ts';
import type { SqliteStore } from '../store/sqlite.ts';
import { describe } from './accounts.ts';
import { aggregate, candidateKeys, fileKeys, groupMentions, sameEvent } from './link.ts';
import type { EventMention, LinkedEvent } from '../model/linked.ts';

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
  /** mentions linked in this run */
  mentions: number;
  /** events in the store */
  events: number;
  /** events reported by more than one document */
  shared: number;
  /** events formed or re-formed in this run */
  changed: number;
  seconds: number;
}

/**
 * Links the mentions not linked yet into the store's events, without relinking the rest: each new mention is
 * compared with the mentions filed under its candidate keys, the pairs that report one event are kept, and the
 * connected part of that pair graph the new mentions touch is grouped again (groupMentions). Grouping depends
 * only on that part, so the events are the same whatever order documents arrived in, and the same as relinking
 * everything (relinkStore).
 */
export function linkStore(store: SqliteStore, ctx: AnalysisContext): LinkSummary {
  const events = new EventStore(store);
  const t0 = process.hrtime.bigint();
  let mentions = 0;
  let described: LinkedEvent[] = [];
  store.transaction(() => {
    const fresh = events.unindexedMentions();
    mentions = fresh.length;
    const cache = new Map<string, EventMention>();
    const recordOf = (id: string) => {
      if (!cache.has(id)) for (const [k, v] of events.mentionsById([id])) cache.set(k, v);
      return cache.get(id);
    };
    for (const m of fresh) {
      const pairs: Array<[string, string]> = [];
      for (const other of events.filedUnder(candidateKeys(m))) {
        const o = recordOf(other);
        if (o && other !== m.id && sameEvent(m, o)) pairs.push([m.id, other]);
      }
      events.fileMention(m.id, fileKeys(m), pairs);
      cache.set(m.id, m);
    }
    const seeds = events.unlinkedMentionIds();
    if (!seeds.length) return;
    const part = events.connected(seeds);
    const byId = events.mentionsById(part.ids);
    const groups = groupMentions(byId, part.edges);
    described = describeAll(groups.map(aggregate), events, ctx);
    events.replaceLinkedEventsOf(part.ids, described);
  });
  const totals = events.linkedEventCounts();
  return { mentions, ...totals, changed: described.length, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

/** Relinks every mention of the store from scratch (after a change of the linking rules). */
export function relinkStore(store: SqliteStore, ctx: AnalysisContext): LinkSummary {
  new EventStore(store).clearLinks();
  return linkStore(store, ctx);
}

function describeAll(linked: LinkedEvent[], events: EventStore, ctx: AnalysisContext): LinkedEvent[] {
  const cache = new Map<string, StoredAnalysis | null>();
  const analysisOf = (id: string) => {
    if (!cache.has(id)) cache.set(id, events.getAnalysis(id));
    return cache.get(id) ?? null;
  };
  return linked.map((ev) => {
    const analyses = new Map<string, Analysis>();
    for (const d of ev.documents) {
      const a = analysisOf(d);
      if (a) analyses.set(d, a as Analysis);
    }
    return describe(ev, analyses, ctx.kb);
  });
}
