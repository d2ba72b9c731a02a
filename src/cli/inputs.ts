/** Sizes of the inputs of a run, so progress can be shown against a total. */
import { openSync, readSync, closeSync, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../ingest/sources.ts';

/** Total uncompressed bytes under the given paths (gzip files by their ISIZE trailer); null if unknown. */
export async function totalInputBytes(paths: string[]): Promise<number | null> {
  let total = 0;
  for (const p of paths) {
    if (p === '-') return null;
    total += await sizeOf(p);
  }
  return total;
}

async function sizeOf(path: string): Promise<number> {
  let st;
  try {
    st = await fs.stat(path);
  } catch {
    return 0;
  }
  if (st.isDirectory()) {
    let n = 0;
    for (const e of await fs.readdir(path).catch(() => [] as string[])) {
      if (!e.startsWith('.')) n += await sizeOf(join(path, e));
    }
    return n;
  }
  if (!classify(path).format && !path.startsWith('-')) return 0;
  return classify(path).gzip ? gzipSize(path, st.size) : st.size;
}

/** The uncompressed size a gzip member records in its last four bytes (modulo 4 GiB). */
function gzipSize(path: string, compressed: number): number {
  if (compressed < 18) return compressed;
  try {
    const fd = openSync(path, 'r');
    const buf = Buffer.alloc(4);
    readSync(fd, buf, 0, 4, compressed - 4);
    closeSync(fd);
    return buf.readUInt32LE(0);
  } catch {
    return compressed;
  }
}
