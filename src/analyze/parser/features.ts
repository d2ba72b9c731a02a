/**
 * Feature templates after Zhang & Nivre (2011), "Transition-based dependency parsing with rich non-local
 * features", plus the second stack word, suffixes and word shapes (wink gives only the 17 universal tags, so
 * the word's ending carries what finer tags like VBN/VBG would), and the words next to S0 and N0 in the text.
 * Each feature is hashed straight to a row of the weight table: no feature strings, no vocabulary to ship.
 */
import type { State } from './system.ts';
import { begin, f1, f2, f3, f4, written } from './feature-writer.ts';

/** A sentence with its words turned into hashes once, index 0 being the root. */
export interface Encoded {
  n: number;
  word: Int32Array;
  /** Fine (XPOS) tags from the tagger. */
  tag: Int32Array;
  /** wink's universal tags. */
  upos: Int32Array;
  suffix: Int32Array;
  shape: Int32Array;
}

/** Upper bound on the number of features per configuration. */
export const MAX_FEATURES = 128;

const NONE = 0x1b873593;

export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Lower case with digits folded, so "1990" and "2021" are one word. */
export function normalize(word: string): string {
  return word.toLowerCase().replace(/[0-9]/g, '0');
}

function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word.slice(0, 12)) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

export function encode(words: string[], tags: string[], upos: string[]): Encoded {
  const n = words.length;
  const e: Encoded = { n, word: new Int32Array(n + 1), tag: new Int32Array(n + 1), upos: new Int32Array(n + 1), suffix: new Int32Array(n + 1), shape: new Int32Array(n + 1) };
  e.word[0] = hashString('<root>');
  e.tag[0] = hashString('ROOT');
  e.upos[0] = hashString('ROOT', 5);
  e.suffix[0] = hashString('<root>', 7);
  e.shape[0] = hashString('<root>', 9);
  for (let i = 0; i < n; i++) {
    const w = normalize(words[i]!);
    e.word[i + 1] = hashString(w);
    e.tag[i + 1] = hashString(tags[i] ?? 'X');
    e.upos[i + 1] = hashString(upos[i] ?? 'X', 5);
    e.suffix[i + 1] = hashString(w.length > 3 ? w.slice(-3) : w, 7);
    e.shape[i + 1] = hashString(shapeOf(words[i]!), 9);
  }
  return e;
}


function at(a: Int32Array, i: number): number {
  return i < 0 ? NONE : a[i]!;
}
function labelAt(l: Int32Array, i: number): number {
  return i < 0 ? NONE : l[i]! + 2;
}

function distance(d: number): number {
  return d < 5 ? d : d < 8 ? 5 : d < 12 ? 6 : 7;
}

/**
 * Writes the row indices of the features of `st` into `out` (rows of a table of mask+1 rows) and returns
 * how many there are.
 */
