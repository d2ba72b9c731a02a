/**
 * Relations over time: per pair of states, a monthly cooperation–conflict index from linked events — each real
 * event once, however many documents report it — scored by rules/plover-scores.yaml. And per outlet, how it
 * reports: the share of loaded language, of attributed claims, and the events it covers.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { LinkedEvent } from '../model/linked.ts';
import type { StoredAnalysis } from '../store/events.ts';
import { language } from './accounts.ts';

interface Scores {
  types: Record<string, number>;
  modes: Record<string, Record<string, number>>;
  status: Record<string, number>;
}

let scores: Scores | null = null;
function table(): Scores {
  return (scores ??= parseYaml(readFileSync(new URL('./rules/plover-scores.yaml', import.meta.url), 'utf8')) as Scores);
}

export function eventScore(e: Pick<LinkedEvent, 'event' | 'mode' | 'status'>): number {
  const t = table();
  const base = e.mode && t.modes[e.event]?.[e.mode] !== undefined ? t.modes[e.event]![e.mode]! : t.types[e.event] ?? 0;
  return base * (t.status[e.status] ?? 0);
}

export interface MonthPoint {
  month: string;
  events: number;
  cooperation: number;
  conflict: number;
  /** mean score of the month's events */
  index: number;
}

export function relationsIndex(events: LinkedEvent[], a: string, b: string): MonthPoint[] {
  const months = new Map<string, MonthPoint>();
  for (const e of events) {
    const cs = new Set([...e.actor, ...e.recipient].map((x) => x.country));
    if (!cs.has(a) || !cs.has(b) || !e.date.earliest) continue;
    const month = e.date.earliest.slice(0, 7);
    // an event the text dates only to a year or a season belongs to no one month: counting it in the first
    // would pile every "in 2016" into January
    if ((e.date.latest ?? e.date.earliest).slice(0, 7) !== month) continue;
    const p = months.get(month) ?? { month, events: 0, cooperation: 0, conflict: 0, index: 0 };
    const s = eventScore(e);
    p.events++;
    if (s > 0) p.cooperation += s;
    else p.conflict += s;
    months.set(month, p);
  }
  return [...months.values()].map((p) => ({ ...p, index: p.events ? (p.cooperation + p.conflict) / p.events : 0 })).sort((x, y) => (x.month < y.month ? -1 : 1));
}

export interface OutletProfile {
  outlet: string;
  documents: number;
  sentences: number;
  /** share of sentences with loaded or characterising words */
  loaded: number;
  /** share of the outlet's events the text attributes to someone */
  attributed: number;
  events: number;
}

export function outletProfiles(analyses: Iterable<StoredAnalysis>): OutletProfile[] {
  const L = language();
  const by = new Map<string, OutletProfile & { attributedEvents: number }>();
  for (const a of analyses) {
    const outlet = a.document.outlet ?? '(unknown outlet)';
    const p = by.get(outlet) ?? { outlet, documents: 0, sentences: 0, loaded: 0, attributed: 0, events: 0, attributedEvents: 0 };
    p.documents++;
    for (const s of a.sentences) {
      p.sentences++;
      const t = a.document.text.slice(s.start, s.end);
      L.loaded.lastIndex = 0;
      L.negative.lastIndex = 0;
      if (L.loaded.test(t) || L.negative.test(t)) p.loaded++;
    }
    for (const e of a.events) {
      p.events++;
      if (e.attributedTo) p.attributedEvents++;
    }
    by.set(outlet, p);
  }
  return [...by.values()]
    .map(({ attributedEvents, ...p }) => ({ ...p, loaded: p.sentences ? p.loaded / p.sentences : 0, attributed: p.events ? attributedEvents / p.events : 0 }))
    .sort((x, y) => y.documents - x.documents);
}
