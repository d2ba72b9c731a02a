/** The acceptance checks of the ingest issue on the five real seed articles in ../shared (skipped without it). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { prepare } from '../src/ingest/prepare.ts';
import type { Document } from '../src/model/document.ts';
import { shared } from './helpers.ts';

const seeds = shared('corpus', 'seeds');

describe('seed articles', { skip: seeds.missing ?? false }, () => {
  const docs: Record<string, Document> = {};
  if (!seeds.missing) {
    for (const f of readdirSync(seeds.path).sort()) {
      docs[f.slice(0, 3)] = prepare({ kind: 'file', source: f, format: 'text', bytes: readFileSync(join(seeds.path, f)) }, { maxBytes: 1e7 }).document;
    }
  }

  it('leaves no boilerplate in any clean text', () => {
    const boilerplate = [
      /Leave a Reply/i, /commenting using/i, /VISIT MY/i, /Contact at/i, /lendmanstephen@/i, /was born in 1934/,
      /Note to readers/i, /share buttons/i, /Disclaimer/i, /Copyright/i, /Also on rt\.com/i, /share it with a friend/i,
      /Region:/, /Theme:/, /Global Research, October/, /bloggers like this/i, /Blog at WordPress/i, /Up ↑/,
      /\n\*\n/, /Updated 4 years ago/, /Progressive Radio/i, /Wall Street books/i, /^\d\d-\d\d-\d{4}, /m,
    ];
    for (const [k, d] of Object.entries(docs)) for (const re of boilerplate) expect({ k, found: re.exec(d.text)?.[0] ?? null }).toEqual({ k, found: null });
  });

  it('dates each seed as the gold says, with a basis', () => {
    expect(docs['001']!.published).toMatchObject({ earliest: '2017-06-27', latest: '2017-06-27' });
    expect(docs['002']!.published).toMatchObject({ earliest: '2018-10-25', latest: '2018-10-25' });
    expect(docs['003']!.published).toMatchObject({ earliest: '2021-02-05', latest: '2021-02-05' });
    expect(docs['004']!.published).toMatchObject({ earliest: '2017-05-29', latest: '2017-05-29' });
    const d0 = docs['000']!.published;
    expect(d0.earliest === null || d0.estimate === true).toBe(true);
    for (const d of Object.values(docs)) expect(d.published.basis).toBeTruthy();
  });

  it('reads the outlet where the page names it', () => {
    expect(docs['000']!.outlet).toBe('stephenlendman.org');
    expect(docs['002']!.outlet).toBe('Global Research');
    expect(docs['003']!.outlet).toBe('rt.com');
  });

  it("splits 004 into the post, the quoted column of 2014-12-31 and its repeat, which analysis skips", () => {
    const s = docs['004']!.sections;
    expect(s.map((x) => x.kind)).toEqual(['post', 'quoted', 'repeat']);
    expect(s[0]!.published.earliest).toBe('2017-05-29');
    expect(s[1]!.published).toMatchObject({ earliest: '2014-12-31', latest: '2014-12-31' });
    expect(s[2]!.repeatOf).toBe(1);
  });
});
