/**
 * The rule-based text cleaner. It reads lines, removes page chrome by the rules in rules/boilerplate.yaml,
 * and keeps what the removed lines said about the document (byline, dateline, outlet, neighbouring posts'
 * dates) as metadata candidates. Every section — the text between separator lines — has its own head, so a
 * pasted column keeps its own dateline. The output is paragraphs; assembling them into the clean text is the
 * caller's job.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { findDate } from '../model/calendar.ts';

export type CaptureField = 'author' | 'outlet' | 'date' | 'url' | 'handle';

export interface Capture {
  field: CaptureField;
  value: string;
  /** the rule that found it, e.g. "dateline" */
  rule: string;
  /** for dates: what kind of date the rule reads */
  basis?: string;
  /** the line it was found in */
  line: string;
  /** index of the section (0 = first) */
  section: number;
}

export interface Paragraph {
  text: string;
  section: number;
}

export interface Cleaned {
  title: string | null;
  paragraphs: Paragraph[];
  captures: Capture[];
  /** dates of other posts listed on the page (a "related posts" box), with the line they came from */
  neighbourDates: Array<{ day: string; line: string }>;
  /** number of sections the separators delimit */
  sectionCount: number;
  /** how many lines each rule removed, for diagnostics */
  removed: Record<string, number>;
}

type Zone = 'any' | 'head' | 'tail';
interface Rule {
  id: string;
  re: RegExp;
  lines: number;
  action: 'drop' | 'cut-rest' | 'strip';
  zone: Zone;
  dateBasis?: string;
  /** for `strip`: what replaces the matched words (may name the pattern's groups: "$1") */
  keep: string;
}

interface RuleFile {
  rules: Array<{ id: string; pattern: string; action: 'drop' | 'cut-rest' | 'strip'; zone?: Zone; date_basis?: string; case?: boolean; keep?: string }>;
}

let cachedRules: Rule[] | null = null;

export function loadRules(path = new URL('./rules/boilerplate.yaml', import.meta.url)): Rule[] {
  const file = parseYaml(readFileSync(path, 'utf8')) as RuleFile;
  return file.rules.map((r) => {
    if (r.action !== 'drop' && r.action !== 'cut-rest' && r.action !== 'strip') throw new Error(`rule ${r.id}: unknown action ${r.action}`);
    return {
      id: r.id,
      re: new RegExp(r.pattern, (r.case ? 'u' : 'iu') + (r.action === 'strip' ? 'g' : '')),
      keep: r.keep ?? '',
      lines: r.pattern.split('\\n').length,
      action: r.action,
      zone: r.zone ?? 'any',
      dateBasis: r.date_basis,
    };
  });
}

function rules(): Rule[] {
  return (cachedRules ??= loadRules());
}

const SEPARATOR = /^(?:-{3,}|\*{3,}|_{3,}|={3,}|—{2,}|(?:\*\s){2,}\*)$/;
const WORD = /[\p{L}\p{N}]+/gu;

function wordCount(s: string): number {
  return s.match(WORD)?.length ?? 0;
}

