/**
 * Time expressions against TempEval-3 platinum (20 news documents with TIMEX3 gold) and the acceptance checks
 * on the seed articles.
 *
 * TE3: each document's <TEXT> is stripped of its tags (entities decoded) to get the plain text and the gold
 * spans; resolveTimes reads it as one 'body' section whose reference date is the document creation time.
 *
 * Measures, over gold DATE and TIME expressions:
 * - found: some predicted expression (of any type) overlaps the gold span;
 * - value correct, of those found: the predicted expression that overlaps the gold span most has the gold
 *   value. DATE values must be equal as strings. TIME values are compared at the precision the gold gives:
 *   the gold value must be a prefix of ours once a bare hour is written with minutes ("T20" → "T20:00") and
 *   seconds are dropped, so gold "2013-03-22T10:00" matches ours "2013-03-22T10:00" and gold
 *   "2013-03-22T10" matches "2013-03-22T10:00", but gold "2013-03-22" never matches a TIME of another day
 *   and an X in the gold matches only an X in ours;
 * - precision: predicted DATE/TIME expressions that overlap some gold TIMEX3 of any type, over all predicted
 *   DATE/TIME expressions.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveTimes } from '../analyze/time.ts';
import type { TimeExpression } from '../model/annotations.ts';
import type { Document } from '../model/document.ts';
import { readSeeds, sharedPath } from './shared.ts';

export const TIMEX_DIR = ['eval', 'timex-te3-platinum'];

type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimexTypeCounts {
  gold: number;
  found: number;
  valueCorrect: number;
  predicted: number;
}

export interface TimexMiss {
  doc: string;
  /** the gold expression's words */
  text: string;
  type: TimexType;
  gold: string;
  /** 'not-found': no predicted span overlaps it; 'wrong-value': found with another value */
  kind: 'not-found' | 'wrong-value';
  got: string | null;
  gotText: string | null;
  gotBasis: string | null;
  context: string;
}

export interface TimexReport {
  documents: number;
  /** gold DATE and TIME expressions */
  gold: number;
  found: number;
  /** found / gold */
  foundShare: number;
  valueCorrect: number;
  /** valueCorrect / found */
  valueShare: number;
  /** predicted DATE and TIME expressions */
  predicted: number;
  /** of those, the ones overlapping some gold TIMEX3 of any type */
  predictedMatching: number;
  precision: number;
  perType: Record<TimexType, TimexTypeCounts>;
  misses: TimexMiss[];
  /** predicted DATE/TIME expressions that overlap no gold TIMEX3 */
  falsePositives: Array<{ doc: string; text: string; value: string | null; context: string }>;
  /** how values are compared */
  valueRule: string;
}

export const VALUE_RULE =
  'DATE: the value equals the gold value; TIME: the gold value is a prefix of ours after writing a bare hour as HH:00 and dropping seconds (precision of the gold)';

interface GoldTimex {
  start: number;
  end: number;
  type: TimexType;
  value: string;
  text: string;
}

interface TmlDoc {
  id: string;
  dct: string;
  text: string;
  gold: GoldTimex[];
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    return String.fromCodePoint(l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
  });
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/** Plain text and gold TIMEX3 spans of one TimeML document. */
export function parseTml(xml: string, id = ''): TmlDoc {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dct = attr(dctTag, 'value') ?? '';
  const a = xml.indexOf('<TEXT>');
  const b = xml.indexOf('</TEXT>');
  const body = a >= 0 && b > a ? xml.slice(a + 6, b) : '';
  let text = '';
  const gold: GoldTimex[] = [];
  let open: { start: number; type: TimexType; value: string } | null = null;
  const re = /<[^>]+>|[^<]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const tok = m[0];
    if (tok.startsWith('<')) {
      if (/^<TIMEX3\b/.test(tok)) open = { start: text.length, type: (attr(tok, 'type') ?? 'DATE') as TimexType, value: attr(tok, 'value') ?? '' };
      else if (/^<\/TIMEX3>/.test(tok) && open) {
        gold.push({ ...open, end: text.length, text: text.slice(open.start) });
        open = null;
      }
    } else text += decodeEntities(tok);
  }
  return { id, dct, text, gold };
}

