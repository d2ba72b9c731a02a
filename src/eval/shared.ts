/** Where the shared gold data lives, and a clear message when it is not there. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { prepare } from '../ingest/prepare.ts';
import type { Document } from '../model/document.ts';
import { join, resolve } from 'node:path';

export function sharedPath(root: string, ...parts: string[]): string {
  return resolve(join(root, ...parts));
}

/** null when present; otherwise the reason, for a skip message. */
export function missingShared(root: string, ...parts: string[]): string | null {
  const p = sharedPath(root, ...parts);
  return existsSync(p) ? null : `${p} is not there (the shared data is outside the repository; pass --shared <dir> or set READOUT_SHARED)`;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export function f1(precision: number, recall: number): number {
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** The seed articles of ../shared, each prepared as `ingest` would, in file order. */
export function readSeeds(root: string): Array<{ file: string; document: Document }> {
  const dir = sharedPath(root, 'corpus', 'seeds');
  return readdirSync(dir)
    .sort()
    .map((file) => ({ file, document: prepare({ kind: 'file', source: file, format: 'text', bytes: readFileSync(join(dir, file)) }, { maxBytes: 1 << 24 }).document }));
}