/** A line of running prose: the article has begun. */
function isProse(line: string): boolean {
  return wordCount(line) >= 8 && /[.!?:…"”’)]$/.test(line);
}

/** A line that is a headline rather than prose or furniture. */
function isTitleLike(line: string): boolean {
  const n = wordCount(line);
  return n >= 2 && n <= 40 && line.length <= 300;
}

/** Headlines may end in "?" or "!" but rarely in a full stop, and are short. */
function isHeadline(line: string): boolean {
  return wordCount(line) <= 30 && !/\.$/.test(line);
}

/** A line that is only a date ("June 27, 2017"), as in lists of other posts. */
function dateOnly(line: string): string | null {
  const f = findDate(line);
  if (!f) return null;
  return f.match.length >= line.replace(/\s+/g, ' ').trim().length * 0.7 ? f.day : null;
}

/** Page chrome inside a line of prose (a name's hover card): the `strip` rules. */
function stripInline(line: string): string {
  let out = line;
  for (const r of rules()) if (r.action === 'strip') out = out.replace(r.re, r.keep);
  return out === line ? line : out.replace(/ {2,}/g, ' ').trim();
}

/** Markdown and crawler markup that carries no words of its own. */
export function normaliseMarkup(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\((?:[^()\s]|\([^)]*\))*\)/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, '$1')
    .replace(/(^|[\s("“'])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?=$|[\s).,;:!?"”'])/g, '$1$2')
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s?/, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? _);
}

export interface CleanOptions {
  /** a title known from the record or the page's metadata */
  title?: string | null;
  /** apply Markdown normalisation (text and Markdown sources; not text already extracted from HTML) */
  markup?: boolean;
}

export function cleanText(raw: string, opts: CleanOptions = {}): Cleaned {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .split('\n')
    .map((l) => {
      const t = l.replace(/[\t\u00a0\u2009\u202f]/g, ' ').replace(/ {2,}/g, ' ').trim();
      return stripInline(opts.markup ? normaliseMarkup(t).trim() : t);
    });
  const keep = lines.map((l) => l.length > 0);
  const captures: Capture[] = [];
  const removed: Record<string, number> = {};
  const drop = (i: number, why: string) => {
    if (keep[i]) {
      keep[i] = false;
      removed[why] = (removed[why] ?? 0) + 1;
    }
  };

  // Sections: separator lines split the text; each section gets its own head zone.
  const sectionOf: number[] = [];
  let section = 0;
  lines.forEach((l, i) => {
    if (SEPARATOR.test(l)) {
      section++;
      keep[i] = false;
      sectionOf.push(-1);
    } else sectionOf.push(section);
  });
  const sectionCount = section + 1;
  const totalChars = lines.reduce((n, l) => n + l.length + 1, 0);
  const charsBefore: number[] = [];
  lines.reduce((n, l, i) => ((charsBefore[i] = n), n + l.length + 1), 0);

  const neighbourDates = findDatedLists(lines, keep, drop);
  dropLinkLists(lines, keep, drop);

  let title: string | null = opts.title?.trim() || null;
  const sameAsTitle = (l: string) => !!title && normKey(l) === normKey(title);
  const inHead: boolean[] = lines.map(() => false);
  let i = 0;
  while (i < lines.length) {
    const s = sectionOf[i]!;
    if (s < 0) {
      i++;
      continue;
    }
    // Head zone of section s: until the first line of prose.
    let j = i;
    for (; j < lines.length && sectionOf[j] === s; j++) {
      if (!keep[j]) continue;
      const rule = matchRule(lines, j, keep, 'head', sectionOf);
      if (rule) {
        applyCaptures(rule.rule, rule.match, lines[j]!, s, captures);
        for (let k = 0; k < rule.span; k++) drop(j + k, rule.rule.id);
        j += rule.span - 1;
        continue;
      }
      inHead[j] = true;
      if (s === 0 && sameAsTitle(lines[j]!)) {
        drop(j, 'title-repeat');
        continue;
      }
      if (s === 0 && !title && isTitleLike(lines[j]!) && (!isProse(lines[j]!) || isHeadline(lines[j]!))) {
        title = lines[j]!;
        drop(j, 'title');
        continue;
      }
      if (isProse(lines[j]!)) {
        // the head zone ends; the rest of the section is body
        inHead[j] = false;
        break;
      }
    }
    while (j < lines.length && sectionOf[j] === s) j++;
    i = j;
  }

  // Body rules, everywhere.
  for (let k = 0; k < lines.length; k++) {
    if (!keep[k] || sectionOf[k]! < 0) continue;
    const hit = matchRule(lines, k, keep, inHead[k] ? 'head' : 'body', sectionOf);
    if (!hit || hit.rule.zone === 'head') continue;
    const position = charsBefore[k]! / totalChars;
    if (hit.rule.zone === 'tail' && position < 0.6) continue;
    if (hit.rule.action === 'cut-rest') {
      if (position < 0.3) continue;
      applyCaptures(hit.rule, hit.match, lines[k]!, sectionOf[k]!, captures);
      const s = sectionOf[k];
      for (let m = k; m < lines.length && sectionOf[m] === s; m++) drop(m, hit.rule.id);
      continue;
    }
    applyCaptures(hit.rule, hit.match, lines[k]!, sectionOf[k]!, captures);
    for (let m = 0; m < hit.span; m++) drop(k + m, hit.rule.id);
  }

  return { title, paragraphs: toParagraphs(lines, keep, sectionOf), captures, neighbourDates, sectionCount, removed };
}

function normKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function matchRule(
  lines: string[],
  i: number,
  keep: boolean[],
  where: 'head' | 'body',
  sectionOf: number[],
): { rule: Rule; match: RegExpExecArray; span: number } | null {
  for (const rule of rules()) {
    if (rule.action === 'strip' || (rule.zone === 'head' && where !== 'head')) continue;
    let text = lines[i]!;
    let span = 1;
    if (rule.lines > 1) {
      // join with the next kept lines of the same section
      const parts = [text];
      for (let k = i + 1; k < lines.length && parts.length < rule.lines && sectionOf[k] === sectionOf[i]; k++) {
        if (!keep[k]) continue;
        parts.push(lines[k]!);
        span = k - i + 1;
      }
      if (parts.length < rule.lines) continue;
      text = parts.join('\n');
    }
    const m = rule.re.exec(text);
    if (m) return { rule, match: m, span };
  }
  return null;
}

function applyCaptures(rule: Rule, m: RegExpExecArray, line: string, section: number, out: Capture[]): void {
  const g = m.groups ?? {};
  for (const field of ['author', 'outlet', 'date', 'url', 'handle'] as const) {
    const v = g[field]?.trim();
    if (v) out.push({ field, value: v, rule: rule.id, line: m[0].includes('\n') ? m[0].split('\n').pop()! : line, section, ...(field === 'date' && rule.dateBasis ? { basis: rule.dateBasis } : {}) });
  }
}

/**
 * Lists of other posts, each a short title line followed by a date line, repeated: a "related posts" box.
 * Their dates are not this document's date but bound it (an estimate).
 */
function findDatedLists(lines: string[], keep: boolean[], drop: (i: number, why: string) => void): Array<{ day: string; line: string }> {
  const found: Array<{ day: string; line: string }> = [];
  const pairs: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (keep[i] && dateOnly(lines[i]!) && keep[i - 1] && !dateOnly(lines[i - 1]!) && isTitleLike(lines[i - 1]!) && !isProse(lines[i - 1]!))
      pairs.push(i);
  }
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 2) {
      for (const i of run) {
        found.push({ day: dateOnly(lines[i]!)!, line: lines[i]! });
        drop(i - 1, 'related-posts');
        drop(i, 'related-posts');
      }
    }
    run = [];
  };
  for (const i of pairs) {
    const prev = run[run.length - 1];
    if (prev !== undefined && !onlyBlankBetween(lines, prev, i - 1)) flush();
    run.push(i);
  }
  flush();
  return found;
}

