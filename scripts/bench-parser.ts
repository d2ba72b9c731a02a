/**
 * Parser speed and load time on UD English EWT test (../shared), wink tags: three warm passes, words/s for the
 * whole parse() (tagger included) and for the tagger and the parser alone.
 *
 *   npx tsx scripts/bench-parser.ts [--shared ../shared]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConllu } from '../src/analyze/parser/conllu.ts';
import { winkTags } from '../src/analyze/parser/wink-tags.ts';
import { parse, parserModel } from '../src/analyze/parser/index.ts';
import { tagWith } from '../src/analyze/parser/tagger.ts';
import { parseWith } from '../src/analyze/parser/core.ts';

const { values } = parseArgs({ options: { shared: { type: 'string', default: process.env.READOUT_SHARED ?? '../shared' } } });
const started = performance.now();
const m = parserModel();
console.log(`model loaded in ${Math.round(performance.now() - started)} ms (${m.weights.header.nonzero} parser weights)`);
const file = join(resolve(values.shared!), 'eval', 'ud-english-ewt', 'en_ewt-ud-test.conllu');
const sents = readConllu(readFileSync(file, 'utf8')).map((s) => ({ words: s.words, tags: winkTags(s.words) }));
const words = sents.reduce((a, s) => a + s.words.length, 0);
const rate = (ms: number) => Math.round((words / ms) * 1000);
for (let pass = 1; pass <= 3; pass++) {
  let t = performance.now();
  for (const s of sents) parse(s.words, s.tags);
  const all = performance.now() - t;
  t = performance.now();
  const xpos = sents.map((s) => tagWith(m.tagger.weights, m.tagger.tags, s.words, s.tags));
  const tag = performance.now() - t;
  t = performance.now();
  sents.forEach((s, i) => parseWith(m.weights, m.transitions, m.rowMask, s.words, xpos[i]!, s.tags));
  const par = performance.now() - t;
  console.log(`pass ${pass}, ${words} words: parse() ${rate(all)} words/s (tagger alone ${rate(tag)}, parser alone ${rate(par)})`);
}
