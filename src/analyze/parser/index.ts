/**
 * Dependency parser: arc-eager transitions, greedy decoding, averaged perceptron trained with a dynamic oracle
 * on UD English EWT, with wink-nlp's tags refined by a small XPOS tagger, as at run time. Training:
 * scripts/train-parser.ts (`npm run train:parser`).
 *
 *   import { parse } from './analyze/parser/index.ts';
 *   parse(['Russia', 'was', 'accused', '.'], ['PROPN', 'AUX', 'VERB', 'PUNCT'])
 *   // → { head: [2, 2, -1, 2], label: ['nsubj:pass', 'aux:pass', 'root', 'punct'] }
 *
 * Tags must be wink's universal POS tags (`its.pos`) for the same words; other UPOS tags work, less well.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWith, type Parse } from './core.ts';
import { Transitions } from './system.ts';
import { SparseWeights } from './weights.ts';
import { readTagger, tagWith } from './tagger.ts';
import { winkTags } from './wink-tags.ts';

export type { Parse } from './core.ts';

export const MODEL_PATH = fileURLToPath(new URL('./model/en-ewt-parser.bin.gz', import.meta.url));
export const TAGGER_PATH = fileURLToPath(new URL('./model/en-ewt-tagger.bin.gz', import.meta.url));

/** A loaded model: the parser's weights and transitions, the size of its feature table, and the tagger. */
export interface ParserModel {
  weights: SparseWeights;
  transitions: Transitions;
  rowMask: number;
  tagger: { weights: SparseWeights; tags: string[] };
}

let shipped: ParserModel | null = null;

export function loadModel(path: string = MODEL_PATH, taggerPath: string = TAGGER_PATH): ParserModel {
  const weights = SparseWeights.read(readFileSync(path));
  const h = weights.header;
  return {
    weights,
    transitions: new Transitions(h.labels, h.leftLabels, h.rightLabels),
    rowMask: (1 << h.rowBits) - 1,
    tagger: readTagger(readFileSync(taggerPath)),
  };
}

/** The shipped model, read on first use and kept. */
export function parserModel(): ParserModel {
  shipped ??= loadModel();
  return shipped;
}

/**
 * Parses one sentence. `words` are its tokens, `tags` their universal POS tags (wink's `its.pos`), same length.
 * Returns for each word the 0-based index of its head (-1 for the root) and its UD relation.
 */
export function parse(words: string[], tags: string[], model: ParserModel = parserModel()): Parse {
  if (words.length !== tags.length) throw new Error(`parse: ${words.length} words but ${tags.length} tags`);
  const xpos = tagWith(model.tagger.weights, model.tagger.tags, words, tags);
  return { ...parseWith(model.weights, model.transitions, model.rowMask, words, xpos, tags), xpos };
}

/** Parses words tagged by wink-nlp here (for callers that have tokens but no tags; wink is loaded on first use). */
export function parseWords(words: string[], model: ParserModel = parserModel()): Parse {
  return parse(words, winkTags(words), model);
}
