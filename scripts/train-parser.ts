/**
 * Trains the dependency parser on UD English EWT (../shared/eval/ud-english-ewt, not in the repository: it is
 * CC BY-SA) with wink-nlp's tags, keeps the epoch with the best dev LAS and writes it to
 * src/analyze/parser/model/en-ewt.bin.gz. Only the derived weights are shipped.
 *
 *   npm run train:parser [-- --epochs 15 --bits 21 --keep 4000000 --shared ../shared]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConllu } from '../src/analyze/parser/conllu.ts';
import { winkTags } from '../src/analyze/parser/wink-tags.ts';
import { train, type GoldSentence } from '../src/analyze/parser/train.ts';
import { MODEL_PATH } from '../src/analyze/parser/index.ts';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    bits: { type: 'string', default: '21' },
    keep: { type: 'string', default: '4000000' },
    explore: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    shared: { type: 'string', default: process.env.READOUT_SHARED ?? '../shared' },
    out: { type: 'string', default: MODEL_PATH },
    'gold-tags': { type: 'boolean', default: false },
  },
});

const dir = resolve(values.shared!, 'eval', 'ud-english-ewt');
function load(part: string): GoldSentence[] {
  const started = Date.now();
  const sents = readConllu(readFileSync(join(dir, `en_ewt-ud-${part}.conllu`), 'utf8')).map((s) => ({
    words: s.words,
    tags: values['gold-tags'] ? s.upos : winkTags(s.words),
    head: s.head,
    label: s.label,
  }));
  console.log(`${part}: ${sents.length} sentences tagged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return sents;
}

const started = Date.now();
const trainSet = load('train');
const dev = load('dev');
let best = -1;
train({
  train: trainSet,
  dev,
  epochs: Number(values.epochs),
  rowBits: Number(values.bits),
  keep: Number(values.keep),
  exploreFrom: Number(values.explore),
  seed: Number(values.seed),
  trainedOn: `UD English EWT train, ${values['gold-tags'] ? 'gold UPOS' : 'wink-nlp tags'}`,
  log: (line) => console.log(line),
  onEpoch: (epoch, scores, model) => {
    if (scores.las <= best) return;
    best = scores.las;
    const file = model();
    writeFileSync(values.out!, file);
    console.log(`  → best so far, written to ${values.out} (${(file.length / 1e6).toFixed(2)} MB)`);
  },
});
console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; best dev LAS ${(best * 100).toFixed(2)}`);
