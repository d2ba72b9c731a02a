/**
 * Time expressions: found by rules over the clean text and resolved against the reference date of the section
 * they appear in (a forum post and the column it quotes have different reference dates).
 *
 * The tagger is our own rule set rather than chrono-node: chrono drops "late"/"early", gets month ends wrong,
 * has no notion of the clause's tense ("in December" in a news report is the last December, not the next),
 * and gives neither TIMEX3 values nor durations and sets. Each rule is a regular expression compiled once
 * from the word lists in rules/time.yaml; all rules run over a section, the longest match wins where they
 * overlap, and each match carries a reader that turns a reference day into an interval, a TIMEX3 value and
 * the words of its basis.
 *
 * Reference dates: one known day → resolved against it; an interval → resolved against both ends and widened
 * to cover both (the value keeps what both readings share, X'ing the rest); unknown → null interval, a value
 * with X's where TIMEX3 allows ("XXXX-01"), and a basis that says the year is unknown.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { TimeExpression } from '../model/annotations.ts';
import {
  addDays,
  addMonths,
  dayDiff,
  daysInMonth,
  easterSunday,
  isoWeekValue,
  isoWeekday,
  makeDay,
  monthInterval,
  monthRangeInterval,
  nthWeekdayOfMonth,
  orthodoxEasterSunday,
  pad,
  parseDay,
  weekInterval,
  yearInterval,
} from '../model/calendar.ts';
import type { Day, Section, When } from '../model/document.ts';

export type TimeSection = Pick<Section, 'start' | 'end' | 'kind' | 'published'>;

type Tense = 'past' | 'future' | 'none';
type PartKey = 'early' | 'mid' | 'late';
type Type = TimeExpression['type'];

// ── word lists ─────────────────────────────────────────────────────────────────────────────────────────────

interface PartDef {
  words: string[];
  month: [number, number];
  year: [number, number];
  week: [number, number];
  season: [number, number];
}

interface RulesFile {
  months: Record<string, string[]>;
  ambiguous_months: string[];
  month_cues: string[];
  weekdays: Record<string, string[]>;
  seasons: Record<string, { words: string[]; months: [number, number] }>;
  parts: Record<PartKey, PartDef>;
  day_parts: Record<string, string[]>;
  named_times: Record<string, string[]>;
  time_zones: string[];
  holidays: Array<{ words: string[]; date?: string; rule?: string }>;
  dated_events: Array<{ words: string[]; date: Day }>;
  numbers: Record<string, number>;
  vague: Record<string, number>;
  units: Record<string, { words: string[]; letter: string; time?: boolean; n: number }>;
  set_adverbs: Record<string, string[]>;
  set_rates: string[];
  present_ref: string[];
  past_ref: string[];
  future_ref: string[];
  future_cues: { words: string[]; phrases: string[] };
  past_cues: { words: string[]; not_past: string[] };
  count_nouns: string[];
  occasions: string[];
  id_words: string[];
}

interface UnitDef {
  key: string;
  letter: string;
  time: boolean;
  n: number;
}

interface Lexicon {
  file: RulesFile;
  month: Map<string, { n: number; full: boolean }>;
  ambiguousMonths: Set<string>;
  monthCues: Set<string>;
  weekday: Map<string, number>;
  season: Map<string, string>;
  seasonMonths: Map<string, [number, number]>;
  part: Map<string, PartKey>;
  dayPart: Map<string, string>;
  namedTime: Map<string, string>;
  holiday: Map<string, { date?: string; rule?: string }>;
  /** events known by their date ("the Sept. 11 attacks") → that day */
  datedEvent: Map<string, Day>;
  number: Map<string, number>;
  vague: Map<string, number>;
  unit: Map<string, UnitDef>;
  setAdverb: Map<string, string>;
  presentRef: Set<string>;
  pastRef: Set<string>;
  futureRef: Set<string>;
  futureWords: Set<string>;
  futurePhrases: Set<string>;
  pastWords: Set<string>;
  notPast: Set<string>;
  countNouns: Set<string>;
  /** after a weekday: "his Monday meeting", "Monday's summit" */
  occasionAfter: RegExp;
  idWords: Set<string>;
}

