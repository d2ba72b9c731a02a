/**
 * Hashed feature rows for the tagger and the parser: each template (numbered in call order) is hashed with the
 * values it combines into a row of the weight table. The writer's state lives at module level rather than in
 * closures: closures made per call cost an allocation each (and, under tsx, a __name wrapper), which showed as a
 * third of parsing time. One sentence position is written at a time: `begin`, the f1…f4 calls, then `written`.
 */
let OUT: Int32Array = new Int32Array(0);
let K = 0;
let T = 0;
let MASK = 0;

export function begin(out: Int32Array, mask: number): void {
  OUT = out;
  K = 0;
  T = 0;
  MASK = mask;
}

/** How many rows the calls since `begin` wrote. */
export function written(): number {
  return K;
}

export function f1(a: number): void {
  OUT[K++] = fin(mix(Math.imul(++T, 0x9e3779b1), a), MASK);
}
export function f2(a: number, b: number): void {
  OUT[K++] = fin(mix(mix(Math.imul(++T, 0x9e3779b1), a), b), MASK);
}
export function f3(a: number, b: number, c: number): void {
  OUT[K++] = fin(mix(mix(mix(Math.imul(++T, 0x9e3779b1), a), b), c), MASK);
}
export function f4(a: number, b: number, c: number, d: number): void {
  OUT[K++] = fin(mix(mix(mix(mix(Math.imul(++T, 0x9e3779b1), a), b), c), d), MASK);
}

function fin(h: number, mask: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & mask;
}

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0xcc9e2d51);
  return (h << 15) | (h >>> 17);
}