function normTime(v: string): string {
  let s = v.toUpperCase().replace(/(T\d\d:\d\d):\d\d(?:\.\d+)?/, '$1');
  s = s.replace(/T(\d\d)$/, 'T$1:00');
  return s;
}

export function valueMatches(type: TimexType, gold: string, got: string | null): boolean {
  if (got === null) return false;
  if (gold === got) return true;
  if (type !== 'TIME') return false;
  const g = normTime(gold);
  const p = normTime(got);
  return p.startsWith(g);
}

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 60), start)}[[${text.slice(start, end)}]]${text.slice(end, end + 40)}`.replace(/\s+/g, ' ');
}

export function evaluateTimex(shared: string): TimexReport {
  const dir = sharedPath(shared, ...TIMEX_DIR);
  const files = readdirSync(dir).filter((f) => f.endsWith('.tml')).sort();
  const perType: Record<TimexType, TimexTypeCounts> = {
    DATE: { gold: 0, found: 0, valueCorrect: 0, predicted: 0 },
    TIME: { gold: 0, found: 0, valueCorrect: 0, predicted: 0 },
    DURATION: { gold: 0, found: 0, valueCorrect: 0, predicted: 0 },
    SET: { gold: 0, found: 0, valueCorrect: 0, predicted: 0 },
  };
  const misses: TimexMiss[] = [];
  const falsePositives: TimexReport['falsePositives'] = [];
  let predicted = 0;
  let predictedMatching = 0;
  for (const f of files) {
    const doc = parseTml(readFileSync(join(dir, f), 'utf8'), f.replace(/\.tml$/, ''));
    const day = doc.dct.slice(0, 10);
    const ok = /^\d{4}-\d\d-\d\d$/.test(day);
    const times = resolveTimes(doc.text, [
      {
        start: 0,
        end: doc.text.length,
        kind: 'body',
        published: ok ? { earliest: day, latest: day, text: doc.dct, basis: 'document creation time' } : { earliest: null, latest: null, text: null, basis: 'no document creation time' },
      },
    ]);
    const overlap = (t: TimeExpression, g: { start: number; end: number }) => Math.min(t.end, g.end) - Math.max(t.start, g.start);
    for (const t of times) {
      perType[t.type].predicted++;
      if (t.type !== 'DATE' && t.type !== 'TIME') continue;
      predicted++;
      if (doc.gold.some((g) => overlap(t, g) > 0)) predictedMatching++;
      else falsePositives.push({ doc: doc.id, text: t.text, value: t.value, context: context(doc.text, t.start, t.end) });
    }
    for (const g of doc.gold) {
      const counts = perType[g.type] ?? perType.DATE;
      counts.gold++;
      let best: TimeExpression | null = null;
      for (const t of times) if (overlap(t, g) > 0 && (!best || overlap(t, g) > overlap(best, g))) best = t;
      if (best) counts.found++;
      const correct = !!best && valueMatches(g.type, g.value, best.value);
      if (correct) counts.valueCorrect++;
      if ((g.type === 'DATE' || g.type === 'TIME') && !correct) {
        misses.push({
          doc: doc.id,
          text: g.text,
          type: g.type,
          gold: g.value,
          kind: best ? 'wrong-value' : 'not-found',
          got: best?.value ?? null,
          gotText: best?.text ?? null,
          gotBasis: best?.basis ?? null,
          context: context(doc.text, g.start, g.end),
        });
      }
    }
  }
  const gold = perType.DATE.gold + perType.TIME.gold;
  const found = perType.DATE.found + perType.TIME.found;
  const valueCorrect = perType.DATE.valueCorrect + perType.TIME.valueCorrect;
  return {
    documents: files.length,
    gold,
    found,
    foundShare: gold ? found / gold : 0,
    valueCorrect,
    valueShare: found ? valueCorrect / found : 0,
    predicted,
    predictedMatching,
    precision: predicted ? predictedMatching / predicted : 0,
    perType,
    misses,
    falsePositives,
    valueRule: VALUE_RULE,
  };
}

// ── the seed acceptance checks ───────────────────────────────────────────────────────────────────────────

export interface SeedTimeCheck {
  seed: string;
  /** the words looked for */
  text: string;
  expected: string;
  got: string;
  ok: boolean;
}

interface CheckSpec {
  seed: string;
  phrase: string;
  /** index of the section to look in; the whole text when absent */
  section?: number;
  expected: string;
  test(t: TimeExpression): boolean;
}

const within = (lo: string, hi: string) => (t: TimeExpression) => !!t.earliest && !!t.latest && t.earliest >= lo && t.latest <= hi;
const day = (d: string) => (t: TimeExpression) => t.earliest === d && t.latest === d;

const CHECKS: CheckSpec[] = [
  { seed: '002', phrase: 'On Tuesday', expected: '2018-10-23', test: day('2018-10-23') },
  { seed: '001', phrase: 'On Monday', expected: '2017-06-26', test: day('2017-06-26') },
  { seed: '003', phrase: 'on Thursday', expected: '2021-02-04', test: day('2021-02-04') },
  { seed: '004', phrase: 'This month', section: 1, expected: 'within 2014-12', test: within('2014-12-01', '2014-12-31') },
  { seed: '004', phrase: 'Earlier this month', section: 1, expected: 'within 2014-12', test: within('2014-12-01', '2014-12-31') },
  { seed: '004', phrase: 'This fall', section: 1, expected: '2014 fall (2014-FA, 2014-09-01..2014-11-30)', test: (t) => t.value === '2014-FA' && t.earliest === '2014-09-01' && t.latest === '2014-11-30' },
  { seed: '004', phrase: 'in October', section: 1, expected: '2014-10 (2014-10-01..2014-10-31)', test: (t) => t.value === '2014-10' && t.earliest === '2014-10-01' && t.latest === '2014-10-31' },
  { seed: '003', phrase: 'In December', expected: '2020-12 (2020-12-01..2020-12-31)', test: (t) => t.value === '2020-12' && t.earliest === '2020-12-01' && t.latest === '2020-12-31' },
  { seed: '002', phrase: 'July 16', expected: '2018-07-16', test: day('2018-07-16') },
  {
    seed: '000',
    phrase: 'In late January',
    expected: 'null interval, basis: the year is unknown',
    test: (t) => t.earliest === null && t.latest === null && /year is unknown/.test(t.basis),
  },
];

function describe(t: TimeExpression | undefined): string {
  if (!t) return 'no time expression there';
  return `"${t.text}" ${t.type} ${t.value ?? 'null'} ${t.earliest ?? 'null'}..${t.latest ?? 'null'} (${t.basis})`;
}

export function seedDocuments(shared: string): Record<string, Document> {
  const docs: Record<string, Document> = {};
  for (const { file, document } of readSeeds(shared)) docs[file.slice(0, 3)] = document;
  return docs;
}

/** The acceptance checks on the seed articles: each phrase, what it should resolve to, what it did. */
export function seedTimeChecks(shared: string): SeedTimeCheck[] {
  const docs = seedDocuments(shared);
  return CHECKS.map((c) => {
    const doc = docs[c.seed];
    if (!doc) return { seed: c.seed, text: c.phrase, expected: c.expected, got: 'seed file not found', ok: false };
    const section = c.section !== undefined ? doc.sections[c.section] : undefined;
    const lo = section?.start ?? 0;
    const hi = section?.end ?? doc.text.length;
    const at = doc.text.slice(lo, hi).indexOf(c.phrase);
    if (at < 0) return { seed: c.seed, text: c.phrase, expected: c.expected, got: 'phrase not in the text', ok: false };
    const start = lo + at;
    const end = start + c.phrase.length;
    const t = resolveTimes(doc.text, doc.sections).find((x) => x.start < end && start < x.end);
    return { seed: c.seed, text: c.phrase, expected: c.expected, got: describe(t), ok: !!t && c.test(t) };
  });
}
