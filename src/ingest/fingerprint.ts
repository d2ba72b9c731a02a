/**
 * Fingerprints of text: the stable document id (a hash of the clean text), word shingles, and MinHash
 * signatures with LSH bands for near-duplicate search. 128 hashes in 16 bands of 8 rows put the LSH threshold
 * near a Jaccard similarity of 0.7; candidates are then checked against DUPLICATE_SIMILARITY.
 */
import { createHash } from 'node:crypto';

export const SIGNATURE_SIZE = 128;
export const BANDS = 16;
export const ROWS = SIGNATURE_SIZE / BANDS;
/** estimated Jaccard similarity of shingle sets at or above which two documents are near duplicates */
export const DUPLICATE_SIMILARITY = 0.8;
const SHINGLE = 5;

/** Stable id of a clean text: insensitive to white-space differences only. */
export function documentId(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 20);
}

export function contentHash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit FNV-1a, then a murmur finaliser for avalanche. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes of the word n-grams of a text (a set: repeated shingles count once). Words are hashed once each. */
export function shingleHashes(text: string, n = SHINGLE): Set<number> {
  const w = words(text).map(hash32);
  const out = new Set<number>();
  if (w.length < n) {
    if (w.length) out.add(w.reduce((h, x) => mix(Math.imul(h, 31) ^ x), 0));
    return out;
  }
  for (let i = 0; i + n <= w.length; i++) {
    let h = 0;
    for (let k = i; k < i + n; k++) h = mix(Math.imul(h, 31) ^ w[k]!);
    out.add(h);
  }
  return out;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

export function minhash(shingles: Set<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(s ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** One bucket key per band: documents sharing any bucket are candidates. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193));
    // keep within SQLite's signed 64-bit integer range and JS's safe integers
    keys.push(h | 0);
  }
  return keys;
}

/** Exact Jaccard similarity of two shingle sets (used for sections inside one document). */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
