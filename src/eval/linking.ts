/**
 * Linking on news-clusters (383 real articles labelled with the real-world event they report): each document's
 * main linked event is the linked event of its lead event, joined with the documents telling the same story;
 * B-cubed precision, recall and F1 of those groups against the gold labels.
 */
import { readFileSync } from 'node:fs';
import { analyze, defaultContext } from '../analyze/analyze.ts';
import { linkAnalyses } from '../cli/extract.ts';
import type { Analysis } from '../model/annotations.ts';
import { prepare } from '../ingest/prepare.ts';
import type { Document } from '../model/document.ts';
import type { EventMention } from '../model/linked.ts';
import { IngestFailure } from '../model/messages.ts';
import { LinkIndex, mentionsOf } from '../link/link.ts';
import { storyPairs } from '../link/stories.ts';
import { f1, readSeeds, sharedPath } from './shared.ts';

export interface SeedLinkCheck {
  /** the January 2021 Biden–Putin call is one linked event reported by both 000 and 003 */
  oneEvent: boolean;
  documents: number;
  /** sides with an account of it, and the divergences found */
  sides: string[];
  divergences: Array<{ kind: string; description: string }>;
}

export interface LinkingReport {
  documents: number;
  goldEvents: number;
  groups: number;
  precision: number;
  recall: number;
  f1: number;
  /** documents whose main event is a coded PLOVER event (the rest are linked by their story alone) */
  withCodedEvent: number;
  /** records Readout could not read (each scored as a group of its own), with the reason */
  unreadable: string[];
}

/** On the seeds: 000's and 003's references to the January 2021 Biden–Putin call are one event whose accounts diverge. */
export function seedLinkCheck(shared: string): SeedLinkCheck {
  const analyses = new Map<string, Analysis>();
  const files: Record<string, string> = {};
  for (const { file, document } of readSeeds(shared)) {
    analyses.set(document.id, analyze(document));
    files[document.id] = file;
  }
  const linked = linkAnalyses(analyses, defaultContext());
  const call = linked.find(
    (e) => e.event === 'CONSULT' && e.mode === 'phone' && (e.date.earliest ?? '').startsWith('2021-01') &&
      e.documents.some((d) => files[d]!.startsWith('000')) && e.documents.some((d) => files[d]!.startsWith('003')),
  );
  return {
    oneEvent: !!call,
    documents: call?.documents.length ?? 0,
    sides: [...new Set((call?.accounts ?? []).map((a) => a.side).filter((x): x is string => !!x))],
    divergences: (call?.divergences ?? []).map((d) => ({ kind: d.kind, description: d.description })),
  };
}

/** The event a document leads with: the first confident event of its opening sentences. */
export function mainEvent(events: EventMention[], doc: Document): EventMention | null {
  const lead = doc.text.split(/\n+/).slice(0, 3).join('\n').length;
  const ranked = events.filter((e) => e.evidence[0]!.start <= lead && e.confidence >= 0.6).sort((a, b) => a.evidence[0]!.start - b.evidence[0]!.start);
  return ranked[0] ?? null;
}

/** Groups of documents that share their main linked event (indices into docs). */
export function documentGroups(docs: Document[], eventsByDoc: EventMention[][]): number[] {
  const parent = docs.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (const [a, b] of storyPairs(docs)) union(a, b);
  const mains = docs.map((d, i) => mainEvent(eventsByDoc[i]!, d));
  const index = new LinkIndex();
  index.add(eventsByDoc.flat());
  const docOf = new Map<string, number>();
  docs.forEach((d, i) => docOf.set(d.id, i));
  const mainIds = new Set(mains.filter((m): m is EventMention => !!m).map((m) => m.id));
  for (const group of index.components()) {
    const leads = group.filter((m) => mainIds.has(m.id)).map((m) => docOf.get(m.document)!);
    for (let k = 1; k < leads.length; k++) union(leads[0]!, leads[k]!);
  }
  return docs.map((_, i) => find(i));
}

export function bcubed(predicted: Array<string | number>, gold: Array<string | number>): { precision: number; recall: number; f1: number } {
  let p = 0;
  let r = 0;
  const n = predicted.length;
  for (let i = 0; i < n; i++) {
    let samePred = 0;
    let sameGold = 0;
    let both = 0;
    for (let j = 0; j < n; j++) {
      const sp = predicted[j] === predicted[i];
      const sg = gold[j] === gold[i];
      if (sp) samePred++;
      if (sg) sameGold++;
      if (sp && sg) both++;
    }
    p += both / samePred;
    r += both / sameGold;
  }
  const precision = n ? p / n : 0;
  const recall = n ? r / n : 0;
  return { precision, recall, f1: f1(precision, recall) };
}

export function evaluateLinking(shared: string): LinkingReport {
  const lines = readFileSync(sharedPath(shared, 'eval', 'news-clusters', 'giveme5w1h-news-cluster.jsonl'), 'utf8').split('\n').filter(Boolean);
  const docs: Document[] = [];
  const gold: number[] = [];
  const eventsByDoc: EventMention[][] = [];
  const unreadable: string[] = [];
  lines.forEach((line, i) => {
    const r = JSON.parse(line) as { cluster: { event_id: number } } & Record<string, unknown>;
    const source = `news-clusters#${i + 1}`;
    let document: Document;
    try {
      document = prepare({ kind: 'record', source, record: r, raw: line }, { maxBytes: 1 << 24 }).document;
    } catch (e) {
      // a record the reader refuses still counts, as a document that shares no event with any other
      if (!(e instanceof IngestFailure)) throw e;
      unreadable.push(`${source}: ${e.message}`);
      const text = ' ';
      document = { id: source, source, title: null, outlet: null, author: null, url: null, language: 'en', published: { earliest: null, latest: null, basis: 'unread' }, duplicateOf: null, sections: [{ start: 0, end: 1, kind: 'body', published: { earliest: null, latest: null, basis: 'unread' }, repeatOf: null }], repeatedBlocks: [], text, warnings: [] };
    }
    docs.push(document);
    gold.push(r.cluster.event_id);
    eventsByDoc.push(mentionsOf(analyze(document)));
  });
  const groups = documentGroups(docs, eventsByDoc);
  const score = bcubed(groups, gold);
  return {
    documents: docs.length,
    goldEvents: new Set(gold).size,
    groups: new Set(groups).size,
    ...score,
    withCodedEvent: docs.filter((d, i) => mainEvent(eventsByDoc[i]!, d)).length,
    unreadable,
  };
}
