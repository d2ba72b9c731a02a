import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { expect } from 'expect';
import { ingest, type IngestSummary } from '../src/ingest/ingest.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { tempDir } from './helpers.ts';

const ARTICLE = 'Two foreign ministers met in Vienna on Tuesday and agreed to resume talks on prisoner exchanges next month.\n\nThe meeting was the first in a year, officials from both sides said afterwards.\n';

describe('bad input never stops a batch', () => {
  const dir = tempDir();
  const bad = join(dir, 'inbox');
  let summary: IngestSummary;
  let store: SqliteStore;
  const errorFor = (name: string) => summary.errorList.find((e) => e.source.endsWith(name) || e.source.includes(`${name}#`));

  before(async () => {
    mkdirSync(bad);
    writeFileSync(join(bad, 'a-good.txt'), `Ministers meet in Vienna\n\n${ARTICLE}`);
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    // UTF-8 text with many broken sequences: a damaged file, not a legacy charset
    const broken = Buffer.concat(Array.from({ length: 20 }, () => Buffer.concat([Buffer.from('Kyiv – Kharkiv “talks” '), Buffer.from([0xe2, 0x28, 0xa1, 0xc3])])));
    writeFileSync(join(bad, 'invalid-utf8.txt'), broken);
    writeFileSync(join(bad, 'truncated.txt.gz'), gzipSync(Buffer.from(ARTICLE.repeat(50))).subarray(0, 60));
    writeFileSync(
      join(bad, 'records.jsonl'),
      [
        JSON.stringify({ title: 'Envoys meet', text: ARTICLE.replace('Vienna', 'Geneva'), published: '2021-06-16' }),
        '{"title": "broken", "text": "unterminated',
        JSON.stringify({ title: 'No text here' }),
        JSON.stringify({ title: 'Envoys meet again', text: ARTICLE.replace('Vienna', 'Oslo'), published: '2021-06-17' }),
      ].join('\n'),
    );
    writeFileSync(join(bad, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    writeFileSync(join(bad, 'no-article.html'), '<!doctype html><html><head><title>Index</title></head><body><nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>');
    writeFileSync(join(bad, 'unreadable.txt'), ARTICLE);
    chmodSync(join(bad, 'unreadable.txt'), 0o000);
    symlinkSync('loop.txt', join(bad, 'loop.txt'));
    writeFileSync(join(bad, 'z-good.md'), `# Talks resume in Oslo\n\n${ARTICLE.replace('Vienna', 'Oslo').replace('Tuesday', 'Friday')}`);

    store = new SqliteStore(join(dir, 'bad.db'));
    summary = await ingest([bad, join(dir, 'missing-folder')], store, {});
  });

  it('ingests the good items around the bad ones', () => {
    expect(summary.ingested).toBe(4);
    expect(store.counts().documents).toBe(4);
  });

  const cases: Array<[string, string]> = [
    ['empty.txt', 'empty'],
    ['binary.txt', 'binary'],
    ['invalid-utf8.txt', 'invalid-utf8'],
    ['truncated.txt.gz', 'corrupt-gzip'],
    ['records.jsonl#2', 'malformed-json'],
    ['records.jsonl#3', 'no-text'],
    ['huge.txt', 'too-large'],
    ['no-article.html', 'no-article'],
    ['missing-folder', 'not-found'],
    ['loop.txt', 'unreadable'],
  ];
  for (const [name, code] of cases) {
    it(`${name} becomes an error with code ${code} and a message to act on`, () => {
      const e = summary.errorList.find((x) => x.source.endsWith(name));
      expect({ name, code: e?.code }).toEqual({ name, code });
      expect(e!.message.length).toBeGreaterThan(15);
    });
  }

  it('a file it may not read is an error, not a crash', () => {
    if (process.getuid?.() === 0) {
      // root reads any file; the permission case is then exercised by the symlink loop above
      expect(errorFor('unreadable.txt')).toBeUndefined();
    } else {
      expect(errorFor('unreadable.txt')?.code).toBe('unreadable');
    }
  });

  it('stores every error with its source and code', () => {
    const stored = store.errors();
    expect(stored.length).toBe(summary.errors);
    expect(stored.every((e) => e.source && e.code && e.message)).toBe(true);
  });
});
