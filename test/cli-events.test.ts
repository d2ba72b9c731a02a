/** `readout events` and `readout event` as a user reads them in a terminal. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ROOT, tempDir } from './helpers.ts';

const CLI = join(ROOT, 'bin', 'readout.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('readout event in the terminal', () => {
  it('counts one account and one document in the singular', () => {
    const dir = tempDir();
    const db = join(dir, 'cli.db');
    const file = join(dir, 'wire.jsonl');
    writeFileSync(file, JSON.stringify({ title: 'Envoys meet', text: 'The foreign ministers of Chile and Peru met in Lima on Monday and agreed to reopen the border crossing.', published: '2023-03-07' }) + '\n');
    expect(run('ingest', file, '--db', db).status).toBe(0);
    const list = run('events', '--db', db);
    expect(list.stdout).toMatch(/\[1 doc\]/);
    const id = /^(ev-\S+)/m.exec(list.stdout)![1]!;
    const shown = run('event', id, '--db', db);
    expect(shown.stdout).toMatch(/\n1 account in 1 document:\n/);
  });
});
