/**
 * Trains the dependency parser on UD English EWT (../shared/eval/ud-english-ewt, not in the repository: it is
 * CC BY-SA) with wink-nlp's tags: first the XPOS tagger (jackknifed over the training set, so the parser
 * learns from tags as noisy as it will get), then the parser, keeping the epoch with the best dev LAS. Writes
 * src/analyze/parser/model/en-ewt-{tagger,parser}.bin.gz; only these derived weights are shipped.
 *
 *   npm run train:parser [-- --epochs 12 --bits 21 --keep 5000000 --shared ../shared]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConllu } from '../src/analyze/parser/conllu.ts';
import { winkTags } from '../src/analyze/parser/wink-tags.ts';
import { train, type GoldSentence } from '../src/analyze/parser/train.ts';
import { averaged, exportTagger, tagWith, trainTagger } from '../src/analyze/parser/tagger.ts';
import { MODEL_PATH, TAGGER_PATH } from '../src/analyze/parser/index.ts';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    bits: { type: 'string', default: '21' },
    keep: { type: 'string', default: '5000000' },
    explore: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    folds: { type: 'string', default: '5' },
    'tagger-epochs': { type: 'string', default: '5' },
    shared: { type: 'string', default: process.env.READOUT_SHARED ?? '../shared' },
    out: { type: 'string', default: MODEL_PATH },
    'tagger-out': { type: 'string', default: TAGGER_PATH },
  },
});

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const dir = resolve(values.shared!, 'eval', 'ud-english-ewt');
function load(part: string) {
  return readConllu(readFileSync(join(dir, `en_ewt-ud-${part}.conllu`), 'utf8')).map((s) => ({ ...s, upos: winkTags(s.words), goldXpos: s.xpos }));
}
const trainSet = load('train');
const devSet = load('dev');
console.log(`read and tagged with wink: ${trainSet.length} + ${devSet.length} sentences (${seconds()})`);

// the tagger: jackknifed predictions for the training set, the full model for dev and for shipping
const taggerEpochs = Number(values['tagger-epochs']);
const folds = Number(values.folds);
const trainXpos: string[][] = new Array(trainSet.length);
for (let f = 0; f < folds; f++) {
  const rest = trainSet.filter((_, i) => i % folds !== f).map((s) => ({ words: s.words, upos: s.upos, xpos: s.goldXpos }));
  const tagger = averaged(trainTagger(rest, taggerEpochs, f + 1));
  trainSet.forEach((s, i) => {
    if (i % folds === f) trainXpos[i] = tagWith(tagger.weights, tagger.tags, s.words, s.upos);
  });
}
const fullTagger = trainTagger(trainSet.map((s) => ({ words: s.words, upos: s.upos, xpos: s.goldXpos })), taggerEpochs, 99);
const taggerFile = exportTagger(fullTagger, 1_000_000);
writeFileSync(values['tagger-out']!, taggerFile);
const tagger = averaged(fullTagger);
const devXpos = devSet.map((s) => tagWith(tagger.weights, tagger.tags, s.words, s.upos));
const accuracy = (pred: string[][], gold: string[][]) => {
  let n = 0;
  let ok = 0;
  pred.forEach((p, i) => p.forEach((t, j) => { n++; if (t === gold[i]![j]) ok++; }));
  return ((ok / n) * 100).toFixed(2);
};
console.log(`tagger: XPOS accuracy ${accuracy(trainXpos, trainSet.map((s) => s.goldXpos))}% jackknifed on train, ${accuracy(devXpos, devSet.map((s) => s.goldXpos))}% on dev; ${(taggerFile.length / 1e6).toFixed(2)} MB (${seconds()})`);

const toGold = (s: (typeof trainSet)[number], xpos: string[]): GoldSentence => ({ words: s.words, upos: s.upos, xpos, head: s.head, label: s.label });
let best = -1;
train({
  train: trainSet.map((s, i) => toGold(s, trainXpos[i]!)),
  dev: devSet.map((s, i) => toGold(s, devXpos[i]!)),
  epochs: Number(values.epochs),
  rowBits: Number(values.bits),
  keep: Number(values.keep),
  exploreFrom: Number(values.explore),
  seed: Number(values.seed),
  trainedOn: 'UD English EWT train, wink-nlp tags and jackknifed XPOS',
  log: (line) => console.log(`${line} (${seconds()})`),
  onEpoch: (_epoch, scores, model) => {
    if (scores.las <= best) return;
    best = scores.las;
    const file = model();
    writeFileSync(values.out!, file);
    console.log(`  → best so far, written to ${values.out} (${(file.length / 1e6).toFixed(2)} MB)`);
  },
});
console.log(`done in ${seconds()}; best dev LAS ${(best * 100).toFixed(2)}`);
