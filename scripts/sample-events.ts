/**
 * Draws random events from a JSONL corpus for reading by eye: the check issue 4 asks for ("the output is plausible
 * when read"). Every article is analysed; N events are drawn with a fixed-seed generator, so a reviewer who runs the
 * same seed on the same code reads the same events.
 *
 *   npm run sample:events -- [--seed 11235] [--n 20] [--corpus ../shared/corpus/allsides-russia.jsonl]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { prepare } from '../src/ingest/prepare.ts';
import { analyze } from '../src/analyze/analyze.ts';
import type { EventRecord } from '../src/model/annotations.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '11235' },
    n: { type: 'string', default: '20' },
    corpus: { type: 'string', default: '../shared/corpus/allsides-russia.jsonl' },
  },
});
const seed0 = Number(values.seed);
const count = Number(values.n);
if (!Number.isInteger(seed0) || !Number.isInteger(count) || count < 1) {
  console.error('sample:events: --seed and --n must be whole numbers, --n at least 1');
  process.exit(2);
}
if (!existsSync(values.corpus)) {
  console.error(`sample:events: ${values.corpus} is not there (the shared corpora live outside the repository); nothing to sample`);
  process.exit(2);
}

const lines = readFileSync(values.corpus, 'utf8').split('\n').filter(Boolean);
const all: Array<{ doc: number; outlet: string | null; event: EventRecord }> = [];
lines.forEach((line, doc) => {
  const { document } = prepare({ kind: 'record', source: `${values.corpus}#${doc + 1}`, record: JSON.parse(line), raw: line }, { maxBytes: 1e7 });
  for (const event of analyze(document).events) all.push({ doc, outlet: document.outlet, event });
});
if (all.length < count) {
  console.error(`sample:events: the corpus has ${all.length} events, fewer than ${count}`);
  process.exit(2);
}

// a linear congruential generator: the same seed draws the same events on every machine
let seed = seed0;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const picked = new Set<number>();
while (picked.size < count) picked.add(Math.floor(next() * all.length));

const names = (xs: EventRecord['actor']) => xs.map((a) => `${a.name}/${a.country}`).join('+') || '—';
let k = 0;
for (const i of picked) {
  const { doc, outlet, event: e } = all[i]!;
  const status = `${e.status}${e.negated ? ' (negated)' : ''}`;
  console.log(`${++k}. [line ${doc + 1}, ${outlet}] ${e.event}${e.mode ? `/${e.mode}` : ''} ${status} · ${names(e.actor)} → ${names(e.recipient)} · ${e.date.earliest ?? 'undated'}${e.topics.length ? ` · ${e.topics.join(', ')}` : ''}`);
  console.log(`   “${e.evidence[0]!.text.replace(/\s+/g, ' ').slice(0, 420)}”`);
}
console.log(`(${count} of ${all.length} events from ${lines.length} articles, seed ${seed0})`);
