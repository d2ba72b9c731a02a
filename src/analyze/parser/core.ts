/**
 * Greedy parsing of one sentence with any scorer, shared by training (dev scores) and run time. `tags` are
 * the tagger's XPOS tags, `upos` wink's tags.
 */
import { encode, extract, MAX_FEATURES } from './features.ts';
import { State, Transitions } from './system.ts';
import type { Scorer } from './weights.ts';

/** A dependency tree over the words of a sentence. */
export interface Parse {
  /** 0-based index of each word's head; -1 for the root of the sentence. */
  head: number[];
  /** UD relation of each word to its head ("nsubj", "nsubj:pass", "obl", "root", …). */
  label: string[];
  /** the Penn tag the parser read each word with ("VBN", "VBD"…), where the tagger ran */
  xpos?: string[];
}

/** Scratch buffers reused across sentences (parsing is synchronous, so one set per process is enough). */
const rows = new Int32Array(MAX_FEATURES);
let scores = new Float32Array(0);
let valid = new Uint8Array(0);

export function parseWith(scorer: Scorer, t: Transitions, rowMask: number, words: string[], tags: string[], upos: string[]): Parse {
  const n = words.length;
  if (n === 0) return { head: [], label: [] };
  if (scores.length < t.size) {
    scores = new Float32Array(t.size);
    valid = new Uint8Array(t.size);
  }
  const e = encode(words, tags, upos);
  const st = new State(n);
  while (!st.done) {
    const count = extract(st, e, rowMask, rows);
    scorer.score(rows, count, scores);
    st.valid(t, valid);
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < t.size; c++) {
      if (valid[c] && scores[c]! > bestScore) {
        bestScore = scores[c]!;
        best = c;
      }
    }
    st.apply(t, best);
  }
  return finish(st, t);
}

/**
 * Words left without a head when the buffer ran out hang from the root; a sentence gets one root, the first,
 * and later ones attach to it as parataxis, which is what UD uses for run-on clauses.
 */
export function finish(st: State, t: Transitions): Parse {
  const n = st.n;
  const head: number[] = new Array(n);
  const label: string[] = new Array(n);
  let root = -1;
  for (let i = 1; i <= n; i++) {
    const h = st.head[i]!;
    if (h <= 0 && root < 0) root = i;
  }
  for (let i = 1; i <= n; i++) {
    const h = st.head[i]!;
    if (h > 0) {
      head[i - 1] = h - 1;
      label[i - 1] = t.labels[st.label[i]!]!;
    } else if (i === root) {
      head[i - 1] = -1;
      label[i - 1] = 'root';
    } else {
      head[i - 1] = root - 1;
      label[i - 1] = 'parataxis';
    }
  }
  return { head, label };
}