/** Menu entries and tag clouds: four or more consecutive one-to-four-word lines with no sentence in them. */
const LINK_LIST_RUN = 6;
function dropLinkLists(lines: string[], keep: boolean[], drop: (i: number, why: string) => void): void {
  const isItem = (l: string) => l.length > 0 && wordCount(l) <= 4 && !/[.!?:;,"”]$/.test(l) && !SEPARATOR.test(l) && !dateOnly(l);
  let run: number[] = [];
  const flush = () => {
    if (run.length >= LINK_LIST_RUN) for (const i of run) drop(i, 'link-list');
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]) continue;
    if (keep[i] && isItem(lines[i]!)) run.push(i);
    else flush();
  }
  flush();
}

function onlyBlankBetween(lines: string[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (lines[k]!.length) return false;
  return true;
}

/**
 * Kept lines to paragraphs. Text with hard-wrapped lines inside blank-line-separated blocks is re-joined;
 * otherwise each line is a paragraph (crawled text puts one paragraph per line).
 */
function toParagraphs(lines: string[], keep: boolean[], sectionOf: number[]): Paragraph[] {
  const kept = lines.filter((_, i) => keep[i]);
  const wrapped = looksHardWrapped(kept);
  const out: Paragraph[] = [];
  let block: string[] = [];
  let blockSection = 0;
  const flush = () => {
    if (block.length) out.push({ text: block.join(' '), section: blockSection });
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (!keep[i]) {
      if (!lines[i] || sectionOf[i]! < 0) flush();
      continue;
    }
    if (!wrapped) {
      out.push({ text: lines[i]!, section: sectionOf[i]! });
      continue;
    }
    if (block.length && blockSection !== sectionOf[i]) flush();
    blockSection = sectionOf[i]!;
    block.push(lines[i]!);
  }
  flush();
  return out;
}

function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 8) return false;
  const lengths = lines.map((l) => l.length).sort((a, b) => a - b);
  const median = lengths[lengths.length >> 1]!;
  const unterminated = lines.filter((l) => !/[.!?:"”’)]$/.test(l)).length;
  return median >= 40 && median <= 90 && lengths[Math.floor(lengths.length * 0.9)]! <= 100 && unterminated > lines.length * 0.5;
}
