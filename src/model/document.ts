/**
 * The data model of an ingested article. A `Document` owns its clean `text`; everything else that points into
 * the article (sections, repeated blocks, and later mentions, quotes and events) is a span of UTF-16 offsets
 * into that one string, as in spaCy's Doc.
 */

/** An ISO calendar day, `YYYY-MM-DD`. */
export type Day = string;

/**
 * A time known to some precision: the true day lies in `earliest..latest`. Unknown is both null, never a
 * guess. `basis` says how it was found, so a reader can check it ("dateline 'Global Research, October 25, 2018'").
 */
export interface When {
  earliest: Day | null;
  latest: Day | null;
  /** the words it was read from */
  text?: string | null;
  basis?: string | null;
  /** true when the interval is an inference (e.g. from neighbouring posts), not a statement of the source */
  estimate?: boolean;
}

export const UNKNOWN_WHEN: When = Object.freeze({ earliest: null, latest: null, text: null, basis: null });

/** A stretch of the clean text. */
export interface Span {
  start: number;
  end: number;
}

/** Index of the first span (in text order) that starts at or after `pos`; `spans.length` when none does. */
export function firstStartingAtOrAfter(spans: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last span (in text order) that starts at or before `pos`; -1 when none does. */
export function lastStartingAtOrBefore(spans: readonly { start: number }[], pos: number): number {
  return firstStartingAtOrAfter(spans, pos + 1) - 1;
}

export type SectionKind =
  /** the article itself */
  | 'body'
  /** a forum or blog post written by the poster */
  | 'post'
  /** an article or column the post pastes in, with its own reference date */
  | 'quoted'
  /** a second copy of an earlier section: kept in the text, skipped by analysis */
  | 'repeat';

export interface Section extends Span {
  kind: SectionKind;
  /** reference date for relative expressions inside the section ("this month") */
  published: When;
  /** index of the section this one repeats */
  repeatOf: number | null;
  /** where the quoted text came from, when the post says so */
  url?: string | null;
}

/** A block of text found again later in the same document (a paragraph pasted twice). */
export interface RepeatedBlock extends Span {
  /** the earlier copy */
  of: Span;
}

export interface Document {
  /** stable: hash of the clean text */
  id: string;
  /** path, path#line for JSONL records, or URL */
  source: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** ISO 639-1 where known; non-English documents are stored but not analysed */
  language: string | null;
  published: When;
  /** id of an earlier document with (nearly) the same text */
  duplicateOf: string | null;
  sections: Section[];
  repeatedBlocks: RepeatedBlock[];
  text: string;
  /** problems that did not stop ingestion, said so a person can act on them */
  warnings: string[];
}

/** The span of text that analysis should read: every section that is not a repeat. */
export function analysableSections(doc: Pick<Document, 'sections'>): Section[] {
  return doc.sections.filter((s) => s.kind !== 'repeat');
}
