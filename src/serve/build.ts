/**
 * The web UI is built on demand: `npm start` and `readout serve` build it when dist/ui is missing or older
 * than its sources, so a fresh checkout needs no separate build step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const UI_SOURCE = fileURLToPath(new URL('./ui/', import.meta.url));
export const UI_DIST = fileURLToPath(new URL('../../dist/ui/', import.meta.url));
const MODEL = fileURLToPath(new URL('../model/', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function uiIsCurrent(): boolean {
  const index = join(UI_DIST, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= Math.max(newest(UI_SOURCE), newest(MODEL));
}

/** Builds the UI unless it is current; returns the folder to serve. */
export async function ensureUi(log: (line: string) => void = () => {}): Promise<string> {
  if (uiIsCurrent()) return UI_DIST;
  log('building the web UI…');
  const { build } = await import('vite');
  await build({ configFile: join(UI_SOURCE, 'vite.config.ts'), logLevel: 'warn' });
  return UI_DIST;
}
