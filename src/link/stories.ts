/**
 * The story a document leads with, for documents whose main event is not a coded diplomatic event (a plane
 * crash, a data breach) or whose coded events say too little to link on. A story is the TF-IDF vector of the
 * title and the first paragraphs; two documents tell the same story when the vectors are close (cosine ≥
 * STORY_SIMILARITY) and they were published within STORY_WINDOW_DAYS of each other.
 */
import type { Document } from '../model/document.ts';

export const STORY_SIMILARITY = 0.2;
export const STORY_WINDOW_DAYS = 7;
const LEAD_PARAGRAPHS = 6;

const STOP = new Set(
  ('the a an of to in and or for on at by with from as is are was were be been has have had it its this that these those he she they we you ' +
    'his her their our not but said says say will would can could also after before over into about than more most new one two who what when ' +
    'which there here out up all just like only other some such them then very while year years last first time told according').split(' '),
);

export type StoryVector = Map<string, number>;

function leadText(d: Pick<Document, 'title' | 'text'>): string {
  return `${d.title ?? ''}\n${d.text.split(/\n+/).slice(0, LEAD_PARAGRAPHS).join('\n')}`;
}

function terms(text: string): Map<string, number> {
  const c = new Map<string, number>();
  for (const w of text.match(/[\p{L}][\p{L}'’-]+/gu) ?? []) {
    const k = w.toLowerCase();
    if (k.length < 3 || STOP.has(k)) continue;
    c.set(k, (c.get(k) ?? 0) + 1);
  }
  return c;
}

/** Unit TF-IDF vectors of the documents' leads; terms seen in one document only carry no link and are left out. */
export function storyVectors(docs: Array<Pick<Document, 'title' | 'text'>>): StoryVector[] {
  const counts = docs.map((d) => terms(leadText(d)));
  const df = new Map<string, number>();
  for (const c of counts) for (const k of c.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = docs.length;
  return counts.map((c) => {
    const v: StoryVector = new Map();
    let norm = 0;
    for (const [k, tf] of c) {
      const d = df.get(k)!;
      if (d < 2) continue;
      const w = (1 + Math.log(tf)) * Math.log(n / d);
      v.set(k, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of v) v.set(k, w / norm);
    return v;
  });
}

export function cosine(a: StoryVector, b: StoryVector): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [k, w] of a) s += w * (b.get(k) ?? 0);
  return s;
}

function dayOf(d: Pick<Document, 'published'>): number | null {
  return d.published.earliest ? Date.parse(d.published.earliest) / 86400000 : null;
}

/** Pairs of documents (indices) that tell the same story. */
export function storyPairs(docs: Array<Pick<Document, 'title' | 'text' | 'published'>>): Array<[number, number]> {
  const vectors = storyVectors(docs);
  const days = docs.map(dayOf);
  // an inverted index over terms keeps this near-linear on large sets
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const k of v.keys()) {
      const p = postings.get(k);
      if (p) p.push(i);
      else postings.set(k, [i]);
    }
  });
  const pairs: Array<[number, number]> = [];
  vectors.forEach((v, i) => {
    const candidates = new Set<number>();
    for (const k of v.keys()) for (const j of postings.get(k)!) if (j > i) candidates.add(j);
    for (const j of candidates) {
      const di = days[i] ?? null;
      const dj = days[j] ?? null;
      if (di !== null && dj !== null && Math.abs(di - dj) > STORY_WINDOW_DAYS) continue;
      if (cosine(v, vectors[j]!) >= STORY_SIMILARITY) pairs.push([i, j]);
    }
  });
  return pairs;
}
