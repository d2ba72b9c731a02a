/**
 * Document metadata from every witness we have — the record's fields, the page's meta tags, the URL, the lines
 * the cleaner removed — each value kept with its basis. Publication dates are never invented: when nothing
 * states one, the date is unknown, or an estimate that says it is one.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { dateInUrl, dayWhen, findDate, monthInterval, monthNumber } from '../model/calendar.ts';
import { UNKNOWN_WHEN, type When } from '../model/document.ts';
import type { Capture, Cleaned } from './clean.ts';
import type { PageMeta } from './html.ts';

export interface RecordMeta {
  title?: string | null;
  url?: string | null;
  published?: string | null;
  outlet?: string | null;
  author?: string | null;
}

export interface Metadata {
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published: When;
}

interface OutletFile {
  /** host (without www.) → the outlet's usual name */
  hosts: Record<string, string>;
}

let outletNames: Record<string, string> | null = null;
function hostNames(): Record<string, string> {
  return (outletNames ??= (parseYaml(readFileSync(new URL('./rules/outlets.yaml', import.meta.url), 'utf8')) as OutletFile).hosts);
}

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** An outlet's display name from its host: a known name, else the registrable host ("rt.com"). */
export function outletFromHost(host: string): string {
  const names = hostNames();
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const h = parts.slice(i).join('.');
    if (names[h]) return names[h]!;
  }
  return host;
}

/**
 * A date value from a record or a meta tag ("2018-10-25T09:26:00Z", "October 25, 2018", "20181025").
 * Only the calendar day is kept; a time-zone offset never moves the day, since the page printed that day.
 */
export function readDateValue(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v);
  if (iso) {
    const d = findDate(`${iso[1]}-${iso[2]}-${iso[3]}`);
    if (d) return d.day;
  }
  if (/^\d{10,13}$/.test(v)) {
    const ms = v.length === 13 ? +v : +v * 1000;
    return new Date(ms).toISOString().slice(0, 10);
  }
  return findDate(v)?.day ?? null;
}

export function resolveMetadata(input: {
  cleaned: Cleaned;
  record?: RecordMeta;
  page?: PageMeta | null;
  /** the file or record's own URL, when the source is a URL */
  sourceUrl?: string | null;
}): Metadata {
  const { cleaned, record = {}, page } = input;
  const caps = cleaned.captures.filter((c) => c.section === 0);
  const first = (field: Capture['field']) => caps.find((c) => c.field === field);

  const url = record.url?.trim() || page?.url || input.sourceUrl || null;
  const title = withoutSiteName(record.title?.trim() || page?.title || cleaned.title || null, page?.siteName ?? record.outlet ?? null);

  const outletCapture = first('outlet');
  const host = hostOf(url);
  const outlet =
    record.outlet?.trim() ||
    page?.siteName ||
    (host ? outletFromHost(host) : null) ||
    outletCapture?.value ||
    null;

  const author = bylineName(record.author?.trim() || page?.author || first('author')?.value || first('handle')?.value || null);

  return { title, outlet, author, url, published: publicationDate(record, page, caps, url, cleaned) };
}

/** "Headline – Site Name" → "Headline", when the site's name is known. */
function withoutSiteName(title: string | null, site: string | null): string | null {
  if (!title || !site) return title;
  const esc = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`\\s*[-–—|:·]\\s*${esc}\\s*$`, 'i'), '').trim();
  return stripped || title;
}

/** "By Jane Doe" → "Jane Doe". */
function bylineName(author: string | null): string | null {
  const a = author?.replace(/^\s*by\s+/i, '').trim();
  return a ? a : null;
}

function publicationDate(record: RecordMeta, page: PageMeta | null | undefined, caps: Capture[], url: string | null, cleaned: Cleaned): When {
  if (record.published) {
    const day = readDateValue(record.published);
    if (day) return dayWhen(day, record.published, `record field "published" (${record.published})`);
  }
  if (page?.published) {
    const day = readDateValue(page.published.value);
    if (day) return dayWhen(day, page.published.value, `${page.published.basis} (${page.published.value})`);
  }
  for (const c of caps) {
    if (c.field !== 'date') continue;
    const day = readDateValue(c.value);
    if (day) return dayWhen(day, c.line, `${c.basis ?? c.rule} "${c.line}"`);
  }
  if (url) {
    const d = dateInUrl(url);
    if (d) return dayWhen(d.day, d.match, `date in the URL (${url})`);
  }
  return neighbourEstimate(cleaned) ?? { ...UNKNOWN_WHEN, basis: 'no dateline, date field or dated URL' };
}

/**
 * Posts listed beside an article on a blog page are its neighbours in time; when they all share one day the
 * article most likely appeared that day too. Said as an estimate, with its basis.
 */
function neighbourEstimate(cleaned: Cleaned): When | null {
  const days = [...new Set(cleaned.neighbourDates.map((d) => d.day))].sort();
  if (!days.length) return null;
  const earliest = days[0]!;
  const latest = days[days.length - 1]!;
  return {
    earliest,
    latest,
    text: cleaned.neighbourDates.map((d) => d.line).join('; '),
    basis: `estimate: the neighbouring posts listed on the page are dated ${earliest === latest ? earliest : `${earliest}..${latest}`}`,
    estimate: true,
  };
}

/**
 * The reference date of a quoted section: its own dateline, the date in its source URL, or the month and
 * year the poster gives for it ("dated the end of December in 2014").
 */
export function quotedSectionDate(caps: Capture[], sectionText: string, postText: string): { when: When; url: string | null } {
  const url = /https?:\/\/[^\s)>\]]+/.exec(sectionText)?.[0] ?? null;
  for (const c of caps) {
    if (c.field !== 'date') continue;
    const day = readDateValue(c.value);
    if (day) return { when: dayWhen(day, c.line, `${c.basis ?? c.rule} of the quoted article`), url };
  }
  if (url) {
    const d = dateInUrl(url);
    if (d) return { when: dayWhen(d.day, d.match, `date in the URL of the quoted article (${url})`), url };
  }
  const remark = posterRemark(postText);
  if (remark) return { when: remark, url };
  return { when: { ...UNKNOWN_WHEN, basis: 'the quoted text carries no date' }, url };
}

const ABOUT_THE_QUOTE = /\b(?:column|article|piece|op-?ed|story|report|wrote|written|published|dated|posted)\b/i;

/**
 * What the poster says about the date of what they paste: a full date in a sentence about the column ("a column
 * I wrote … on April 28, 2018"), or a month and year after "dated" ("dated the end of December in 2014").
 */
function posterRemark(post: string): When | null {
  for (const sentence of post.split(/(?<=[.!?])\s+/)) {
    if (!ABOUT_THE_QUOTE.test(sentence)) continue;
    const d = findDate(sentence);
    if (d) return dayWhen(d.day, d.match, `the poster's remark "${sentence.trim()}"`);
    const m = /\bdated\b[^.]{0,40}?\b(january|february|march|april|may|june|july|august|september|october|november|december)\b[^.\d]{0,10}(\d{4})/i.exec(sentence);
    if (m) return { ...monthInterval(+m[2]!, monthNumber(m[1]!)!), text: m[0], basis: `the poster's remark "${sentence.trim()}"` };
  }
  return null;
}
