import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { extract } from '../src/cli/extract.ts';
import { ROOT, shared, tempDir } from './helpers.ts';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/extract.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function expectValid(output: unknown) {
  const ok = validate(output);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('readout extract', () => {
  it('prints schema-valid JSON for the bundled samples, in every format', async () => {
    const { output } = await extract([join(ROOT, 'samples/corpus')]);
    expectValid(output);
    expect(output.documents.length).toBe(10);
    expect(output.errors).toEqual([]);
    const ids = new Set(output.documents.map((d) => d.id));
    // the Helsinki summit of the sample corpus is coded as a meeting of Trump and Putin
    expect(output.events.some((e) => e.event === 'CONSULT' && [...e.actor, ...e.recipient].some((a) => a.name === 'Vladimir Putin'))).toBe(true);
    expect(output.events.every((e) => e.evidence.length > 0 && ids.has(e.document))).toBe(true);
    // every quote points into a document and carries its words
    expect(output.quotes.every((q) => ids.has(q.document) && q.content.text.length > 0)).toBe(true);
    expect(output.mentions!.some((m) => m.actor.name === 'Vladimir Putin')).toBe(true);
    expect(output.times!.some((t) => t.earliest === '2018-07-16')).toBe(true);
    const byFormat = (suffix: string) => output.documents.find((d) => d.source.includes(suffix))!;
    // Windows-1252 page: curly quotes and accents decoded
    expect(byFormat('salisbury').text).toMatch(/[’“”]/);
    expect(byFormat('salisbury').author).toMatch(/é/);
    // HTML meta, JSON record field, dateline, gzip
    expect(byFormat('geneva').published.basis).toMatch(/HTML meta/);
    expect(byFormat('wire.jsonl#2').published.earliest).toBe('2015-07-15');
    expect(byFormat('helsinki').published.basis).toMatch(/dateline/);
    expect(byFormat('inf-withdrawal').text.length).toBeGreaterThan(500);
  });

  it('reads stdin and applies --map', async () => {
    const stdin = Readable.from([JSON.stringify({ story_body: 'The two presidents spoke by phone for an hour on Monday and agreed to meet in the spring, aides said.', hed: 'Presidents speak' }) + '\n']);
    const { output } = await extract(['-'], { map: ['text=story_body', 'title=hed'], stdin });
    expectValid(output);
    expect(output.documents[0]!.title).toBe('Presidents speak');
    expect(output.documents[0]!.source).toBe('-#1');
  });

  it('lists a document given twice once, and reports its near duplicate', async () => {
    const dir = tempDir();
    const text = 'The foreign ministers of both countries met in Geneva on Friday for four hours of talks about the prisoner exchange, the grain corridor and the safety of the nuclear plant, and agreed to meet again in March. Officials described the meeting as businesslike.';
    writeFileSync(join(dir, 'a.txt'), `Ministers meet\n\n${text}`);
    writeFileSync(join(dir, 'b.txt'), `Ministers meet\n\n${text}`);
    writeFileSync(join(dir, 'c.txt'), `Ministers meet in Geneva\n\n${text.replace('four hours', 'nearly four hours')}`);
    const { output, summary } = await extract([dir]);
    expectValid(output);
    expect(output.documents).toHaveLength(2);
    expect(summary.ingested).toBe(1);
    expect(summary.duplicates).toBe(2);
    expect(output.documents[1]!.duplicateOf).toBe(output.documents[0]!.id);
  });

  const seeds = shared('corpus', 'seeds');
  it('prints schema-valid JSON for the seed articles', { skip: seeds.missing ?? false }, async () => {
    const { output } = await extract([seeds.path]);
    expectValid(output);
    expect(output.documents).toHaveLength(5);
  });
});
