/**
 * Event scores on the seed gold (../shared/gold/README.md): a prediction matches a gold event in the same
 * document when its type is one of the gold's and every gold actor spec is met by a participant on the same side
 * (either side when symmetric): equal country code and, where the spec names a person, a participant whose name
 * or text contains it. Matching is one-to-one, must events first. Recall = matched must / all must;
 * precision = matched (must or may) / all predicted; over matched events, date right when the intervals overlap
 * and the predicted one is no wider than the gold's or 31 days; status and mode right when equal (scored only
 * where the gold gives them); published right when the predicted day lies inside the gold interval.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze/analyze.ts';
import type { Actor, EventRecord } from '../model/annotations.ts';
import type { Document } from '../model/document.ts';
import { readSeeds, sharedPath } from './shared.ts';

interface Spec {
  country: string;
  person?: string;
}

export interface GoldEvent {
  id: string;
  need: 'must' | 'may';
  event: string[];
  mode?: string;
  actor?: Spec[];
  recipient?: Spec[];
  symmetric?: boolean;
  date?: { earliest: string; latest: string };
  status?: string;
  cue?: string;
}

interface GoldDoc {
  published: { earliest: string; latest: string } | null;
  events: GoldEvent[];
}

export interface EventRow {
  document: string;
  gold: string;
  need: 'must' | 'may';
  matched: string | null;
  date: boolean | null;
  status: boolean | null;
  mode: boolean | null;
  detail: string;
}

export interface SeedEventReport {
  must: number;
  mustMatched: number;
  recall: number;
  predicted: number;
  matched: number;
  precision: number;
  dates: { scored: number; right: number };
  statuses: { scored: number; right: number };
  modes: { scored: number; right: number };
  published: { scored: number; right: number };
  rows: EventRow[];
  /** predictions that matched no gold event */
  extras: Array<{ document: string; event: string; actor: string; recipient: string; evidence: string }>;
}

function meets(spec: Spec, side: Actor[]): boolean {
  return side.some((a) => a.country === spec.country && (!spec.person || (a.name ?? '').includes(spec.person) || (a.text ?? '').includes(spec.person)));
}

export function matches(g: GoldEvent, p: EventRecord): boolean {
  if (!g.event.includes(p.event)) return false;
  const actor = g.actor ?? [];
  const recipient = g.recipient ?? [];
  const straight = actor.every((s) => meets(s, p.actor)) && recipient.every((s) => meets(s, p.recipient));
  if (straight) return true;
  if (!g.symmetric) return false;
  const all = [...p.actor, ...p.recipient];
  const swapped = actor.every((s) => meets(s, p.recipient)) && recipient.every((s) => meets(s, p.actor));
  return swapped || [...actor, ...recipient].every((s) => meets(s, all));
}

function days(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86400000;
}

export function dateRight(gold: { earliest: string; latest: string }, p: EventRecord['date']): boolean {
  if (!p.earliest || !p.latest) return false;
  const overlap = p.earliest <= gold.latest && gold.earliest <= p.latest;
  return overlap && days(p.earliest, p.latest) <= Math.max(days(gold.earliest, gold.latest), 31);
}

const fmt = (xs: Actor[]) => xs.map((a) => `${a.name ?? a.text ?? '?'}/${a.country ?? '?'}`).join(', ');

export function scoreDocument(file: string, gold: GoldDoc, events: EventRecord[], published: Document['published'], rows: EventRow[], report: SeedEventReport): void {
  const used = new Set<EventRecord>();
  const ordered = [...gold.events].sort((a, b) => (a.need === b.need ? 0 : a.need === 'must' ? -1 : 1));
  for (const g of ordered) {
    const p = events.find((e) => !used.has(e) && matches(g, e));
    if (g.need === 'must') report.must++;
    const row: EventRow = { document: file, gold: g.id, need: g.need, matched: null, date: null, status: null, mode: null, detail: '' };
    if (p) {
      used.add(p);
      report.matched++;
      if (g.need === 'must') report.mustMatched++;
      row.matched = p.id;
      if (g.date) {
        row.date = dateRight(g.date, p.date);
        report.dates.scored++;
        if (row.date) report.dates.right++;
      }
      if (g.status) {
        row.status = p.status === g.status;
        report.statuses.scored++;
        if (row.status) report.statuses.right++;
      }
      if (g.mode) {
        row.mode = p.mode === g.mode;
        report.modes.scored++;
        if (row.mode) report.modes.right++;
      }
      row.detail = `${p.event} ${fmt(p.actor)} → ${fmt(p.recipient)} ${p.status} ${p.date.earliest ?? '?'}..${p.date.latest ?? '?'}${p.mode ? ` ${p.mode}` : ''}`;
    } else {
      row.detail = `missing: ${g.event.join('|')} ${g.cue ?? ''}`.slice(0, 140);
    }
    rows.push(row);
  }
  report.predicted += events.length;
  for (const e of events) {
    if (!used.has(e)) report.extras.push({ document: file, event: e.event, actor: fmt(e.actor), recipient: fmt(e.recipient), evidence: e.evidence[0]?.text.slice(0, 120) ?? '' });
  }
  if (gold.published) {
    report.published.scored++;
    const d = published.earliest;
    if (d && d === published.latest && d >= gold.published.earliest && d <= gold.published.latest) report.published.right++;
  }
}

export function evaluateSeedEvents(shared: string): SeedEventReport {
  const gold = JSON.parse(readFileSync(sharedPath(shared, 'gold', 'seeds.events.json'), 'utf8')) as { documents: Record<string, GoldDoc> };
  const report: SeedEventReport = {
    must: 0, mustMatched: 0, recall: 0, predicted: 0, matched: 0, precision: 0,
    dates: { scored: 0, right: 0 }, statuses: { scored: 0, right: 0 }, modes: { scored: 0, right: 0 }, published: { scored: 0, right: 0 },
    rows: [], extras: [],
  };
  for (const { file, document } of readSeeds(shared)) {
    const g = gold.documents[file];
    if (!g) continue;
    const a = analyze(document);
    scoreDocument(file, g, a.events, document.published, report.rows, report);
  }
  report.recall = report.must ? report.mustMatched / report.must : 0;
  report.precision = report.predicted ? report.matched / report.predicted : 0;
  return report;
}