/** Lower case, one space between words, straight apostrophes: the form every lookup map is keyed by. */
function norm(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

function loadLexicon(path: URL): Lexicon {
  const file = parseYaml(readFileSync(path, 'utf8')) as RulesFile;
  const month = new Map<string, { n: number; full: boolean }>();
  for (const [n, names] of Object.entries(file.months)) names.forEach((w, i) => month.set(norm(w), { n: +n, full: i === 0 }));
  const weekday = new Map<string, number>();
  for (const [n, names] of Object.entries(file.weekdays)) for (const w of names) weekday.set(norm(w).replace(/\.$/, ''), +n);
  const season = new Map<string, string>();
  const seasonMonths = new Map<string, [number, number]>();
  for (const [code, s] of Object.entries(file.seasons)) {
    seasonMonths.set(code, s.months);
    for (const w of s.words) season.set(norm(w), code);
  }
  const part = new Map<string, PartKey>();
  for (const [k, p] of Object.entries(file.parts) as Array<[PartKey, PartDef]>) for (const w of p.words) part.set(norm(w), k);
  const inverse = (rec: Record<string, string[]>) => {
    const m = new Map<string, string>();
    for (const [k, ws] of Object.entries(rec)) for (const w of ws) m.set(norm(w), k);
    return m;
  };
  const holiday = new Map<string, { date?: string; rule?: string }>();
  for (const h of file.holidays) for (const w of h.words) holiday.set(norm(w), { date: h.date, rule: h.rule });
  const unit = new Map<string, UnitDef>();
  for (const [key, u] of Object.entries(file.units)) for (const w of u.words) unit.set(norm(w), { key, letter: u.letter, time: !!u.time, n: u.n });
  const set = (ws: string[]) => new Set(ws.map(norm));
  return {
    file,
    month,
    ambiguousMonths: new Set(file.ambiguous_months),
    monthCues: set(file.month_cues),
    weekday,
    season,
    seasonMonths,
    part,
    dayPart: inverse(file.day_parts),
    namedTime: inverse(file.named_times),
    holiday,
    datedEvent: new Map(file.dated_events.flatMap((e) => e.words.map((w): [string, Day] => [norm(String(w)), e.date]))),
    number: new Map(Object.entries(file.numbers).map(([k, v]) => [norm(k), v])),
    vague: new Map(Object.entries(file.vague).map(([k, v]) => [norm(k), v])),
    unit,
    setAdverb: inverse(file.set_adverbs),
    presentRef: set(file.present_ref),
    pastRef: set(file.past_ref),
    futureRef: set(file.future_ref),
    futureWords: set(file.future_cues.words),
    futurePhrases: set(file.future_cues.phrases),
    pastWords: set(file.past_cues.words),
    notPast: set(file.past_cues.not_past),
    countNouns: set(file.count_nouns),
    occasionAfter: new RegExp(`^(?:['’]s)?\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${file.occasions.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|')})\\b`, 'iu'),
    idWords: set(file.id_words),
  };
}

// ── readings: what a match means once a reference day is known ─────────────────────────────────────────────

interface Resolved {
  earliest: Day | null;
  latest: Day | null;
  value: string | null;
  /** how it was resolved; for relative readings it reads on with "the reference date …" */
  how: string;
  /** true when the result depends on the reference date */
  relative: boolean;
  /** clock time "HH:MM" or a part of day "MO", for anchoring a bare clock time to a nearby day */
  clock?: string;
}

/** ref null = the section's reference date is unknown. */
type Reader = (ref: Day | null, tense: () => Tense) => Resolved;

interface Candidate {
  start: number;
  end: number;
  type: Type;
  read: Reader;
  /** tie-break between rules matching the same span: higher wins */
  priority: number;
  /** a bare clock time ("at 8 PM") that takes its day from a date next to it */
  floating?: boolean;
}

/** The basis of a time that names an event by its date ("the Sept. 11 attacks"): it dates that event alone. */
export const KNOWN_BY = 'the day the event is known by';

const abs = (earliest: Day | null, latest: Day | null, value: string | null, how: string): Resolved => ({ earliest, latest, value, how, relative: false });
const rel = (earliest: Day | null, latest: Day | null, value: string | null, how: string): Resolved => ({ earliest, latest, value, how, relative: true });
const unknown = (value: string | null, how: string): Resolved => ({ earliest: null, latest: null, value, how, relative: true });

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Year of the month `m` seen from `ref` in a direction: past = latest on or before ref's month, last = strictly before, … */
function monthYear(ref: Day, m: number, mode: 'past' | 'future' | 'last' | 'next' | 'this'): number {
  const { y, m: rm } = parseDay(ref);
  switch (mode) {
    case 'past':
      return m <= rm ? y : y - 1;
    case 'future':
      return m >= rm ? y : y + 1;
    case 'last':
      return m < rm ? y : y - 1;
    case 'next':
      return m > rm ? y : y + 1;
    case 'this':
      return y;
  }
}

/** A part ("late") of a month: the interval narrowed, the month's value kept. */
function monthPart(y: number, m: number, part: PartKey | null, lex: Lexicon): { earliest: Day; latest: Day } {
  const whole = monthInterval(y, m);
  if (!part) return whole;
  const [d1, d2] = lex.file.parts[part].month;
  const last = daysInMonth(y, m);
  return { earliest: `${y}-${pad(m)}-${pad(Math.min(d1, last))}`, latest: `${y}-${pad(m)}-${pad(Math.min(d2, last))}` };
}

function yearPart(y: number, part: PartKey | null, lex: Lexicon): { earliest: Day; latest: Day } {
  if (!part) return yearInterval(y);
  const [m1, m2] = lex.file.parts[part].year;
  return monthRangeInterval(y, m1, m2);
}

function seasonInterval(y: number, code: string, lex: Lexicon, part: PartKey | null = null): { earliest: Day; latest: Day } {
  const [m1, m2raw] = lex.seasonMonths.get(code)!;
  const m2 = m2raw < m1 ? m2raw + 12 : m2raw;
  if (part) {
    const [i, j] = lex.file.parts[part].season;
    return monthRangeInterval(y, m1 + i - 1, m1 + j - 1);
  }
  return monthRangeInterval(y, m1, m2);
}

/** The season-year whose season `code` is picked from `ref` in a direction. */
function seasonYear(ref: Day, code: string, mode: 'past' | 'future' | 'last' | 'next' | 'this', lex: Lexicon): number {
  const { y, m } = parseDay(ref);
  if (mode === 'this') return code === 'WI' ? (m >= 7 ? y : y - 1) : y;
  for (let k = 1; k >= -2; k--) {
    const sy = mode === 'future' || mode === 'next' ? y - k : y + k - 1;
    const iv = seasonInterval(sy, code, lex);
    if (mode === 'past' && iv.earliest <= ref) return sy;
    if (mode === 'last' && iv.latest < ref) return sy;
    if (mode === 'future' && iv.latest >= ref) return sy;
    if (mode === 'next' && iv.earliest > ref) return sy;
  }
  return y;
}

/** The weekday `wd` (ISO) seen from `ref`: on or before, strictly before, on or after, strictly after, same week. */
function weekdayFrom(ref: Day, wd: number, mode: 'past' | 'future' | 'last' | 'next' | 'this'): Day {
  const rw = isoWeekday(ref);
  switch (mode) {
    case 'past':
      return addDays(ref, -((rw - wd + 7) % 7));
    case 'last':
      return addDays(ref, -((rw - wd + 7) % 7 || 7));
    case 'future':
      return addDays(ref, (wd - rw + 7) % 7);
    case 'next':
      return addDays(ref, (wd - rw + 7) % 7 || 7);
    case 'this':
      return addDays(ref, wd - rw);
  }
}

/** A month-day without a year: in the clause's tense, or the occurrence nearest the reference date. */
function monthDayFrom(ref: Day, m: number, d: number, tense: Tense): Day | null {
  const { y } = parseDay(ref);
  const options = [y - 1, y, y + 1].map((yy) => makeDay(yy, m, d)).filter((x): x is Day => !!x);
  if (!options.length) return null;
  if (tense === 'past') return [...options].reverse().find((x) => x <= ref) ?? options[0]!;
  if (tense === 'future') return options.find((x) => x >= ref) ?? options[options.length - 1]!;
  let best = options[0]!;
  for (const o of options) if (Math.abs(dayNumber(o) - dayNumber(ref)) < Math.abs(dayNumber(best) - dayNumber(ref))) best = o;
  return best;
}

function dayNumber(day: Day): number {
  const { y, m, d } = parseDay(day);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function holidayDay(h: { date?: string; rule?: string }, y: number): Day | null {
  if (h.date) {
    const [m, d] = h.date.split('-').map(Number) as [number, number];
    return makeDay(y, m, d);
  }
  if (h.rule === 'easter') return easterSunday(y);
  if (h.rule === 'orthodox-easter') return orthodoxEasterSunday(y);
  if (h.rule === 'thanksgiving') return nthWeekdayOfMonth(y, 11, 4, 4);
  return null;
}

/** Shift a day by n units (for anchored durations and "ago"). */
function shift(day: Day, n: number, unit: UnitDef): Day {
  const k = n * unit.n;
  switch (unit.letter) {
    case 'D':
      return addDays(day, unit.time ? 0 : -Math.ceil(-k));
    case 'W':
      return addDays(day, Math.round(k * 7));
    case 'M':
      if (unit.time) return addDays(day, k < 0 ? -Math.ceil(-k / 1440) : Math.ceil(k / 1440));
      return addMonths(day, Math.round(k));
    case 'Y':
      return addMonths(day, Math.round(k * 12));
    case 'H':
      return addDays(day, k < 0 ? -Math.ceil(-k / 24) : Math.ceil(k / 24));
    case 'S':
      return day;
    default:
      return day;
  }
}

function durationValue(n: number | 'X', unit: UnitDef): string {
  const q = n === 'X' ? 'X' : String(Math.round(n * unit.n * 1000) / 1000);
  return `P${unit.time ? 'T' : ''}${q}${unit.letter}`;
}

/**
 * Two readings of one expression (against both ends of an interval reference) as one value: the fields
 * both share, then X's: 2017-04-25 and 2017-05-30 → 2017-XX-XX; 2014-FA and 2015-FA → XXXX-FA.
 */
export function mergeValues(a: string | null, b: string | null): string | null {
  if (a === b) return a;
  if (a === null || b === null) return null;
  const fa = a.split(/(?=[-T])/);
  const fb = b.split(/(?=[-T])/);
  if (fa.length !== fb.length) return null;
  let differ = false;
  const out: string[] = [];
  for (let i = 0; i < fa.length; i++) {
    const x = fa[i]!;
    const y = fb[i]!;
    if (x.replace(/\d/g, '0') !== y.replace(/\d/g, '0') && x.replace(/[\dX]/g, '0') !== y.replace(/[\dX]/g, '0')) return null;
    if (x !== y) differ = true;
    out.push(differ ? x.replace(/\d/g, 'X') : x);
  }
  return out.join('');
}

// ── the rules ──────────────────────────────────────────────────────────────────────────────────────────────

interface Rule {
  name: string;
  /** the full pattern, sticky: tried only at word starts shortly before an anchor */
  re: RegExp;
  /** a word every match contains, cheap to scan for */
  anchor: RegExp;
  /** how far before its anchor a match may start (characters) */
  back: number;
  build(m: RegExpExecArray, text: string, lo: number): Candidate | Candidate[] | null;
}

const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex alternation of words, longest first; multi-word entries allow any spacing; ’ and ' both match. */
function alt(words: Iterable<string>): string {
  return [...new Set([...words].map((w) => w.trim()))]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.split(/\s+/).map((p) => esc(p).replace(/['’]/g, "['’]")).join('\\s+'))
    .join('|');
}

function plural(w: string): string[] {
  return /[^aeiou]y$/.test(w) ? [w, w.slice(0, -1) + 'ies'] : [w, w + 's'];
}

const isCap = (s: string) => /^\p{Lu}/u.test(s);

/** Spaces inside an expression never cross a line break: a paragraph end is a boundary. */
function inLine(pattern: string): string {
  return pattern.replaceAll('[\\s-]', '(?:-|[^\\S\\n])').replaceAll('[-\\s]', '(?:-|[^\\S\\n])').replaceAll('\\s', '[^\\S\\n]');
}

interface Compiled {
  lex: Lexicon;
  rules: Rule[];
  word: RegExp;
}

let compiled: Compiled | null = null;

function compile(): Compiled {
  if (compiled) return compiled;
  const lex = loadLexicon(new URL('./rules/time.yaml', import.meta.url));
  const f = lex.file;

  const monthFull = Object.values(f.months).map((ws) => ws[0]!);
  const monthAbbr = Object.values(f.months).flatMap((ws) => ws.slice(1));
  const MONTH = `(?:${alt(monthFull)}|(?:${alt(monthAbbr)})\\.?)`;
  const MONTH_FULL = `(?:${alt(monthFull)})`;
  const WEEKDAY_FULL = `(?:${alt(Object.values(f.weekdays).map((ws) => ws[0]!))})`;
  const WEEKDAY_ANY = `(?:${alt(Object.values(f.weekdays).flatMap((ws) => [ws[0]!, ...ws.slice(1).map((w) => w.replace(/\.$/, ''))]))})\\.?`;
  const DAYNUM = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?';
  const YEAR = '(?:1\\d{3}|20\\d{2})';
  const PART = `(?:${alt(lex.part.keys())})`;
  const SEASON = `(?:${alt(lex.season.keys())})`;
  const DAYPART = `(?:${alt(lex.dayPart.keys())})`;
  const TZ = `(?:${alt(f.time_zones)})`;
  const unitWords = [...lex.unit.keys()];
  const UNIT = `(?:${alt(unitWords.flatMap(plural))})`;
  const UNIT_SING = `(?:${alt(unitWords)})`;
  const ones = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const HALF = '(?:(?:-|\\s+)and(?:-|\\s+)a(?:-|\\s+)half)?';
  const NUM = `(?:(?:\\d+(?:\\.\\d+)?|(?:${alt(tens)})[-\\s](?:${alt(ones)})|${alt(lex.number.keys())})${HALF})`;
  const VAGUE = `(?:${alt(lex.vague.keys())})`;
  const ORD_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty-first'];
  const REL = '(?:this\\s+past|this\\s+coming|this|last|next)';

  const part = (s: string | undefined): PartKey | null => (s ? lex.part.get(norm(s)) ?? lex.part.get(norm(s).replace(/-$/, '')) ?? null : null);
  const monthOf = (s: string): { n: number; full: boolean } | null => lex.month.get(norm(s).replace(/\.$/, '')) ?? null;
  const relMode = (s: string | undefined): 'last' | 'next' | 'this' | null => {
    if (!s) return null;
    const r = norm(s);
    if (r === 'last' || r === 'this past' || r === 'past') return 'last';
    if (r === 'next' || r === 'this coming' || r === 'coming') return 'next';
    return 'this';
  };
  const tenseMode = (t: Tense): 'past' | 'future' => (t === 'future' ? 'future' : 'past');
  const tenseWords = (t: Tense, past: string, future: string) => (t === 'future' ? future : past);
  const numberOf = (s: string): number | 'X' | null => {
    let w = norm(s);
    let half = 0;
    const h = /[- ]and[- ]a[- ]half$/.exec(w);
    if (h) {
      half = 0.5;
      w = w.slice(0, h.index);
    }
    if (lex.vague.has(w)) return 'X';
    if (/^\d+(?:\.\d+)?$/.test(w)) return +w + half;
    const known = lex.number.get(w);
    if (known !== undefined) return known + half;
    const c = /^(\w+)[- ](\w+)$/.exec(w);
    if (c) {
      const t = tens.indexOf(c[1]!);
      const o = ones.indexOf(c[2]!);
      if (t >= 0 && o >= 0) return (t + 2) * 10 + o + 1 + half;
    }
    return null;
  };
  const unitOf = (s: string): UnitDef | null => {
    const w = norm(s);
    return lex.unit.get(w) ?? lex.unit.get(w.replace(/ies$/, 'y')) ?? lex.unit.get(w.replace(/s$/, '')) ?? null;
  };
  const ordinalOf = (s: string): number | null => {
    const w = norm(s);
    const d = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
    if (d) return +d[1]!;
    const i = ORD_WORDS.indexOf(w);
    return i >= 0 ? i + 1 : null;
  };
  /** the word before position i, lower-cased */
  const wordBefore = (text: string, i: number, lo: number): string => {
    const m = /([\p{L}]+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(lo, i - 30), i));
    return m ? m[1]!.toLowerCase() : '';
  };
  const wordAfter = (text: string, i: number): string => {
    const m = /^[\s,]*([\p{L}\p{N}%]+)/u.exec(text.slice(i, i + 30));
    return m ? m[1]! : '';
  };

  // Scanning a whole article with each full pattern is slow (every position tries every optional prefix);
  // instead each rule scans for a word its matches must contain, and tries the full pattern only at the
  // word starts within `back` characters before it.
  const MONTH_WORDS = alt(Object.values(f.months).flat());
  const UNIT_WORDS = alt(unitWords.flatMap(plural));
  const ANCHORS: Record<string, [string, number]> = {
    'month-day': [MONTH_WORDS, 30],
    'day-month': [MONTH_WORDS, 40],
    'iso-date': [YEAR, 0],
    'numeric-date': ['\\d[/.]\\d', 3],
    'month-year': [MONTH_WORDS, 30],
    month: [MONTH_WORDS, 45],
    year: [YEAR, 45],
    decade: ["\\d0s", 45],
    century: ['century', 50],
    season: [alt(lex.season.keys()), 45],
    quarter: ['quarter|half|Q[1-4]', 20],
    period: ['week|month|year|decade|quarter', 50],
    day: [`today|tonight|yesterday|tomorrow|${alt(lex.dayPart.keys())}`, 30],
    weekday: [WEEKDAY_FULL, 25],
    holiday: [alt(lex.holiday.keys()), 0],
    'dated-event': [alt(lex.datedEvent.keys()), 0],
    ago: ['ago', 60],
    anchored: [UNIT_WORDS, 50],
    duration: [UNIT_WORDS, 45],
    set: [`every|each|once|twice|thrice|times|${alt(lex.setAdverb.keys())}|(?:mon|tues|wednes|thurs|fri|satur|sun)days`, 30],
    ref: [alt([...lex.presentRef, ...lex.pastRef, ...lex.futureRef]), 0],
    clock: [`\\d[^\\S\\n]*[ap]\\.?[^\\S\\n]?m|\\d:\\d\\d|\\d{4}|o['’]clock|${alt(lex.namedTime.keys())}`, 12],
  };
  const rules: Rule[] = [];
  const rule = (name: string, pattern: string, build: Rule['build']) => {
    const [anchor, back] = ANCHORS[name]!;
    rules.push({ name, re: new RegExp(inLine(pattern), 'iuy'), anchor: new RegExp(inLine(anchor), 'giu'), back, build });
  };
  const cand = (m: RegExpExecArray, type: Type, read: Reader, priority = 0, startOffset = 0): Candidate => ({
    start: m.index + startOffset,
    end: m.index + m[0].length,
    type,
    read,
    priority,
  });

  // Month-day, with or without year and weekday: "October 25, 2018", "Oct. 25", "Tuesday, Oct. 23", "October 23-25"
  rule(
    'month-day',
    `${B}(?:(?<wd>${WEEKDAY_ANY}),?\\s+)?(?<mon>${MONTH})\\s+(?<d>${DAYNUM})(?:\\s*[-–]\\s*(?<d2>${DAYNUM}))?(?:(?:\\s*,\\s*|\\s+)(?<y>${YEAR}))?${E}`,
    (m) => monthDay(m.groups!.mon!, m.groups!.d!, m.groups!.d2, m.groups!.y, m.groups!.wd, m),
  );
  // Day-month: "25 October 2018", "5 Feb, 2021", "the 9th of May"
  rule(
    'day-month',
    `(?<![\\p{L}\\p{N},.$€£/-])(?:(?<wd>${WEEKDAY_ANY}),?\\s+)?(?:the\\s+)?(?<d>${DAYNUM})(?:\\s*[-–]\\s*(?<d2>${DAYNUM}))?\\s+(?:of\\s+)?(?<mon>${MONTH})(?:(?:\\s*,\\s*|\\s+)(?<y>${YEAR}))?${E}`,
    (m) => monthDay(m.groups!.mon!, m.groups!.d!, m.groups!.d2, m.groups!.y, m.groups!.wd, m),
  );
  function monthDay(monS: string, dS: string, d2S: string | undefined, yS: string | undefined, wdS: string | undefined, m: RegExpExecArray): Candidate | null {
    const mon = monthOf(monS);
    if (!mon || !isCap(monS)) return null;
    const d = parseInt(dS, 10);
    const d2 = d2S ? parseInt(d2S, 10) : null;
    if (d2 !== null && d2 <= d) return null;
    if (d > daysInMonth(2000, mon.n) || (d2 ?? 0) > daysInMonth(2000, mon.n)) return null;
    if (wdS && !isCap(wdS)) return null;
    const label = `${MONTH_NAMES[mon.n - 1]} ${d}${d2 ? `-${d2}` : ''}`;
    if (yS) {
      const y = +yS;
      const day = makeDay(y, mon.n, d);
      const last = d2 ? makeDay(y, mon.n, d2) : day;
      if (!day || !last) return null;
      return cand(m, 'DATE', () => abs(day, last, d2 ? null : day, d2 ? `explicit range of days ${day}..${last}` : 'explicit date'), 5);
    }
    return cand(
      m,
      'DATE',
      (ref, tense) => {
        if (!ref) return unknown(d2 ? null : `XXXX-${pad(mon.n)}-${pad(d)}`, `${label} without a year, relative to`);
        const t = tense();
        const day = monthDayFrom(ref, mon.n, d, t);
        if (!day) return unknown(null, `${label} does not exist near`);
        const last = d2 ? `${day.slice(0, 8)}${pad(d2)}` : day;
        const how = t === 'past' ? `${label} on or before` : t === 'future' ? `${label} on or after (future clause)` : `${label} nearest to`;
        return rel(day, last, d2 ? null : day, how);
      },
      5,
    );
  }

  // Numeric dates: 2018-10-25 (optionally with a clock time), 10/25/2018 (US order unless the month is > 12), 25.10.2018
  rule('iso-date', `(?<![\\p{L}\\p{N}/.-])(?<y>${YEAR})-(?<mo>[01]\\d)-(?<d>[0-3]\\d)(?:T(?<h>[0-2]\\d):(?<mi>[0-5]\\d)(?::\\d\\d(?:\\.\\d+)?)?(?:Z|[+-]\\d\\d:?\\d\\d)?)?(?![\\p{L}\\p{N}/-])`, (m) => {
    const g = m.groups!;
    const day = makeDay(+g.y!, +g.mo!, +g.d!);
    if (!day) return null;
    if (g.h) return cand(m, 'TIME', () => abs(day, day, `${day}T${g.h}:${g.mi}`, 'explicit date and time'), 6);
    return cand(m, 'DATE', () => abs(day, day, day, 'explicit date'), 6);
  });
  rule('numeric-date', `(?<![\\p{L}\\p{N}/.,-])(?<a>[0-3]?\\d)(?<sep>[/.])(?<b>[0-3]?\\d)\\k<sep>(?<y>${YEAR})(?![\\p{L}\\p{N}/]|\\.\\d)`, (m) => {
    const g = m.groups!;
    const a = +g.a!;
    const b = +g.b!;
    const y = +g.y!;
    // slashes: US month/day unless impossible; dots: day.month (European)
    const day = g.sep === '/' ? makeDay(y, a, b) ?? makeDay(y, b, a) : makeDay(y, b, a);
    if (!day) return null;
    return cand(m, 'DATE', () => abs(day, day, day, g.sep === '/' ? 'explicit numeric date (month/day/year)' : 'explicit numeric date (day.month.year)'), 6);
  });

  // Month and year: "May 2010", "late January 2021", "December in 2014", "the end of December 2014"
  rule('month-year', `${B}(?:(?<p>${PART})[\\s-]*)?(?<mon>${MONTH})\\s*,?\\s+(?:(?:of|in)\\s+)?(?<y>${YEAR})${E}`, (m) => {
    const g = m.groups!;
    const mon = monthOf(g.mon!);
    if (!mon || !isCap(g.mon!)) return null;
    const y = +g.y!;
    const p = part(g.p);
    const iv = monthPart(y, mon.n, p, lex);
    return cand(m, 'DATE', () => abs(iv.earliest, iv.latest, `${y}-${pad(mon.n)}`, p ? `${p} part of the month named with its year` : 'month named with its year'), 4);
  });

  // Months without a year: "in December", "late January", "mid-January", "late last July", "last May",
  // "next June", "in May last year"
  rule(
    'month',
    `${B}(?:(?<p>${PART})[\\s-]*)?(?:(?<r>${REL})\\s+)?(?<mon>${MONTH_FULL}|(?:${alt(monthAbbr)})\\.)(?:\\s+(?:of\\s+)?(?<yr>last|this|next)\\s+year)?${E}`,
    (m, text, lo) => {
      const g = m.groups!;
      const mon = monthOf(g.mon!);
      if (!mon || !isCap(g.mon!)) return null;
      const p = part(g.p);
      const r = relMode(g.r);
      const yr = g.yr ? norm(g.yr) : null;
      if (!p && !r && !yr) {
        if (!mon.full) return null;
        const before = wordBefore(text, m.index, lo);
        const cue = lex.monthCues.has(before);
        if (lex.ambiguousMonths.has(g.mon!) && !cue) return null;
        // "April Ryan", "June Carter": a lone month name followed by a capitalised word is a first name
        if (!cue && isCap(wordAfter(text, m.index + m[0].length)) && !/^\s*[,.;:]/.test(text.slice(m.index + m[0].length))) return null;
        if (g.mon === g.mon!.toUpperCase() && g.mon!.length > 3) return null;
      }
      const name = MONTH_NAMES[mon.n - 1]!;
      const partWords = p ? `${p} part of ` : '';
      return cand(
        m,
        'DATE',
        (ref, tense) => {
          if (!ref) return unknown(`XXXX-${pad(mon.n)}`, `${partWords}${name}, relative to`);
          let y: number;
          let how: string;
          if (yr) {
            y = parseDay(ref).y + (yr === 'last' ? -1 : yr === 'next' ? 1 : 0);
            how = `${partWords}${name} of the ${yr === 'this' ? 'same' : yr === 'last' ? 'previous' : 'following'} year as`;
          } else if (r) {
            y = monthYear(ref, mon.n, r);
            how = `${partWords}${r === 'last' ? 'the last' : r === 'next' ? 'the next' : 'this year’s'} ${name} ${r === 'this' ? 'of' : r === 'last' ? 'before the month of' : 'after the month of'}`;
          } else {
            const t = tense();
            y = monthYear(ref, mon.n, tenseMode(t));
            how = `${partWords}${tenseWords(t, `the most recent ${name} before or at`, `the next ${name} at or after (future clause)`)}`;
          }
          const iv = monthPart(y, mon.n, p, lex);
          return rel(iv.earliest, iv.latest, `${y}-${pad(mon.n)}`, how);
        },
        3,
      );
    },
  );

  // Years: "in 2014", "early 2011", "mid-2014", "fiscal 2013"; with guards against counts and identifiers
  rule(
    'year',
    `(?<![\\p{L}\\p{N}$€£#.,]|\\p{L}-)(?:(?<p>${PART})[\\s-]*)?(?:(?<fy>fiscal|financial|calendar|fiscal\\s+year|financial\\s+year)\\s+)?(?<y>${YEAR})(?:\\s*[-–/]\\s*(?<y2>\\d{2})(?!\\d))?(?![\\p{L}\\p{N}]|[.,:]\\d|%|-[\\p{L}])`,
    (m, text, lo) => {
      const g = m.groups!;
      const y = +g.y!;
      const after = /^\s+([\p{L}]+)/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 30))?.[1]?.toLowerCase() ?? '';
      if (lex.countNouns.has(after)) return null;
      const before = wordBefore(text, m.index, lo);
      if (lex.idWords.has(before)) return null;
      if (/(?:No|no|Nr|nr)\.?\s*$/.test(text.slice(Math.max(lo, m.index - 4), m.index)) && !g.p) return null;
      if (y < 1800 && !/^(?:in|since|of|until|by|from|before|after|around|circa|year)$/.test(before)) return null;
      const p = part(g.p);
      const out: Candidate[] = [];
      const iv = yearPart(y, p, lex);
      const main = cand(m, 'DATE', () => abs(iv.earliest, iv.latest, String(y), p ? `${p} part of the year named` : g.fy ? 'year named (a fiscal year may start in another month)' : 'year named'), 2);
      if (g.y2) {
        // "1957-58", "2009-10": two years
        const y2 = Math.floor(y / 100) * 100 + +g.y2;
        if (y2 <= y || y2 > y + 20) return null;
        const cut = m[0].indexOf(g.y!) + g.y!.length;
        out.push({ ...main, end: m.index + cut });
        const s2 = m.index + m[0].length - g.y2.length;
        out.push({ start: s2, end: m.index + m[0].length, type: 'DATE', read: () => abs(`${y2}-01-01`, `${y2}-12-31`, String(y2), 'second year of a range, century from the first'), priority: 2 });
        return out;
      }
      return main;
    },
  );

  // Decades: "the 1990s", "the early 2000s", "the '90s"
  rule('decade', `${B}(?:the\\s+)?(?:(?<p>${PART})[\\s-]*)?(?:(?<d>1[5-9]\\d0|20\\d0)s|['’](?<s>\\d0)s)${E}`, (m) => {
    const g = m.groups!;
    const start = g.d ? +g.d : (+g.s! >= 30 ? 1900 : 2000) + +g.s!;
    return cand(m, 'DATE', () => abs(`${start}-01-01`, `${start + 9}-12-31`, String(start).slice(0, 3), 'decade named'), 2);
  });

  // Centuries: "the 20th century", "the nineteenth century", "this century"
  rule('century', `${B}(?:the\\s+)?(?:(?<p>${PART})[\\s-]*)?(?:(?<o>\\d{1,2}(?:st|nd|rd|th)|${alt(ORD_WORDS)})|(?<r>this|last|next))\\s+century${E}`, (m) => {
    const g = m.groups!;
    if (g.o) {
      const n = ordinalOf(g.o);
      if (!n || n > 21) return null;
      const start = (n - 1) * 100;
      return cand(m, 'DATE', () => abs(`${pad(Math.max(start, 1000), 4)}-01-01`, `${start + 99}-12-31`, String(n - 1), 'century named'), 3);
    }
    const r = relMode(g.r);
    return cand(m, 'DATE', (ref) => {
      if (!ref) return unknown('XX', 'century relative to');
      const c = Math.floor(parseDay(ref).y / 100) + (r === 'last' ? -1 : r === 'next' ? 1 : 0);
      return rel(`${c * 100}-01-01`, `${c * 100 + 99}-12-31`, String(c), `${r === 'this' ? 'century of' : r === 'last' ? 'century before that of' : 'century after that of'}`);
    }, 3);
  });

  // Seasons: "this fall", "last summer", "in the spring", "summer 2005", "the summer of 2005", "early spring"
  rule(
    'season',
    `${B}(?:(?<p>${PART})[\\s-]*)?(?:(?<r>${REL})\\s+)?(?<the>the\\s+)?(?<s>${SEASON})(?:\\s+(?:of\\s+)?(?:(?<y>${YEAR})|(?<yr>last|this|next)\\s+year))?${E}`,
    (m, text, lo) => {
      const g = m.groups!;
      const code = lex.season.get(norm(g.s!))!;
      const p = part(g.p);
      const r = relMode(g.r);
      if (g.the && r) return null; // "last the summer" is not English
      const label = `${p ? `${p} ` : ''}${norm(g.s!)}`;
      if (g.y) {
        const y = +g.y;
        const iv = seasonInterval(y, code, lex, p);
        return cand(m, 'DATE', () => abs(iv.earliest, iv.latest, `${y}-${code}`, `${label} of the year named (meteorological, northern hemisphere)`), 3);
      }
      // "in the summer": the article is not part of the expression
      const start = g.the && !g.p ? m.index + m[0].indexOf(g.s!) : m.index;
      // "the fall of Kabul", "the spring of discontent": a noun, unless a year follows
      if (!g.y && /^\s+of\s+(?!\d)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) return null;
      if (!r && !p) {
        // a bare season word needs a cue: "in (the) summer", "during the winter", "by spring" ("prices could
        // fall this year" is a verb)
        const before = text.slice(Math.max(lo, m.index - 12), m.index);
        if (isCap(g.s!) && /\p{Lu}\p{L}*\s+$/u.test(before)) return null; // "Arab Spring", "Prague Spring"
        if (!/(?:in|during|over|by|until|till|through|since|throughout|before|after)\s+(?:the\s+)?$/i.test(before + (g.the ?? ''))) return null;
      }
      const c = cand(
        m,
        'DATE',
        (ref, tense) => {
          if (!ref) return unknown(`XXXX-${code}`, `${label}, relative to`);
          let sy: number;
          let how: string;
          if (g.yr) {
            const yr = norm(g.yr);
            const { y } = parseDay(ref);
            sy = y + (yr === 'last' ? -1 : yr === 'next' ? 1 : 0);
            how = `${label} of the ${yr === 'this' ? 'same' : yr === 'last' ? 'previous' : 'following'} year as`;
          } else if (r) {
            sy = seasonYear(ref, code, r, lex);
            how = `${r === 'this' ? `${label} of the year of` : r === 'last' ? `the last ${label} ended before` : `the next ${label} starting after`}`;
          } else {
            const t = tense();
            sy = seasonYear(ref, code, tenseMode(t), lex);
            how = tenseWords(t, `the most recent ${label} begun by`, `the next ${label} not over by (future clause)`);
          }
          const iv = seasonInterval(sy, code, lex, p);
          return rel(iv.earliest, iv.latest, `${sy}-${code}`, `${how}`);
        },
        3,
      );
      c.start = start;
      return c;
    },
  );

  // Quarters and halves: "the first quarter", "the second half of 2014", "Q3 2019"
  rule(
    'quarter',
    `${B}(?:the\\s+)?(?:(?<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\\s+(?<w>quarter|half)|(?<q>Q[1-4]))(?:\\s+(?:of\\s+)?(?:(?<y>${YEAR})|(?:the\\s+)?(?<yr>this|last|next|the)\\s+(?:fiscal\\s+)?year))?${E}`,
    (m) => {
      const g = m.groups!;
      let n: number;
      let w: 'Q' | 'H';
      if (g.q) {
        n = +g.q[1]!;
        w = 'Q';
      } else {
        w = norm(g.w!) === 'quarter' ? 'Q' : 'H';
        const o = norm(g.o!);
        n = o === 'final' || o === 'last' ? (w === 'Q' ? 4 : 2) : ordinalOf(o) ?? ['first', 'second', 'third', 'fourth'].indexOf(o) + 1;
        if (w === 'H' && n > 2) return null;
        if (!g.y && !g.yr) return null; // "the second half" alone is rarely a date
      }
      const span = w === 'Q' ? 3 : 6;
      const iv = (y: number) => monthRangeInterval(y, (n - 1) * span + 1, n * span);
      if (g.y) {
        const y = +g.y;
        const i = iv(y);
        return cand(m, 'DATE', () => abs(i.earliest, i.latest, `${y}-${w}${n}`, 'quarter or half of the year named'), 3);
      }
      const yr = g.yr ? norm(g.yr) : null;
      return cand(m, 'DATE', (ref, tense) => {
        if (!ref) return unknown(`XXXX-${w}${n}`, 'part of the year relative to');
        const { y } = parseDay(ref);
        let yy = y + (yr === 'last' ? -1 : yr === 'next' ? 1 : 0);
        if (!yr || yr === 'the') {
          const t = tense();
          const i = iv(y);
          if (t !== 'future' && i.earliest > ref) yy = y - 1;
          if (t === 'future' && i.latest < ref) yy = y + 1;
        }
        const i = iv(yy);
        return rel(i.earliest, i.latest, `${yy}-${w}${n}`, 'quarter or half of the year picked from');
      }, 3);
    },
  );

  // Relative periods: "this week", "last month", "next year", "earlier this month", "later this week",
  // "early this year", "late last year", "the end of the year", "the end of year", "this fiscal year",
  // "this weekend", "the weekend", "earlier in the week"
  rule(
    'period',
    `${B}(?:(?<p>${PART}|earlier|later)[\\s-]*)?(?<r>this\\s+past|this\\s+coming|this|last|next|the\\s+last|the\\s+next|the\\s+current|the|in\\s+the)?\\s*(?<u>week|month|year|weekend|decade|quarter|(?:fiscal|financial|budget|school|academic)\\s+year)${E}`,
    (m, text) => {
      const g = m.groups!;
      const mod = g.p ? norm(g.p) : null;
      const p = mod && mod !== 'earlier' && mod !== 'later' ? part(g.p) : null;
      let r = g.r ? norm(g.r) : null;
      const u = norm(g.u!);
      const unit = u.endsWith('year') ? 'year' : u;
      if (r === 'in the' && mod !== 'earlier' && mod !== 'later') return null;
      if ((r === 'the' || r === null) && !mod) {
        if (unit !== 'weekend' || r !== 'the') return null;
      }
      if (r === null && unit !== 'year' && unit !== 'month') return null; // "mid-week" is vague; "end of year" is fine
      if (r === null && !p) return null;
      // "the last week" is last week, as TempEval-3 reads it ("the past week" is a span: the anchored rule)
      if (r === 'the last') r = 'last';
      if (r === 'the next') r = 'next';
      if (r === 'the current' || r === 'this past' || r === 'this coming') r = r === 'the current' ? 'this' : r === 'this past' ? 'last' : 'next';
      if (r === 'in the') r = 'the';
      if (r === null) r = 'the';
      // "a three-year-old": an age
      if (/^\s*-?old\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5))) return null;
      const fiscal = u !== unit ? ' (a fiscal or school year may start in another month)' : '';
      return cand(
        m,
        'DATE',
        (ref, tense) => {
          const xs: Record<string, string> = { week: 'XXXX-WXX', month: 'XXXX-XX', year: 'XXXX', weekend: 'XXXX-WXX-WE', decade: 'XXX', quarter: 'XXXX-QX' };
          const words = `${mod ? `${mod} ` : ''}${r === 'the' ? 'the' : r} ${u}`;
          if (!ref) return unknown(xs[unit] ?? null, `"${words}" relative to`);
          const step = r === 'last' ? -1 : r === 'next' ? 1 : 0;
          const period = (k: number): { earliest: Day; latest: Day; value: string } => {
            const { y, m: mm } = parseDay(ref);
            switch (unit) {
              case 'week': {
                // (written on a Sunday, "last week" is the week that day ends: a Sunday paper's "last week at the
                // NATO summit" is Wednesday's)
                const d = addDays(ref, 7 * (k < 0 && isoWeekday(ref) === 7 ? k + 1 : k));
                return { ...weekInterval(d), value: isoWeekValue(d) };
              }
              case 'weekend': {
                const d = addDays(ref, 7 * k);
                const w = weekInterval(d);
                return { earliest: addDays(w.earliest, 5), latest: w.latest, value: `${isoWeekValue(d)}-WE` };
              }
              case 'month': {
                const d = addMonths(`${y}-${pad(mm)}-01`, k);
                const pd = parseDay(d);
                return { ...monthInterval(pd.y, pd.m), value: `${pd.y}-${pad(pd.m)}` };
              }
              case 'quarter': {
                const qi = Math.floor((mm - 1) / 3) + k;
                const qy = y + Math.floor(qi / 4);
                const qn = ((qi % 4) + 4) % 4;
                return { ...monthRangeInterval(qy, qn * 3 + 1, qn * 3 + 3), value: `${qy}-Q${qn + 1}` };
              }
              case 'decade': {
                const d0 = Math.floor(y / 10) * 10 + 10 * k;
                return { earliest: `${d0}-01-01`, latest: `${d0 + 9}-12-31`, value: String(d0).slice(0, 3) };
              }
              default:
                return { ...yearInterval(y + k), value: String(y + k) };
            }
          };
          const narrow = (iv: { earliest: Day; latest: Day; value: string }): { earliest: Day; latest: Day } => {
            if (mod === 'earlier') return { earliest: iv.earliest, latest: ref < iv.latest ? ref : iv.latest };
            if (mod === 'later') return { earliest: ref > iv.earliest ? ref : iv.earliest, latest: iv.latest };
            if (!p) return iv;
            const { y, m: mm } = parseDay(iv.earliest);
            if (unit === 'month') return monthPart(y, mm, p, lex);
            if (unit === 'year') return yearPart(y, p, lex);
            if (unit === 'week') {
              const [a, b] = lex.file.parts[p].week;
              return { earliest: addDays(iv.earliest, a - 1), latest: addDays(iv.earliest, b - 1) };
            }
            return iv;
          };
          let k = step;
          let how: string;
          if (r === 'the') {
            // "the end of the year", "the weekend": the clause's tense picks this one or the one before/after
            const t = tense();
            const cur = narrow(period(0));
            if (unit === 'weekend') {
              const sat = addDays(weekInterval(ref).earliest, 5);
              k = t === 'future' ? 0 : sat <= ref ? 0 : -1;
            } else if (t === 'past' && cur.earliest > ref) k = -1;
            else k = 0;
            how = `"${words}" read as the ${unit} ${k < 0 ? 'before that of' : 'of'}`;
          } else {
            if (step === 0 && mod === 'earlier') how = `from the start of the ${unit} up to`;
            else if (step === 0 && mod === 'later') how = `the rest of the ${unit} after`;
            else how = `${p ? `${p} part of ` : mod ? `${mod} part of ` : ''}the ${unit} ${step < 0 ? 'before that of' : step > 0 ? 'after that of' : 'of'}`;
          }
          const iv = period(k);
          const nv = narrow(iv);
          return rel(nv.earliest, nv.latest, iv.value, `${how}${fiscal}`);
        },
        4,
      );
    },
  );

  // Days next to the reference: "today", "yesterday", "tomorrow", "tonight", "last night", "this morning",
  // "yesterday afternoon", "the day before yesterday"
  rule(
    'day',
    `${B}(?:(?<w>the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|today|tonight|yesterday|tomorrow)(?:\\s+(?<dp>${DAYPART}))?|(?<tl>this|last)\\s+(?<dp2>${DAYPART}))${E}`,
    (m, text, lo) => {
      const g = m.groups!;
      const w = g.w ? norm(g.w) : null;
      // "USA Today", "Russia Today": a name
      if (w === 'today' && isCap(g.w!) && /\p{Lu}[\p{L}]*[^\S\n]+$/u.test(text.slice(Math.max(lo, m.index - 30), m.index)) && !isSentenceStart(text, m.index, lo)) return null;
      const dpWord = g.dp ?? g.dp2;
      let dp = dpWord ? lex.dayPart.get(norm(dpWord)) ?? null : null;
      let k = 0;
      if (w === 'yesterday') k = -1;
      else if (w === 'tomorrow') k = 1;
      else if (w === 'the day before yesterday') k = -2;
      else if (w === 'the day after tomorrow') k = 2;
      else if (w === 'tonight') dp = 'NI';
      else if (g.tl && norm(g.tl) === 'last') {
        if (dp !== 'NI' && dp !== 'EV') return null; // "last morning" is not said
        k = -1;
      }
      const type: Type = dp ? 'TIME' : 'DATE';
      const label = norm(m[0]);
      return cand(
        m,
        type,
        (ref) => {
          if (!ref) return unknown(dp ? `XXXX-XX-XXT${dp}` : 'XXXX-XX-XX', `"${label}" relative to`);
          const d = addDays(ref, k);
          const how = k === 0 ? 'the day of' : k === -1 ? 'the day before' : k === 1 ? 'the day after' : `${Math.abs(k)} days ${k < 0 ? 'before' : 'after'}`;
          const dpName = dpWord ? norm(dpWord) : 'night';
          return { ...rel(d, d, dp ? `${d}T${dp}` : d, `${dp ? `the ${dpName} of ` : ''}${how}`), ...(dp ? { clock: dp } : {}) };
        },
        3,
      );
    },
  );

  // Weekdays: "on Tuesday", "Tuesday morning", "last Friday", "next Monday", "late Tuesday"
  rule(
    'weekday',
    `${B}(?:(?<m>early|late)\\s+)?(?:(?<r>${REL}|coming|past)\\s+)?(?<wd>${WEEKDAY_FULL})(?:\\s+(?<dp>${DAYPART}))?${E}`,
    (m, text) => {
      const g = m.groups!;
      if (!isCap(g.wd!)) return null;
      if (/^['’]s?\s+(?:edition|issue|paper)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
      const wd = lex.weekday.get(norm(g.wd!))!;
      const r = relMode(g.r);
      const ownsEvent = !g.dp && lex.occasionAfter.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
      const dp = g.dp ? lex.dayPart.get(norm(g.dp)) ?? null : null;
      const name = WEEKDAY_NAMES[wd]!;
      return cand(
        m,
        dp ? 'TIME' : 'DATE',
        (ref, tense) => {
          if (!ref) return unknown(`XXXX-WXX-${wd}${dp ? `T${dp}` : ''}`, `${name}, relative to`);
          let d: Day;
          let how: string;
          if (r) {
            d = weekdayFrom(ref, wd, r);
            how = r === 'last' ? `the ${name} before` : r === 'next' ? `the ${name} after` : `the ${name} in the week of`;
          } else if (ownsEvent) {
            // ("his Monday meeting", "Monday's summit": a day that names an occasion has no tense of its own; the
            // nearest such day, in a Sunday paper the next day)
            const [before, after] = [weekdayFrom(ref, wd, 'past'), weekdayFrom(ref, wd, 'future')];
            d = dayDiff(before, ref) <= dayDiff(ref, after) ? before : after;
            how = `the ${name} nearest to`;
          } else {
            const t = tense();
            d = weekdayFrom(ref, wd, tenseMode(t));
            how = tenseWords(t, `the ${name} on or before`, `the ${name} on or after (future clause)`);
          }
          return { ...rel(d, d, dp ? `${d}T${dp}` : d, dp ? `the ${norm(g.dp!)} of ${how}` : how), ...(dp ? { clock: dp } : {}) };
        },
        3,
      );
    },
  );

  // Events known by their date: "the Sept. 11 attacks"
  rule('dated-event', `${B}(?<e>${alt(lex.datedEvent.keys())})${E}`, (m) => {
    const day = lex.datedEvent.get(norm(m.groups!.e!))!;
    return cand(m, 'DATE', () => abs(day, day, day, `${m.groups!.e}: ${KNOWN_BY}`), 7);
  });

  // Holidays: "Christmas", "Victory Day", "Easter"
  rule('holiday', `${B}(?<h>${alt(lex.holiday.keys())})${E}`, (m) => {
    const g = m.groups!;
    if (!isCap(g.h!)) return null;
    const h = lex.holiday.get(norm(g.h!))!;
    const label = g.h!;
    return cand(m, 'DATE', (ref, tense) => {
      if (!ref) return unknown(h.date ? `XXXX-${h.date}` : null, `${label}, relative to`);
      const { y } = parseDay(ref);
      const options = [y - 1, y, y + 1].map((yy) => holidayDay(h, yy)).filter((x): x is Day => !!x);
      const t = tense();
      const d = t === 'future' ? options.find((x) => x >= ref)! : [...options].reverse().find((x) => x <= ref)!;
      return rel(d, d, d, tenseWords(t, `${label} on or before`, `${label} on or after (future clause)`));
    }, 2);
  });

  // "N units ago": "four years ago", "two weeks ago", "years ago"
  rule('ago', `${B}(?:(?<q>${NUM}|${VAGUE})\\s+)?(?<u>${UNIT})\\s+ago${E}`, (m) => {
    const g = m.groups!;
    const unit = unitOf(g.u!);
    if (!unit) return null;
    const q = g.q ? numberOf(g.q) : 'X';
    if (q === null) return null;
    return cand(m, 'DATE', (ref) => {
      if (q === 'X') {
        if (!ref) return unknown('PAST_REF', `"${norm(m[0])}" relative to`);
        const back = lex.vague.get(norm(g.q ?? 'several')) ?? 10;
        return rel(shift(ref, -back, unit), shift(ref, -1, unit), 'PAST_REF', `vague distance before`);
      }
      const label = `${q} ${unit.key}${q === 1 ? '' : 's'} before`;
      if (!ref) {
        const x = unit.letter === 'Y' ? 'XXXX' : unit.letter === 'M' && !unit.time ? 'XXXX-XX' : unit.letter === 'W' ? 'XXXX-WXX' : 'XXXX-XX-XX';
        return unknown(x, label);
      }
      const d = shift(ref, -q, unit);
      const { y, m: mm } = parseDay(d);
      if (unit.letter === 'Y') return rel(`${y}-01-01`, `${y}-12-31`, String(y), label);
      if (unit.letter === 'M' && !unit.time) return rel(monthInterval(y, mm).earliest, monthInterval(y, mm).latest, `${y}-${pad(mm)}`, label);
      if (unit.letter === 'W') return rel(weekInterval(d).earliest, weekInterval(d).latest, isoWeekValue(d), label);
      return rel(d, unit.time ? ref : d, d, label);
    }, 4);
  });

  // Anchored durations: "the past two years", "the past few days", "recent weeks", "the next few months",
  // "the coming days", "the last 24 hours"
  rule(
    'anchored',
    `${B}(?:the\\s+)?(?<dir>past|last|next|coming|previous|following|recent|upcoming)\\s+(?:(?<q>${NUM}|${VAGUE})\\s+)?(?<u>${UNIT})(?<half>\\s+and\\s+a\\s+half)?${E}`,
    (m) => {
      const g = m.groups!;
      const dir = norm(g.dir!);
      const unit = unitOf(g.u!);
      if (!unit) return null;
      const isPlural = norm(g.u!) !== unit.key && !lex.unit.has(norm(g.u!));
      const q0 = g.q ? numberOf(g.q) : isPlural ? 'X' : 1;
      if (q0 === null) return null;
      if (!g.q && !isPlural && (dir === 'last' || dir === 'next' || dir === 'recent' || dir === 'previous' || dir === 'following' || dir === 'upcoming')) return null;
      if (dir === 'recent' && g.q) return null;
      const q: number | 'X' = g.half && q0 !== 'X' ? q0 + 0.5 : q0;
      const value = durationValue(q, unit);
      if (dir === 'previous' || dir === 'following') {
        return cand(m, 'DURATION', () => abs(null, null, value, 'duration counted from another event, not from the reference date'), 2);
      }
      const back = dir === 'past' || dir === 'last' || dir === 'recent';
      return cand(m, 'DURATION', (ref) => {
        const n = q === 'X' ? lex.vague.get(g.q ? norm(g.q) : dir === 'recent' ? 'recent' : 'several') ?? 10 : q;
        if (!ref) return unknown(value, `span ${back ? 'up to' : 'from'}`);
        const other = shift(ref, back ? -n : n, unit);
        const how = `${q === 'X' ? `up to ${n} ${unit.key}s (vague)` : `${q} ${unit.key}${q === 1 ? '' : 's'}`} ${back ? 'up to' : 'from'}`;
        return back ? rel(other, ref, value, how) : rel(ref, other, value, how);
      }, 2);
    },
  );

  // Durations: "90 minutes", "a two-day trip", "three-and-a-half-year", "18 months", "a decade", "months",
  // "a year and a half", "12 to 18 months" (both numbers)
  rule(
    'duration',
    `${B}(?:(?<q>${NUM}|${VAGUE})(?<sep>\\s+|-)(?:of\\s+)?)?(?<u>${UNIT})(?<half>\\s+and\\s+a\\s+half)?(?!-old|\\s+old\\b)${E}`,
    (m, text, lo) => {
      const g = m.groups!;
      const unit = unitOf(g.u!);
      if (!unit) return null;
      const isPlural = !lex.unit.has(norm(g.u!));
      let q: number | 'X' | null;
      if (g.q) q = numberOf(g.q);
      else if (isPlural) q = 'X';
      else return null;
      if (q === null) return null;
      if (g.q && /^(?:a|an)$/i.test(g.q.trim()) && unit.key === 'second') return null; // "a second term"
      if (unit.key === 'quarter' && (typeof q !== 'number' || g.sep === '-' || /^\s+of\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4)))) {
        return null; // "in some quarters", "three-quarters", "a quarter of the vote": fractions, not periods
      }
      // "60 Minutes", "Thirteen Days": a capitalised unit inside a sentence is part of a title
      if (isCap(g.u!) && !isSentenceStart(text, m.index, lo)) return null;
      if (!g.q && /(?:these|those|the)\s+$/i.test(text.slice(Math.max(lo, m.index - 7), m.index)) && isPlural) {
        // "these days" is a present reference (its own rule); "the days of" is not a duration
        return null;
      }
      if (g.half && q !== 'X') q += 0.5;
      const value = durationValue(q, unit);
      const out: Candidate[] = [cand(m, 'DURATION', () => abs(null, null, value, 'duration'), 1)];
      // "12 and 18 months", "12 to 18 months", "between 12 and 18 months": the first number takes the unit
      if (g.q) {
        const before = text.slice(Math.max(lo, m.index - 24), m.index);
        const r = new RegExp(`${B}(?<n>${NUM})\\s*(?:-|–|to|and|or)\\s*$`, 'iu').exec(before);
        if (r) {
          const n = numberOf(r.groups!.n!);
          if (typeof n === 'number' && typeof q === 'number' && n < q) {
            const s = m.index - before.length + r.index;
            const v = durationValue(n, unit);
            out.push({ start: s, end: s + r.groups!.n!.length, type: 'DURATION', read: () => abs(null, null, v, 'duration, unit shared with the next number'), priority: 1 });
          }
        }
      }
      return out;
    },
  );

  // Sets: "every week", "weekly", "each morning", "every Monday", "twice a year", "three times weekly", "on Sundays"
  rule(
    'set',
    `${B}(?:(?<rate>(?:${alt(f.set_rates.filter((w) => w !== 'times'))}|${NUM}\\s+times)\\s+(?:a|an|per|each|every)\\s+(?<ru>${UNIT_SING}))|(?:(?<rate2>(?:${alt(f.set_rates.filter((w) => w !== 'times'))}|${NUM}\\s+times))\\s+)?(?<adv>${alt(lex.setAdverb.keys())})|(?:every|each)\\s+(?:(?<eq>${NUM}|other)\\s+)?(?:(?<eu>${UNIT})|(?<ewd>${WEEKDAY_FULL})s?|(?<edp>${DAYPART})|(?<emon>${MONTH_FULL}))|on\\s+(?<pwd>${WEEKDAY_FULL})s)${E}`,
    (m, text, lo) => {
      const g = m.groups!;
      let value: string | null = null;
      let start = m.index;
      if (g.ru) {
        const u = unitOf(g.ru)!;
        value = durationValue(1, u);
      } else if (g.adv) {
        value = lex.setAdverb.get(norm(g.adv)) ?? null;
        // "the Daily Beast", "the Weekly Standard", "the Moscow daily Kommersant": a paper, not a set
        if (!g.rate2 && isCap(g.adv) && isCap(wordAfter(text, m.index + m[0].length)) && !/^[\s"“]*[,.;:]/.test(text.slice(m.index + m[0].length))) return null;
        if (!g.rate2 && /\p{Lu}[\p{L}.]*[^\S\n]+$/u.test(text.slice(Math.max(lo, m.index - 30), m.index)) && !isSentenceStart(text, m.index, lo)) return null;
      } else if (g.eu) {
        const u = unitOf(g.eu)!;
        const n = g.eq ? (norm(g.eq) === 'other' ? 2 : numberOf(g.eq)) : 1;
        if (n === null) return null;
        value = durationValue(n, u);
      } else if (g.ewd) {
        if (!isCap(g.ewd)) return null;
        value = `XXXX-WXX-${lex.weekday.get(norm(g.ewd))}`;
      } else if (g.edp) {
        value = `XXXX-XX-XXT${lex.dayPart.get(norm(g.edp))}`;
      } else if (g.emon) {
        if (!isCap(g.emon)) return null;
        value = `XXXX-${pad(monthOf(g.emon)!.n)}`;
      } else if (g.pwd) {
        if (!isCap(g.pwd)) return null;
        value = `XXXX-WXX-${lex.weekday.get(norm(g.pwd))}`;
        start = m.index + m[0].indexOf(g.pwd);
      }
      const c = cand(m, 'SET', () => abs(null, null, value, 'recurring time (set)'), 3);
      c.start = start;
      return c;
    },
  );

  // Reference words: "now", "currently", "recently", "the past", "at the time", "the future", "soon"
  rule(
    'ref',
    `${B}(?<w>${alt([...lex.presentRef, ...lex.pastRef, ...lex.futureRef])})${E}`,
    (m, text) => {
      const w = norm(m.groups!.w!);
      // "now" as a discourse marker is still present reference in TimeML; "the past" inside "in the past few" is
      // handled by the anchored rule, which is longer
      // "soon after the talks" is relative to another event
      if (w === 'soon' && /^\s+after(?:wards?)?\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
      // "as soon as" is a conjunction, not a time
      if (w === 'soon' && /\bas\s+$/i.test(text.slice(Math.max(0, m.index - 4), m.index)) && /^\s+as\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null;
      const kind = lex.presentRef.has(w) ? 'PRESENT_REF' : lex.pastRef.has(w) ? 'PAST_REF' : 'FUTURE_REF';
      return cand(
        m,
        'DATE',
        (ref) => {
          if (!ref) return unknown(kind, `"${w}" relative to`);
          if (kind === 'PRESENT_REF') return rel(ref, ref, kind, 'the present, read as');
          if (kind === 'PAST_REF') return rel(null, ref, kind, 'an unspecified past time before');
          return rel(ref, null, kind, 'an unspecified future time after');
        },
        1,
      );
    },
  );

  // Clock times: "10 a.m.", "10:30 p.m. local time", "15:00 GMT Saturday", "8 PM", "noon", "at 14:30",
  // "1500 GMT", "seven o'clock"
  const CLOCK = `(?:(?<h>[01]?\\d|2[0-3])(?:[:.](?<mi>[0-5]\\d))?\\s*(?<ap>[ap]\\.\\s?m\\.|[ap]m${E}|[AP]M${E}|[ap]\\.m${E})|(?<h2>[01]?\\d|2[0-3]):(?<mi2>[0-5]\\d)(?!:\\d|\\d)|(?<h3>[01]\\d|2[0-3])(?<mi3>[0-5]\\d)(?=\\s*(?:${alt(f.time_zones.filter((z) => /^[A-Z]+$/.test(z)))})${E})|(?<h4>\\d{1,2}|${alt(ones)}|ten|eleven|twelve)\\s+o['’]clock|(?<nt>${alt(lex.namedTime.keys())}))`;
  rule(
    'clock',
    `(?<![\\p{L}\\p{N}:.,$€£])${CLOCK}(?:\\s*(?<tz>${TZ})${E})?(?:,?\\s+(?<wd>${WEEKDAY_FULL})${E}|\\s+(?<rd>today|tonight|tomorrow|yesterday)${E})?`,
    (m, text, lo) => {
      const g = m.groups!;
      let h: number;
      let mi = 0;
      if (g.h !== undefined) {
        h = +g.h;
        mi = g.mi ? +g.mi : 0;
        const pm = /^p/i.test(g.ap!);
        if (h < 1 || h > 12) return null;
        if (pm && h < 12) h += 12;
        if (!pm && h === 12) h = 0;
      } else if (g.h2 !== undefined) {
        h = +g.h2;
        mi = +g.mi2!;
        const before = wordBefore(text, m.index, lo);
        if (!g.tz && !/^(?:at|by|around|about|from|until|till|before|after|since|to|between|and)$/.test(before)) return null;
      } else if (g.h3 !== undefined) {
        h = +g.h3;
        mi = +g.mi3!;
        if (!g.tz) return null;
      } else if (g.h4 !== undefined) {
        const n = /^\d+$/.test(g.h4) ? +g.h4 : (numberOf(g.h4) as number);
        if (!n || n > 12) return null;
        h = n;
      } else {
        const t = lex.namedTime.get(norm(g.nt!))!;
        [h, mi] = t.split(':').map(Number) as [number, number];
      }
      const clock = `${pad(h)}:${pad(mi)}`;
      if (g.wd && !isCap(g.wd)) return null;
      // zone codes are capitals: "8 pm et al" has no zone (the regex is case-insensitive as a whole)
      if (g.tz && /^[A-Z]+$/i.test(g.tz) && g.tz !== g.tz.toUpperCase()) return null;
      const wd = g.wd ? lex.weekday.get(norm(g.wd))! : null;
      const rd = g.rd ? norm(g.rd) : null;
      const c = cand(
        m,
        'TIME',
        (ref, tense) => {
          if (!ref) return { ...unknown(wd ? `XXXX-WXX-${wd}T${clock}` : `XXXX-XX-XXT${clock}`, 'clock time on a day relative to'), clock };
          let d = ref;
          let how = 'clock time on the day of';
          if (wd) {
            const t = tense();
            d = weekdayFrom(ref, wd, tenseMode(t));
            how = `clock time on the ${WEEKDAY_NAMES[wd]} ${tenseWords(t, 'on or before', 'on or after (future clause)')}`;
          } else if (rd) {
            d = addDays(ref, rd === 'yesterday' ? -1 : rd === 'tomorrow' ? 1 : 0);
            how = `clock time ${rd === 'yesterday' ? 'on the day before' : rd === 'tomorrow' ? 'on the day after' : 'on the day of'}`;
          }
          return { ...rel(d, d, `${d}T${clock}`, how), clock };
        },
        3,
      );
      if (!wd && !rd) c.floating = true;
      return c;
    },
  );

  return (compiled = { lex, rules, word: /[\p{L}]+(?:['’][\p{L}]+)*|,/gu });
}

// ── tense of the clause ────────────────────────────────────────────────────────────────────────────────────

const WINDOW_WORDS = 12;

function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?' && c !== ';') return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s|["”’)]/.test(next)) return false;
  if (c === '.') {
    // "Mr.", "U.S.", "Feb.": short capitalised word or initials before the dot is not a sentence end
    const m = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 6), i));
    if (m && (/^\p{Lu}[\p{L}]{0,2}$/u.test(m[1]!) || /\./.test(m[1]!))) return false;
  }
  return true;
}

/** True when only quotes or brackets stand between position i and the start of its sentence or line. */
function isSentenceStart(text: string, i: number, lo: number): boolean {
  let j = i - 1;
  while (j >= lo && /[ \t"“‘'(]/.test(text[j]!)) j--;
  return j < lo || text[j] === '\n' || isBoundary(text, j);
}

function sentenceBounds(text: string, start: number, end: number, lo: number, hi: number): [number, number] {
  let a = start;
  const minA = Math.max(lo, start - 200);
  while (a > minA && !isBoundary(text, a - 1)) a--;
  let b = end;
  const maxB = Math.min(hi, end + 200);
  while (b < maxB && !isBoundary(text, b)) b++;
  return [a, b];
}

const PRESENT_BE = new Set(['be', 'is', 'are', 'am', 'being', "it's", "that's"]);

function cueAt(words: string[], i: number, lex: Lexicon): Tense {
  const w = words[i]!;
  if (w === ',') return 'none';
  if (lex.futureWords.has(w) || w.endsWith("'ll")) return 'future';
  const prev = words[i - 1];
  const next = words[i + 1];
  if ((prev && lex.futurePhrases.has(`${prev} ${w}`)) || (next && lex.futurePhrases.has(`${w} ${next}`))) return 'future';
  const participle = w.length >= 5 && w.endsWith('ed') && !lex.notPast.has(w);
  // a participle after a present or infinitive "be" is passive, its tense is the auxiliary's ("is due to be
  // published", "is held"): no cue
  if ((participle || lex.pastWords.has(w)) && prev && PRESENT_BE.has(prev)) return 'none';
  if (lex.pastWords.has(w) || participle) return 'past';
  return 'none';
}

/** The tense of the clause around a span: the nearest tense cue, left first on a tie. */
function clauseTense(text: string, start: number, end: number, lo: number, hi: number, lex: Lexicon, wordRe: RegExp): Tense {
  const [a, b] = sentenceBounds(text, start, end, lo, hi);
  const left = (text.slice(a, start).match(wordRe) ?? []).map(norm);
  const right = (text.slice(end, b).match(wordRe) ?? []).map(norm);
  // words before the expression, nearest first; then words after it, stopping at a comma once the left side
  // has a cue ("Putin will visit on Monday, aides said": the comma ends the clause)
  let leftCue: { tense: Tense; dist: number } | null = null;
  for (let i = left.length - 1, dist = 1; i >= 0 && dist <= WINDOW_WORDS; i--, dist++) {
    const t = cueAt(left, i, lex);
    if (t !== 'none') {
      leftCue = { tense: t, dist };
      break;
    }
  }
  let rightCue: { tense: Tense; dist: number } | null = null;
  for (let i = 0, dist = 1; i < right.length && dist <= WINDOW_WORDS; i++, dist++) {
    if (right[i] === ',' && leftCue) break;
    const t = cueAt(right, i, lex);
    if (t !== 'none') {
      rightCue = { tense: t, dist };
      break;
    }
  }
  if (leftCue && (!rightCue || leftCue.dist <= rightCue.dist)) return leftCue.tense;
  return rightCue ? rightCue.tense : 'none';
}

// ── the tagger ─────────────────────────────────────────────────────────────────────────────────────────────

/** Candidates of one stretch of text, non-overlapping: longest first, then rule priority, then leftmost. */
function findCandidates(text: string, lo: number, hi: number, c: Compiled): Candidate[] {
  const slice = text.slice(lo, hi);
  const all: Candidate[] = [];
  for (const r of c.rules) {
    r.anchor.lastIndex = 0;
    // matches of one rule do not overlap: the next one starts at or after `done`
    let done = 0;
    let a: RegExpExecArray | null;
    while ((a = r.anchor.exec(slice))) {
      const p = a.index;
      if (a[0].length === 0) r.anchor.lastIndex++;
      if (p < done) continue;
      for (let s = Math.max(done, p - r.back); s <= p; s++) {
        if (s > 0 && isWordChar(slice.charCodeAt(s - 1))) continue;
        r.re.lastIndex = s;
        const m = r.re.exec(slice);
        if (!m || m[0].length === 0 || m.index + m[0].length <= p) continue;
        done = m.index + m[0].length;
        if (r.anchor.lastIndex < done) r.anchor.lastIndex = done;
        const built = r.build(m, slice, 0);
        for (const b of !built ? [] : Array.isArray(built) ? built : [built]) {
          if (b.end <= b.start) continue;
          all.push({ ...b, start: b.start + lo, end: b.end + lo });
        }
        break;
      }
    }
  }
  all.sort((x, y) => y.end - y.start - (x.end - x.start) || y.priority - x.priority || x.start - y.start);
  const chosen: Candidate[] = [];
  for (const cand of all) {
    if (insideUrl(text, cand.start, cand.end)) continue;
    if (chosen.some((k) => cand.start < k.end && k.start < cand.end)) continue;
    chosen.push(cand);
  }
  return chosen.sort((x, y) => x.start - y.start);
}

/** Letters (any script), digits and underscore: a match never starts right after one. */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD_CHAR.test(String.fromCharCode(code));
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A date inside a URL or an e-mail address is part of an address, not a time expression. */
function insideUrl(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && !/\s/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !/\s/.test(text[b]!)) b++;
  return /https?:|www\.|\.(?:com|org|net|html?|php|aspx?)\b|@/i.test(text.slice(a, b));
}

function shortBasis(when: When): string {
  const b = when.basis ?? when.text ?? 'no basis given';
  return b.length > 90 ? `${b.slice(0, 87)}…` : b;
}

function resolveOne(c: Candidate, when: When, tense: () => Tense): Omit<TimeExpression, 'start' | 'end' | 'text'> & { clock?: string } {
  const e = when.earliest;
  const l = when.latest;
  const src = ` (${shortBasis(when)})`;
  const est = when.estimate ? '; the reference date is itself an estimate' : '';
  let r: Resolved;
  let basis: string;
  if (e && l && e === l) {
    r = c.read(e, tense);
    basis = r.relative ? `${r.how} the reference date ${e}${src}${est}` : r.how;
  } else if (e || l) {
    const a = c.read(e, tense);
    const b = c.read(l, tense);
    r = {
      earliest: a.earliest && b.earliest ? (a.earliest < b.earliest ? a.earliest : b.earliest) : null,
      latest: a.latest && b.latest ? (a.latest > b.latest ? a.latest : b.latest) : null,
      value: mergeValues(a.value, b.value),
      how: a.how,
      relative: a.relative,
      ...(a.clock ? { clock: a.clock } : {}),
    };
    basis = r.relative ? `${a.how} the reference interval ${e ?? '?'}..${l ?? '?'}${src}, widened to cover both ends${est}` : r.how;
  } else {
    r = c.read(null, tense);
    basis = r.relative ? `${r.how} the reference date, which is unknown${src}: the year is unknown` : r.how;
  }
  return { earliest: r.earliest, latest: r.latest, value: r.value, type: c.type, basis, ...(r.clock ? { clock: r.clock } : {}) };
}

/**
 * Every time expression of the analysable sections of `text`, resolved against the reference date of its
 * section; sorted by start, no overlaps. Sections of kind 'repeat' are skipped.
 */
export function resolveTimes(text: string, sections: TimeSection[]): TimeExpression[] {
  const c = compile();
  const out: TimeExpression[] = [];
  for (const s of sections) {
    if (s.kind === 'repeat') continue;
    const lo = Math.max(0, s.start);
    const hi = Math.min(text.length, s.end);
    if (hi <= lo) continue;
    const cands = findCandidates(text, lo, hi, c);
    const resolved = cands.map((cand) => {
      let t: Tense | null = null;
      const tense = () => (t ??= clauseTense(text, cand.start, cand.end, lo, hi, c.lex, c.word));
      return { cand, res: resolveOne(cand, s.published, tense) };
    });
    // a bare clock time ("at 8 PM") takes the day of a day-precise date next to it in the same sentence
    for (const x of resolved) {
      if (!x.cand.floating || !x.res.clock) continue;
      const [a, b] = sentenceBounds(text, x.cand.start, x.cand.end, lo, hi);
      let best: (typeof resolved)[number] | null = null;
      let bestGap = 41;
      for (const y of resolved) {
        if (y === x || y.res.type === 'DURATION' || y.res.type === 'SET' || y.cand.start < a || y.cand.end > b) continue;
        if (!y.res.earliest || y.res.earliest !== y.res.latest) continue;
        const gap = y.cand.start >= x.cand.end ? y.cand.start - x.cand.end : x.cand.start - y.cand.end;
        if (gap < bestGap) {
          bestGap = gap;
          best = y;
        }
      }
      if (best && best.res.value && /^\d{4}-\d\d-\d\d/.test(best.res.value)) {
        const day = best.res.value.slice(0, 10);
        x.res = {
          ...x.res,
          earliest: best.res.earliest,
          latest: best.res.latest,
          value: `${day}T${x.res.clock}`,
          basis: `clock time on the day of "${text.slice(best.cand.start, best.cand.end)}" (${best.res.basis})`,
        };
      }
    }
    for (const { cand, res } of resolved) {
      const { clock: _clock, ...rest } = res;
      out.push({ start: cand.start, end: cand.end, text: text.slice(cand.start, cand.end), ...rest });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
