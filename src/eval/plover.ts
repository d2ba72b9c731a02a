/**
 * PLOVER gold-standard sentences (../shared/eval/plover-gsr, 322 sentences coded with PLOVER v0.5 types and
 * source/target actors). Each sentence is analysed alone, dated by its record. Scores: the share of sentences
 * where one of Readout's events has the gold type (old labels mapped: DEMAND→REQUEST, DISAPPROVE→ACCUSE,
 * FIGHT→ASSAULT, INVESTIGATE→ACCUSE); of those, the share where that event's actor includes the gold source
 * (a country code, or for IGO/NGO sources an organisation of that sector); events per sentence.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze/analyze.ts';
import type { Actor, EventRecord } from '../model/annotations.ts';
import type { Document } from '../model/document.ts';
import { sharedPath } from './shared.ts';

const OLD_LABELS: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', FIGHT: 'ASSAULT', INVESTIGATE: 'ACCUSE' };

interface GsrRecord {
  id: string;
  date?: string;
  event: string;
  text?: string;
  source?: Array<{ actorText: string; code: string }> | string;
}

export interface PloverReport {
  sentences: number;
  typeRight: number;
  /** of the sentences with the right type, those whose matching event has the gold source as actor */
  actorRight: number;
  events: number;
  eventsPerSentence: number;
  typeShare: number;
  actorShareOfTyped: number;
  actorShareOfAll: number;
  perType: Record<string, { gold: number; typeRight: number; actorRight: number }>;
  /** a sample of misses for whoever improves the lexicon */
  misses: Array<{ id: string; gold: string; got: string; text: string }>;
}

function sourceMatches(codes: string[], actor: Actor[]): boolean {
  return codes.some((c) =>
    actor.some((a) => a.country === c || ((c === 'IGO' || c === 'NGO') && a.sector === c) || (c === 'IGO' && !!a.country && /^[A-Z]{2,6}$/.test(a.country) && a.sector === 'IGO')),
  );
}

export function evaluatePlover(shared: string): PloverReport {
  const records = JSON.parse(readFileSync(sharedPath(shared, 'eval', 'plover-gsr', 'PLOVER_GSR_CAMEO.json'), 'utf8')) as GsrRecord[];
  const report: PloverReport = {
    sentences: 0, typeRight: 0, actorRight: 0, events: 0, eventsPerSentence: 0, typeShare: 0, actorShareOfTyped: 0, actorShareOfAll: 0, perType: {}, misses: [],
  };
  for (const r of records) {
    if (r.event === 'DOCUMENT' || !r.text) continue;
    const gold = OLD_LABELS[r.event] ?? r.event;
    const codes = Array.isArray(r.source) ? r.source.map((s) => s.code) : [];
    const day = r.date ?? null;
    const published = { earliest: day, latest: day, basis: 'record date' };
    const doc: Document = {
      id: r.id, source: r.id, title: null, outlet: null, author: null, url: null, language: 'en', published, duplicateOf: null,
      sections: [{ start: 0, end: r.text.length, kind: 'body', published, repeatOf: null }], repeatedBlocks: [], text: r.text, warnings: [],
    };
    const events: EventRecord[] = analyze(doc).events;
    report.sentences++;
    report.events += events.length;
    const t = (report.perType[gold] ??= { gold: 0, typeRight: 0, actorRight: 0 });
    t.gold++;
    const typed = events.filter((e) => e.event === gold);
    if (typed.length) {
      report.typeRight++;
      t.typeRight++;
      if (!codes.length || typed.some((e) => sourceMatches(codes, e.actor) || (e.symmetric && sourceMatches(codes, e.recipient)))) {
        report.actorRight++;
        t.actorRight++;
      } else if (report.misses.length < 400) {
        report.misses.push({ id: r.id, gold: `${gold} by ${codes.join(',')}`, got: typed.map((e) => `${e.event} by ${e.actor.map((a) => a.country).join(',')}`).join('; '), text: r.text });
      }
    } else if (report.misses.length < 400) {
      report.misses.push({ id: r.id, gold: `${gold} by ${codes.join(',')}`, got: events.map((e) => `${e.event} by ${e.actor.map((a) => a.country).join(',')}`).join('; ') || 'nothing', text: r.text });
    }
  }
  report.eventsPerSentence = report.sentences ? report.events / report.sentences : 0;
  report.typeShare = report.sentences ? report.typeRight / report.sentences : 0;
  report.actorShareOfTyped = report.typeRight ? report.actorRight / report.typeRight : 0;
  report.actorShareOfAll = report.sentences ? report.actorRight / report.sentences : 0;
  return report;
}
