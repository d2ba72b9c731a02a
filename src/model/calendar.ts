/**
 * Calendar arithmetic on ISO days, and the absolute date forms news pages print. Days are plain strings so
 * they serialise as they are; arithmetic goes through UTC to avoid time-zone drift.
 */
import type { Day, When } from './document.ts';

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

/** Month number (1-12) of a month name or its usual abbreviations ("Sept.", "Dec"). */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
  return i >= 0 ? i + 1 : null;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function makeDay(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function parseDay(day: Day): { y: number; m: number; d: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

export function addDays(day: Day, n: number): Day {
  const { y, m, d } = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(day: Day): number {
  const { y, m, d } = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function monthInterval(y: number, m: number): { earliest: Day; latest: Day } {
  return { earliest: `${y}-${pad(m)}-01`, latest: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
}

export function dayWhen(day: Day, text: string, basis: string, estimate = false): When {
  return { earliest: day, latest: day, text, basis, ...(estimate ? { estimate } : {}) };
}

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** Absolute date forms, each with how to read its groups. Order matters: the first that matches wins. */
const DATE_FORMS: Array<{ re: RegExp; read: (g: string[]) => Day | null }> = [
  // 2018-10-25, 2018-10-25T09:26:00Z, 2018/10/25
  { re: /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/, read: (g) => makeDay(+g[1]!, +g[2]!, +g[3]!) },
  // October 25, 2018 · Oct. 25 2018 · October 25th, 2018
  { re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), read: (g) => makeDay(+g[3]!, monthNumber(g[1]!) ?? 0, +g[2]!) },
  // 25 October 2018 · 5 Feb, 2021
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, 'i'), read: (g) => makeDay(+g[3]!, monthNumber(g[2]!) ?? 0, +g[1]!) },
  // 05-29-2017 · 10/25/2018 (US order, as forums and US sites print it; rejected when the month is > 12)
  { re: /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/, read: (g) => makeDay(+g[3]!, +g[1]!, +g[2]!) ?? makeDay(+g[3]!, +g[2]!, +g[1]!) },
];

/** The first absolute calendar date in `text`, with where it was found. */
export function findDate(text: string): { day: Day; index: number; match: string } | null {
  let best: { day: Day; index: number; match: string } | null = null;
  for (const form of DATE_FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    const day = form.read(m as unknown as string[]);
    if (day && (!best || m.index < best.index)) best = { day, index: m.index, match: m[0] };
  }
  return best;
}

/** A date that appears in a URL path: /2014/12/31/, /2014-12-31/, /20141231/. */
export function dateInUrl(url: string): { day: Day; match: string } | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const forms: RegExp[] = [
    /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$|\.|_)/,
    /[/-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/-]|$|\.)/,
  ];
  for (const re of forms) {
    const m = re.exec(path);
    if (m) {
      const day = makeDay(+m[1]!, +m[2]!, +m[3]!);
      if (day) return { day, match: m[0].replace(/^[/-]/, '') };
    }
  }
  return null;
}

// ── Additions for the time-expression tagger (src/analyze/time.ts) ─────────────────────────────────────────

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Day): number {
  return weekday(day) || 7;
}

/** ISO 8601 week of a day: the week-numbering year (which may differ from the calendar year) and week 1-53. */
export function isoWeek(day: Day): { year: number; week: number } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const y = parseDay(thursday).y;
  const jan1 = `${y}-01-01`;
  const week = Math.floor(dayDiff(jan1, thursday) / 7) + 1;
  return { year: y, week };
}

/** TIMEX3 form of the ISO week of a day: 2013-W12. */
export function isoWeekValue(day: Day): string {
  const { year, week } = isoWeek(day);
  return `${year}-W${pad(week)}`;
}

/** Monday and Sunday of the ISO week that holds `day`. */
export function weekInterval(day: Day): { earliest: Day; latest: Day } {
  const monday = addDays(day, 1 - isoWeekday(day));
  return { earliest: monday, latest: addDays(monday, 6) };
}

/** Days from `a` to `b` (positive when b is later). */
export function dayDiff(a: Day, b: Day): number {
  const pa = parseDay(a);
  const pb = parseDay(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86_400_000);
}

/** The day `n` months after `day`, clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: Day, n: number): Day {
  const { y, m, d } = parseDay(day);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return `${ny}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

/** First..last day of a calendar year. */
export function yearInterval(y: number): { earliest: Day; latest: Day } {
  return { earliest: `${y}-01-01`, latest: `${y}-12-31` };
}

/** First..last day of months `m1`..`m2` counted from January of `y` (m2 may pass 12: 12..14 is Dec..Feb). */
export function monthRangeInterval(y: number, m1: number, m2: number): { earliest: Day; latest: Day } {
  const first = addMonths(`${y}-01-01`, m1 - 1);
  const lastMonthStart = addMonths(`${y}-01-01`, m2 - 1);
  const { y: ly, m: lm } = parseDay(lastMonthStart);
  return { earliest: first, latest: `${ly}-${pad(lm)}-${pad(daysInMonth(ly, lm))}` };
}

/** Western (Gregorian) Easter Sunday of a year (anonymous Gregorian algorithm). */
export function easterSunday(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${y}-${pad(month)}-${pad(day)}`;
}

/** Orthodox Easter Sunday of a year, as a Gregorian date (Meeus' Julian algorithm plus the calendar offset). */
export function orthodoxEasterSunday(y: number): Day {
  const a = y % 4;
  const b = y % 7;
  const c = y % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  const julianToGregorian = Math.floor(y / 100) - Math.floor(y / 400) - 2;
  return addDays(`${y}-${pad(month)}-${pad(day)}`, julianToGregorian);
}

/** The n-th (1-based) ISO weekday (1 = Monday … 7 = Sunday) of a month: US Thanksgiving is (y, 11, 4, 4). */
export function nthWeekdayOfMonth(y: number, m: number, isoDay: number, n: number): Day {
  const first = `${y}-${pad(m)}-01`;
  const offset = (isoDay - isoWeekday(first) + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

/**
 * A day from a date written at any precision ("2019", "2019-06", "2019-06-12"): the first day of the period,
 * or its last when `end` is set. Null for anything else.
 */
export function boundaryDay(value: unknown, end: boolean): Day | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = String(value).trim();
  if (/^\d{4}$/.test(s)) return end ? `${s}-12-31` : `${s}-01-01`;
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return end ? monthInterval(+m[1]!, +m[2]!).latest : `${s}-01`;
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}
