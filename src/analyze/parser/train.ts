/**
 * Training: averaged perceptron, greedy arc-eager with the dynamic oracle and exploration (Goldberg & Nivre
 * 2012): after the first epochs the parser follows its own prediction 90% of the time, so it is trained on the
 * kind of configurations it will reach after its own mistakes.
 */
import { extract, encode, MAX_FEATURES } from './features.ts';
import { State, Transitions } from './system.ts';
import { TrainingWeights, SparseWeights, type ModelHeader } from './weights.ts';
import { parseWith } from './core.ts';

/** A sentence to train or evaluate on: words, the tags the parser will see, and the gold tree (0-based, -1 root). */
export interface GoldSentence {
  words: string[];
  /** wink's universal tags. */
  upos: string[];
  /** XPOS tags as the tagger predicts them (jackknifed on the training set). */
  xpos: string[];
  head: number[];
  label: string[];
}

/** Relations rarer than this in training are folded into their universal part ("csubj:pass" → "csubj"). */
const MIN_LABEL_COUNT = 10;

export function labelInventory(sents: GoldSentence[]): { labels: string[]; leftLabels: number[]; rightLabels: number[]; map: (l: string) => string } {
  const count = new Map<string, number>();
  for (const s of sents) for (const l of s.label) count.set(l, (count.get(l) ?? 0) + 1);
  const keepSet = new Set([...count].filter(([, c]) => c >= MIN_LABEL_COUNT).map(([l]) => l));
  const map = (l: string) => (keepSet.has(l) ? l : keepSet.has(l.split(':')[0]!) ? l.split(':')[0]! : 'dep');
  keepSet.add('dep');
  const labels = [...keepSet].sort();
  const left = new Set<number>();
  const right = new Set<number>();
  for (const s of sents) {
    s.label.forEach((l, i) => {
      const id = labels.indexOf(map(l));
      (s.head[i]! < i ? right : left).add(id);
    });
  }
  return { labels, leftLabels: [...left].sort((a, b) => a - b), rightLabels: [...right].sort((a, b) => a - b), map };
}

export interface TrainOptions {
  train: GoldSentence[];
  dev: GoldSentence[];
  epochs: number;
  rowBits: number;
  /** Nonzero weights to keep in the exported model. */
  keep: number;
  /** Epoch (0-based) from which the parser follows its own predictions. */
  exploreFrom: number;
  seed: number;
  trainedOn: string;
  log: (line: string) => void;
  /** Called after each epoch with its dev scores; `model()` gives the model file with those scores in its header. */
  onEpoch: (epoch: number, dev: Scores, model: () => Buffer) => void;
}

export interface Scores {
  uas: number;
  /** Labelled attachment, full relation ("nsubj:pass" must match). */
  las: number;
  /** Labelled attachment on the universal part of the relation only (CoNLL 2018 LAS). */
  lasUniversal: number;
  tokens: number;
  seconds: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(o: TrainOptions): void {
  const inv = labelInventory(o.train);
  const t = new Transitions(inv.labels, inv.leftLabels, inv.rightLabels);
  const mask = (1 << o.rowBits) - 1;
  const weights = new TrainingWeights(o.rowBits, t.size);
  const prepared = o.train.map((s) => {
    const n = s.words.length;
    const gh = new Int32Array(n + 1);
    const gl = new Int32Array(n + 1).fill(-1);
    s.head.forEach((h, i) => {
      gh[i + 1] = h + 1;
      gl[i + 1] = inv.labels.indexOf(inv.map(s.label[i]!));
    });
    return { e: encode(s.words, s.xpos, s.upos), gh, gl };
  });
  o.log(`${prepared.length} sentences, ${t.size} transitions (${inv.labels.length} labels), 2^${o.rowBits} feature rows`);
  const random = rng(o.seed);
  const rows = new Int32Array(MAX_FEATURES);
  const scores = new Float32Array(t.size);
  const valid = new Uint8Array(t.size);
  const costs = new Int32Array(t.size);
  const order = prepared.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const started = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let steps = 0;
    let errors = 0;
    for (const idx of order) {
      const { e, gh, gl } = prepared[idx]!;
      const st = new State(e.n);
      while (!st.done) {
        const count = extract(st, e, mask, rows);
        weights.score(rows, count, scores);
        st.valid(t, valid);
        st.costs(t, gh, gl, costs);
        let pred = -1;
        let minCost = Infinity;
        for (let c = 0; c < t.size; c++) {
          if (!valid[c]) continue;
          if (pred < 0 || scores[c]! > scores[pred]!) pred = c;
          if (costs[c]! < minCost) minCost = costs[c]!;
        }
        let gold = -1;
        for (let c = 0; c < t.size; c++) if (valid[c] && costs[c] === minCost && (gold < 0 || scores[c]! > scores[gold]!)) gold = c;
        if (costs[pred]! > minCost) {
          weights.update(rows, count, gold, 1);
          weights.update(rows, count, pred, -1);
          errors++;
        }
        weights.c++;
        steps++;
        st.apply(t, epoch >= o.exploreFrom && random() < 0.9 ? pred : gold);
      }
    }
    const trained = (Date.now() - started) / 1000;
    const header: Omit<ModelHeader, 'format' | 'rowBits' | 'classes' | 'min' | 'ratio' | 'nonzero' | 'rows'> = {
      labels: inv.labels,
      leftLabels: inv.leftLabels,
      rightLabels: inv.rightLabels,
      trainedOn: o.trainedOn,
    };
    const file = weights.export(header, o.keep);
    const sparse = SparseWeights.read(file);
    const dev = evaluate(o.dev, (s) => parseWith(sparse, t, mask, s.words, s.xpos, s.upos));
    o.log(`epoch ${epoch + 1}: ${trained.toFixed(1)} s, ${((errors / steps) * 100).toFixed(2)}% wrong steps; dev UAS ${(dev.uas * 100).toFixed(2)} LAS ${(dev.las * 100).toFixed(2)} (universal ${(dev.lasUniversal * 100).toFixed(2)}); model ${(file.length / 1e6).toFixed(2)} MB, ${sparse.header.nonzero} weights`);
    o.onEpoch(epoch, dev, () => weights.export({ ...header, dev: { uas: dev.uas, las: dev.las } }, o.keep));
  }
}

/** UAS and LAS (punctuation included, as in the CoNLL 2018 shared task) of a model over gold sentences. */
export function evaluate<S extends { words: string[]; head: number[]; label: string[] }>(sents: S[], parse: (s: S) => { head: number[]; label: string[] }): Scores {
  let tokens = 0;
  let uas = 0;
  let las = 0;
  let lasU = 0;
  const started = performance.now();
  for (const s of sents) {
    const p = parse(s);
    for (let i = 0; i < s.words.length; i++) {
      tokens++;
      if (p.head[i] !== s.head[i]) continue;
      uas++;
      if (p.label[i] === s.label[i]) las++;
      if (p.label[i]!.split(':')[0] === s.label[i]!.split(':')[0]) lasU++;
    }
  }
  return { uas: uas / tokens, las: las / tokens, lasUniversal: lasU / tokens, tokens, seconds: (performance.now() - started) / 1000 };
}