export function extract(st: State, e: Encoded, mask: number, out: Int32Array): number {
  const W = e.word;
  const P = e.tag;
  const n = e.n;
  const s0 = st.stack[st.sp - 1]!;
  const s1 = st.sp > 1 ? st.stack[st.sp - 2]! : -1;
  const n0 = st.b <= n ? st.b : -1;
  const n1 = st.b + 1 <= n ? st.b + 1 : -1;
  const n2 = st.b + 2 <= n ? st.b + 2 : -1;
  const L = st.label;
  const s0h = st.head[s0]!;
  const s0h2 = s0h > 0 ? st.head[s0h]! : -1;
  const s0l = st.lc1[s0]!;
  const s0l2 = st.lc2[s0]!;
  const s0r = st.rc1[s0]!;
  const s0r2 = st.rc2[s0]!;
  const n0l = n0 < 0 ? -1 : st.lc1[n0]!;
  const n0l2 = n0 < 0 ? -1 : st.lc2[n0]!;

  const S0w = at(W, s0), S0p = at(P, s0), N0w = at(W, n0), N0p = at(P, n0), N1w = at(W, n1), N1p = at(P, n1), N2w = at(W, n2), N2p = at(P, n2);
  const S1w = at(W, s1), S1p = at(P, s1);
  const d = n0 < 0 ? NONE : distance(n0 - s0);
  const s0vl = st.nl[s0]!, s0vr = st.nr[s0]!, n0vl = n0 < 0 ? NONE : st.nl[n0]!;
  const s0sl = st.lset[s0]!, s0sr = st.rset[s0]!, n0sl = n0 < 0 ? NONE : st.lset[n0]!;
  const S0hw = at(W, s0h), S0hp = at(P, s0h), S0ll = labelAt(L, s0);
  const S0lw = at(W, s0l), S0lp = at(P, s0l), S0lL = labelAt(L, s0l);
  const S0rw = at(W, s0r), S0rp = at(P, s0r), S0rL = labelAt(L, s0r);
  const N0lw = at(W, n0l), N0lp = at(P, n0l), N0lL = labelAt(L, n0l);
  const S0l2w = at(W, s0l2), S0l2p = at(P, s0l2), S0l2L = labelAt(L, s0l2);
  const S0r2w = at(W, s0r2), S0r2p = at(P, s0r2), S0r2L = labelAt(L, s0r2);
  const N0l2w = at(W, n0l2), N0l2p = at(P, n0l2), N0l2L = labelAt(L, n0l2);
  const S0h2w = at(W, s0h2), S0h2p = at(P, s0h2), S0hl = labelAt(L, s0h);
  const N0sf = n0 < 0 ? NONE : e.suffix[n0]!, S0sf = e.suffix[s0]!, N1sf = n1 < 0 ? NONE : e.suffix[n1]!;
  const N0sh = n0 < 0 ? NONE : e.shape[n0]!, S0sh = e.shape[s0]!;
  const N0prevp = n0 < 0 ? NONE : at(P, n0 - 1);
  const S0nextp = s0 > 0 && s0 + 1 <= n ? P[s0 + 1]! : NONE;
  const S0prevp = s0 > 0 ? at(P, s0 - 1) : NONE;

  begin(out, mask);

  f1(0); // bias
  // single words
  f2(S0w, S0p); f1(S0w); f1(S0p);
  f2(N0w, N0p); f1(N0w); f1(N0p);
  f2(N1w, N1p); f1(N1w); f1(N1p);
  f2(N2w, N2p); f1(N2w); f1(N2p);
  // pairs
  f4(S0w, S0p, N0w, N0p); f3(S0w, S0p, N0w); f3(S0w, N0w, N0p); f3(S0w, S0p, N0p); f3(S0p, N0w, N0p);
  f2(S0w, N0w); f2(S0p, N0p); f2(N0p, N1p);
  // tag trigrams
  f3(N0p, N1p, N2p); f3(S0p, N0p, N1p); f3(S0hp, S0p, N0p); f3(S0p, S0lp, N0p); f3(S0p, S0rp, N0p); f3(S0p, N0p, N0lp);
  // distance
  f2(S0w, d); f2(S0p, d); f2(N0w, d); f2(N0p, d); f3(S0w, N0w, d); f3(S0p, N0p, d);
  // valency
  f2(S0w, s0vr); f2(S0p, s0vr); f2(S0w, s0vl); f2(S0p, s0vl); f2(N0w, n0vl); f2(N0p, n0vl);
  // unigrams of heads and dependents
  f1(S0hw); f1(S0hp); f1(S0ll);
  f1(S0lw); f1(S0lp); f1(S0lL);
  f1(S0rw); f1(S0rp); f1(S0rL);
  f1(N0lw); f1(N0lp); f1(N0lL);
  // third order
  f1(S0h2w); f1(S0h2p); f1(S0hl);
  f1(S0l2w); f1(S0l2p); f1(S0l2L);
  f1(S0r2w); f1(S0r2p); f1(S0r2L);
  f1(N0l2w); f1(N0l2p); f1(N0l2L);
  f3(S0p, S0lp, S0l2p); f3(S0p, S0rp, S0r2p); f3(S0p, S0hp, S0h2p); f3(N0p, N0lp, N0l2p);
  // label sets
  f2(S0w, s0sr); f2(S0p, s0sr); f2(S0w, s0sl); f2(S0p, s0sl); f2(N0w, n0sl); f2(N0p, n0sl);
  // second stack word
  f1(S1w); f1(S1p); f2(S1w, S1p); f3(S1p, S0p, N0p); f2(S1w, S0w); f2(S1p, labelAt(L, s1));
  // word endings and shapes, for words seen rarely or never
  f1(N0sf); f2(N0sf, N0p); f1(S0sf); f2(S0sf, S0p); f2(N1sf, N1p); f3(S0p, N0sf, N0p);
  f2(N0sh, N0p); f2(S0sh, S0p); f3(S0sh, N0sh, d);
  // neighbours in the text
  f2(N0prevp, N0p); f3(N0prevp, N0p, N1p); f2(S0p, S0nextp); f2(S0prevp, S0p); f3(S0p, S0nextp, N0p);
  f3(S0lL, S0p, N0p); f3(S0ll, S0p, N0p); f3(S0hp, S0ll, S0p);
  // more word pairs
  f2(N0w, N1w); f2(N0p, N1w); f2(N0w, N1p); f3(S0w, N0p, N1p); f3(S0p, N0w, N1p); f2(S0hw, N0w); f3(S0w, S0ll, N0p);
  // wink's own tags, a second opinion beside the tagger's
  const U = e.upos;
  const S0u = U[s0]!, N0u = n0 < 0 ? NONE : U[n0]!, N1u = n1 < 0 ? NONE : U[n1]!;
  f2(S0u, S0p); f2(N0u, N0p); f2(S0u, N0u); f3(S0u, N0u, N1u); f2(N1u, N1p);
  return written();
}
