import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ROOT, tempDir } from './helpers.ts';

const VOCAB = (
  'minister envoy summit talks ceasefire sanctions treaty border delegation embassy capital president premier ' +
  'parliament agreement proposal visit call statement accusation denial offer pipeline grain shipping missile ' +
  'inspection observers mediator negotiation round communique spokesman ambassador alliance security council ' +
  'resolution vote veto aid loan tariff quota exports imports election monitors prisoners exchange hostage ' +
  'drone strike airspace navy exercise drills troops withdrawal deployment refugees corridor humanitarian'
).split(' ');

/** Deterministic pseudo-random articles, different enough that none is a near duplicate of another. */
function article(i: number): string {
  let seed = (i + 1) * 2654435761;
  const rand = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 4294967296);
  const sentences: string[] = [];
  for (let s = 0; s < 30; s++) {
    const n = 8 + Math.floor(rand() * 10);
    const w = Array.from({ length: n }, () => VOCAB[Math.floor(rand() * VOCAB.length)]!);
    sentences.push(w[0]![0]!.toUpperCase() + w.join(' ').slice(1) + '.');
  }
  return `Report number ${i}. ` + sentences.join(' ');
}

function count(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return d.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

function run(args: string[]) {
  return spawn(process.execPath, [join(ROOT, 'bin/readout.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('resumable ingestion', () => {
  const dir = tempDir();
  const input = join(dir, 'many.jsonl');
  const db = join(dir, 'resume.db');
  const TOTAL = 6000;
  writeFileSync(input, Array.from({ length: TOTAL }, (_, i) => JSON.stringify({ title: `Report ${i}`, text: article(i), published: '2020-01-01' })).join('\n') + '\n');

  it('survives SIGKILL mid-run and finishes on the next run with no duplicates and no damaged rows', async () => {
    const first = run(['ingest', input, '--db', db]);
    const exited = new Promise<number | null>((r) => first.on('exit', (code) => r(code)));
    let killedAt = -1;
    for (let t = 0; t < 600 && killedAt < 0; t++) {
      await new Promise((r) => setTimeout(r, 25));
      const n = count(db);
      if (n > 0) {
        first.kill('SIGKILL');
        killedAt = n;
      }
    }
    await exited;
    // the first run must have committed something before it was killed
    expect(killedAt).toBeGreaterThan(0);
    const afterKill = count(db);
    expect(afterKill).toBeLessThan(TOTAL);

    const second = run(['ingest', input, '--db', db]);
    let out = '';
    second.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => second.on('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(out).toMatch(/already ingested/);

    const d = new Database(db, { readonly: true });
    expect(d.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    expect(d.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(TOTAL);
    expect(d.prepare('SELECT count(DISTINCT source) FROM documents').pluck().get()).toBe(TOTAL);
    expect(d.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(TOTAL);
    expect(d.prepare('SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL').pluck().get()).toBe(0);
    expect(d.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'ceasefire'").pluck().get()).toBeGreaterThan(0);
    d.close();
  });

  it('a third run over the same input adds nothing', async () => {
    const third = run(['ingest', input, '--db', db]);
    let out = '';
    third.stdout.on('data', (d) => (out += d));
    await new Promise((r) => third.on('exit', r));
    expect(out).toMatch(/^0 ingested, 6000 duplicates, 0 errors/);
    expect(count(db)).toBe(TOTAL);
  });
});
