/**
 * A Penn Treebank (XPOS) tagger in front of the parser. wink's universal tags agree with EWT's gold UPOS only
 * about 89% of the time and are coarse (no VBN/VBD, no IN/RP split), which costs the parser several points;
 * this averaged-perceptron tagger reads the words, their shapes and wink's tag, and predicts the finer tag
 * left to right. The parser is trained on jackknifed predictions so it sees tags as noisy as at run time.
 */
import { hashString, normalize } from './features.ts';
import { TrainingWeights, SparseWeights, type Scorer } from './weights.ts';
import { begin, f1, f2, f3, written } from './feature-writer.ts';

export const TAGGER_ROW_BITS = 19;
const MAX_TAGGER_FEATURES = 40;
const NONE = 0x2f1e33a5;


/** Per-word hashes computed once per sentence. */
interface TaggerInput {
  n: number;
  word: Int32Array;
  upos: Int32Array;
  suf: Int32Array[];
  pre: Int32Array[];
  shape: Int32Array;
}

function prepare(words: string[], upos: string[]): TaggerInput {
  const n = words.length;
  const x: TaggerInput = { n, word: new Int32Array(n), upos: new Int32Array(n), suf: [1, 2, 3, 4].map(() => new Int32Array(n)), pre: [1, 2, 3].map(() => new Int32Array(n)), shape: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const raw = words[i]!;
    const w = normalize(raw);
    x.word[i] = hashString(w);
    x.upos[i] = hashString(upos[i] ?? 'X', 3);
    for (let k = 0; k < 4; k++) x.suf[k]![i] = w.length > k + 1 ? hashString(w.slice(-(k + 1)), 11 + k) : NONE;
    for (let k = 0; k < 3; k++) x.pre[k]![i] = w.length > k + 1 ? hashString(w.slice(0, k + 1), 21 + k) : NONE;
    const shape = (/^\p{Lu}/u.test(raw) ? 1 : 0) | (/^\p{Lu}+$/u.test(raw) ? 2 : 0) | (/\d/.test(raw) ? 4 : 0) | (/-/.test(raw) ? 8 : 0) | (/^\p{P}+$/u.test(raw) ? 16 : 0) | (i === 0 ? 32 : 0);
    x.shape[i] = shape;
  }
  return x;
}

function at(a: Int32Array, j: number): number {
  return j < 0 || j >= a.length ? NONE : a[j]!;
}

function features(x: TaggerInput, i: number, prev: number, prev2: number, mask: number, out: Int32Array): number {
  begin(out, mask);
  f1(0);
  f1(at(x.word, i)); f1(at(x.word, i - 1)); f1(at(x.word, i + 1)); f1(at(x.word, i - 2)); f1(at(x.word, i + 2));
  f1(at(x.upos, i)); f2(at(x.upos, i), at(x.word, i)); f1(at(x.upos, i - 1)); f1(at(x.upos, i + 1)); f2(at(x.upos, i), at(x.upos, i + 1)); f2(at(x.upos, i - 1), at(x.upos, i)); f3(at(x.upos, i - 1), at(x.upos, i), at(x.upos, i + 1));
  for (let s = 0; s < 4; s++) f1(x.suf[s]![i]!);
  for (let s = 0; s < 3; s++) f1(x.pre[s]![i]!);
  f2(x.suf[2]![i]!, at(x.upos, i));
  f1(x.shape[i]!); f2(x.shape[i]!, at(x.upos, i));
  f1(prev); f2(prev, prev2); f2(prev, at(x.word, i)); f2(prev, at(x.upos, i)); f2(at(x.word, i), at(x.word, i + 1)); f2(at(x.word, i - 1), at(x.word, i));
  f2(x.suf[2]![i + 1 < x.n ? i + 1 : i]!, i + 1 < x.n ? 1 : 0); f2(at(x.word, i), at(x.upos, i + 1)); f2(prev, x.suf[2]![i]!);
  return written();
}

/** The best tag for word `i` given the two tags before it (as class numbers + 1, NONE at the start); `rows` keeps its features. */
function predict(scorer: Scorer, x: TaggerInput, i: number, prev: number, prev2: number, mask: number, rows: Int32Array, scores: Float32Array): { best: number; count: number } {
  const count = features(x, i, prev, prev2, mask, rows);
  scorer.score(rows, count, scores);
  let best = 0;
  for (let c = 1; c < scorer.classes; c++) if (scores[c]! > scores[best]!) best = c;
  return { best, count };
}

/** Tags `words` (with wink's UPOS `upos`) with XPOS tags. */
export function tagWith(scorer: Scorer, tagNames: string[], words: string[], upos: string[]): string[] {
  const mask = (1 << TAGGER_ROW_BITS) - 1;
  const x = prepare(words, upos);
  const rows = new Int32Array(MAX_TAGGER_FEATURES);
  const scores = new Float32Array(scorer.classes);
  const out: string[] = [];
  let prev = NONE;
  let prev2 = NONE;
  for (let i = 0; i < x.n; i++) {
    const best = predict(scorer, x, i, prev, prev2, mask, rows, scores).best;
    out.push(tagNames[best]!);
    prev2 = prev;
    prev = best + 1;
  }
  return out;
}

export interface TaggedSentence {
  words: string[];
  /** wink's tags (input). */
  upos: string[];
  /** Gold XPOS (to learn). */
  xpos: string[];
}

/** Trains a tagger; returns its weights (a dense table) and tag names. */
export function trainTagger(sents: TaggedSentence[], epochs: number, seed: number): { weights: TrainingWeights; tags: string[] } {
  const tags = [...new Set(sents.flatMap((s) => s.xpos))].sort();
  const index = new Map(tags.map((t, i) => [t, i]));
  const mask = (1 << TAGGER_ROW_BITS) - 1;
  const weights = new TrainingWeights(TAGGER_ROW_BITS, tags.length);
  const data = sents.map((s) => ({ x: prepare(s.words, s.upos), gold: s.xpos.map((t) => index.get(t)!) }));
  const rows = new Int32Array(MAX_TAGGER_FEATURES);
  const scores = new Float32Array(tags.length);
  let state = seed >>> 0 || 1;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  const order = data.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const { x, gold } = data[idx]!;
      let prev = NONE;
      let prev2 = NONE;
      for (let i = 0; i < x.n; i++) {
        const { best, count } = predict(weights, x, i, prev, prev2, mask, rows, scores);
        const g = gold[i]!;
        if (best !== g) {
          weights.update(rows, count, g, 1);
          weights.update(rows, count, best, -1);
        }
        weights.c++;
        prev2 = prev;
        // the gold history: cheap and, with averaging, about as good as following predictions
        prev = g + 1;
      }
    }
  }
  return { weights, tags };
}

/** A tagger as shipped: sparse weights with the tag names in the header's `labels`. */
export function exportTagger(t: { weights: TrainingWeights; tags: string[] }, keep: number): Buffer {
  return t.weights.export({ labels: t.tags, leftLabels: [], rightLabels: [], trainedOn: 'UD English EWT train XPOS, wink-nlp tags as features' }, keep);
}

export function readTagger(file: Buffer): { weights: SparseWeights; tags: string[] } {
  const weights = SparseWeights.read(file);
  return { weights, tags: weights.header.labels };
}

/** An in-memory averaged copy of training weights, for tagging held-out folds without writing a file. */
export function averaged(t: { weights: TrainingWeights; tags: string[] }): { weights: SparseWeights; tags: string[] } {
  return readTagger(exportTagger(t, Number.MAX_SAFE_INTEGER));
}
