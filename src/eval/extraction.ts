/**
 * Main-text extraction against the article-extraction benchmark (181 real pages with their true article body):
 * bag-of-words precision, recall and F1 per page — lower-cased word tokens counted as a multiset — averaged
 * over pages. The same measure is applied to the other extractors' outputs shipped in anchors/, so Readout's
 * figure is read beside theirs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { prepare } from '../ingest/prepare.ts';
import { DEFAULT_MAX_BYTES } from '../ingest/sources.ts';
import { f1, mean, sharedPath, type Score } from './shared.ts';

export const EXTRACTION_DIR = ['eval', 'article-extraction'];

export interface ExtractionReport {
  pages: number;
  readout: Score;
  anchors: Record<string, Score>;
  /** pages where Readout scored worst, for whoever improves it */
  worst: Array<{ id: string; url: string; precision: number; recall: number; f1: number }>;
  failures: number;
}

type Truth = Record<string, { articleBody: string; url: string }>;

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of text.toLowerCase().match(/[\p{L}\p{N}\p{M}_]+/gu) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

export function bagScore(truth: string, predicted: string): Score {
  const g = bag(truth);
  const p = bag(predicted);
  let inter = 0;
  let gn = 0;
  let pn = 0;
  for (const [t, n] of g) {
    gn += n;
    inter += Math.min(n, p.get(t) ?? 0);
  }
  for (const n of p.values()) pn += n;
  const precision = pn ? inter / pn : 0;
  const recall = gn ? inter / gn : 0;
  return { precision, recall, f1: f1(precision, recall) };
}

function average(scores: Score[]): Score {
  return { precision: mean(scores.map((s) => s.precision)), recall: mean(scores.map((s) => s.recall)), f1: mean(scores.map((s) => s.f1)) };
}

export function readoutBody(html: Buffer, source: string): string {
  const { document } = prepare({ kind: 'file', source, format: 'html', bytes: html }, { maxBytes: DEFAULT_MAX_BYTES });
  return document.text;
}

export function evaluateExtraction(shared: string): ExtractionReport {
  const dir = sharedPath(shared, ...EXTRACTION_DIR);
  const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, 'utf8')) as Truth;
  const ids = Object.keys(truth).sort();
  const perPage: Array<{ id: string; score: Score }> = [];
  let failures = 0;
  for (const id of ids) {
    let text = '';
    try {
      text = readoutBody(gunzipSync(readFileSync(`${dir}/html/${id}.html.gz`)), id);
    } catch {
      failures++;
    }
    perPage.push({ id, score: bagScore(truth[id]!.articleBody, text) });
  }
  const anchors: Record<string, Score> = {};
  for (const file of readdirSync(`${dir}/anchors`).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(`${dir}/anchors/${file}`, 'utf8')) as { output?: Truth } & Truth;
    const out = (data.output ?? data) as Truth;
    anchors[file.replace(/\.json$/, '')] = average(ids.map((id) => bagScore(truth[id]!.articleBody, out[id]?.articleBody ?? '')));
  }
  const worst = [...perPage]
    .sort((a, b) => a.score.f1 - b.score.f1)
    .slice(0, 10)
    .map((p) => ({ id: p.id, url: truth[p.id]!.url, ...p.score }));
  return { pages: ids.length, readout: average(perPage.map((p) => p.score)), anchors, worst, failures };
}
