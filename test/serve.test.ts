/** `readout serve` as a process: flags checked before anything starts, and several workers sharing one import queue. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ROOT, tempDir } from './helpers.ts';

const CLI = join(ROOT, 'bin', 'readout.js');

describe('readout serve', () => {
  const dir = tempDir();

  it('refuses unusable flags with a message, before serving anything', () => {
    for (const [args, said] of [
      [['serve', '--workers', '0'], /--workers 0/],
      [['serve', '--port', 'http'], /--port http/],
      [['serve', '--host', '0.0.0.0'], /READOUT_TOKEN/],
    ] as const) {
      const r = spawnSync(process.execPath, [CLI, '--db', join(dir, 'flags.db'), ...args, '--no-ui'], { encoding: 'utf8', env: { ...process.env, READOUT_TOKEN: '' } });
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(said);
    }
  });

  it('serves from two workers that share one import queue, and stops cleanly', async () => {
    const child = spawn(process.execPath, [CLI, '--db', join(dir, 'workers.db'), 'serve', '--no-ui', '--port', '0', '--workers', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        const m = /Readout on (http:\/\/\S+?)\/? .*2 workers/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code})`)));
    });
    try {
      const body = JSON.stringify({ title: 'Envoys talk', text: 'The foreign ministers of Chile and Peru met in Lima on Monday and agreed to reopen the border crossing. Both said the talks were constructive.', published: '2023-03-06' });
      const res = await fetch(`${url}/api/import?name=envoys.jsonl`, { method: 'POST', body });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };
      // new connections each time: the primary hands them to either worker, and both must know the job
      let job: { state: string; ingested: number } = { state: '', ingested: 0 };
      for (let i = 0; i < 600 && job.state !== 'done' && job.state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = (await (await fetch(`${url}/api/import/${id}`, { headers: { connection: 'close' } })).json()) as typeof job;
      }
      expect(job).toMatchObject({ state: 'done', ingested: 1 });
      const listed = (await (await fetch(`${url}/api/import`)).json()) as { items: Array<{ id: string }> };
      expect(listed.items.map((j) => j.id)).toContain(id);
      const events = (await (await fetch(`${url}/api/events?pair=CHL,PER`)).json()) as { items: unknown[] };
      expect(events.items.length).toBeGreaterThan(0);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
