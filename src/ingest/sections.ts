/**
 * Assembles the clean text from the cleaner's paragraphs and finds its sections: a forum post and the
 * articles it pastes in (each with its own reference date), and second copies of earlier text. A repeat is kept
 * in the text — it is what the page says — but marked, so analysis reads it once.
 */
import type { RepeatedBlock, Section, When } from '../model/document.ts';
import type { Cleaned } from './clean.ts';
import { jaccard, shingleHashes, words } from './fingerprint.ts';
import { quotedSectionDate } from './metadata.ts';

/** Sections at least this similar (Jaccard of word 5-gram sets) are the same text pasted twice. */
const SAME_SECTION = 0.9;
/** A repeated run of paragraphs must carry at least this many words to count as a pasted block. */
const MIN_BLOCK_WORDS = 25;

export interface Assembled {
  text: string;
  sections: Section[];
  repeatedBlocks: RepeatedBlock[];
}

interface Placed {
  start: number;
  end: number;
  section: number;
  key: string;
}

export function assemble(cleaned: Cleaned, published: When): Assembled {
  const placed: Placed[] = [];
  let text = '';
  for (const p of cleaned.paragraphs) {
    if (text) text += '\n\n';
    placed.push({ start: text.length, end: text.length + p.text.length, section: p.section, key: words(p.text).join(' ') });
    text += p.text;
  }

  const isForum = cleaned.captures.some((c) => c.rule === 'forum-stamp' && c.section === 0);
  const parts = splitParts(placed, isForum);

  const sections: Section[] = [];
  const shingles: Array<Set<number>> = [];
  for (const part of parts) {
    const start = part[0]!.start;
    const end = part[part.length - 1]!.end;
    const body = text.slice(start, end);
    const sh = shingleHashes(body);
    const earlier = shingles.findIndex((s) => jaccard(s, sh) >= SAME_SECTION);
    const index = sections.length;
    const sectionNo = part[0]!.section;
    if (earlier >= 0) {
      sections.push({ start, end, kind: 'repeat', published: sections[earlier]!.published, repeatOf: earlier, ...(sections[earlier]!.url ? { url: sections[earlier]!.url } : {}) });
    } else if (isForum && index > 0) {
      const caps = cleaned.captures.filter((c) => c.section === sectionNo);
      const post = sections[0] ? text.slice(sections[0].start, sections[0].end) : '';
      const { when, url } = quotedSectionDate(caps, body, post);
      sections.push({ start, end, kind: 'quoted', published: when, repeatOf: null, url });
    } else {
      sections.push({ start, end, kind: isForum ? 'post' : 'body', published, repeatOf: null });
    }
    shingles.push(sh);
  }

  const repeatedBlocks = findRepeatedBlocks(placed);
  // A long run pasted again at the end of a single-section text is a repeat section of its own.
  if (sections.length === 1 && sections[0]!.kind === 'body') {
    const tail = repeatedBlocks.find((b) => b.end === text.length && (b.end - b.start) >= text.length * 0.25);
    if (tail) {
      sections[0]!.end = trimEnd(text, tail.start);
      sections.push({ start: tail.start, end: tail.end, kind: 'repeat', published, repeatOf: 0 });
    }
  }
  return { text, sections, repeatedBlocks };
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Paragraph groups: one per separator-delimited part in a forum post; the whole text otherwise. */
function splitParts(placed: Placed[], isForum: boolean): Placed[][] {
  if (!placed.length) return [];
  if (!isForum) return [placed];
  const parts: Placed[][] = [];
  for (const p of placed) {
    const last = parts[parts.length - 1];
    if (last && last[0]!.section === p.section) last.push(p);
    else parts.push([p]);
  }
  return parts;
}

/**
 * Runs of consecutive paragraphs that occur earlier in the text, word for word (ignoring case and punctuation).
 * Short runs (a repeated "Read more" line) are ignored.
 */
export function findRepeatedBlocks(placed: Placed[]): RepeatedBlock[] {
  const firstAt = new Map<string, number>();
  const blocks: RepeatedBlock[] = [];
  let i = 0;
  placed.forEach((p, k) => {
    if (p.key && !firstAt.has(p.key)) firstAt.set(p.key, k);
  });
  while (i < placed.length) {
    const j0 = firstAt.get(placed[i]!.key);
    if (j0 === undefined || j0 >= i || !placed[i]!.key) {
      i++;
      continue;
    }
    let len = 1;
    while (i + len < placed.length && j0 + len < i && placed[j0 + len]!.key === placed[i + len]!.key) len++;
    const run = placed.slice(i, i + len);
    const n = run.reduce((s, p) => s + p.key.split(' ').length, 0);
    if (n >= MIN_BLOCK_WORDS) {
      blocks.push({
        start: run[0]!.start,
        end: run[len - 1]!.end,
        of: { start: placed[j0]!.start, end: placed[j0 + len - 1]!.end },
      });
    }
    i += len;
  }
  return blocks;
}
