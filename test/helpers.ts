import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SHARED = resolve(process.env.READOUT_SHARED ?? join(ROOT, '..', 'shared'));

/** The shared data, or a reason to skip that says where it was looked for. */
export function shared(...parts: string[]): { path: string; missing: string | null } {
  const path = join(SHARED, ...parts);
  return { path, missing: existsSync(path) ? null : `${path} is absent (the shared data lives outside the repository)` };
}

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'readout-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
