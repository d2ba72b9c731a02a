/**
 * `npm run bench`: throughput and peak memory of ingestion on the shared 5k sample, into a fresh database.
 * Figures are printed, never asserted: speed is measured here, not in tests.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../ingest/ingest.ts';
import { missingShared, sharedPath } from '../eval/shared.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { analyze, defaultContext } from '../analyze/analyze.ts';
import { linkEvents, mentionsOf } from '../link/link.ts';
import type { EventMention } from '../model/linked.ts';
import { EventStore } from '../store/events.ts';
import { relinkStore } from '../link/pipeline.ts';
import { loadTest } from './load.ts';

export const SAMPLE_5K = ['corpus', 'allsides-sample-5k.jsonl.gz'];

class PeakRss {
  peak = process.memoryUsage().rss;
  private timer = setInterval(() => this.sample(), 50);
  sample() {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  stop() {
    this.sample();
    clearInterval(this.timer);
    return this.peak;
  }
}

export async function benchCommand(flags: { shared: string; limit?: string; load?: boolean; workers?: string }): Promise<number> {
  const missing = missingShared(flags.shared, ...SAMPLE_5K);
  if (missing) {
    process.stderr.write(`bench: ${missing}\n`);
    return 2;
  }
  const input = sharedPath(flags.shared, ...SAMPLE_5K);
  const dir = mkdtempSync(join(tmpdir(), 'readout-bench-'));
  const dbPath = join(dir, 'bench.db');
  const store = new SqliteStore(dbPath);
  const rss = new PeakRss();
  const limit = flags.limit ? Number(flags.limit) : Infinity;
  let n = 0;
  const t0 = process.hrtime.bigint();
  const summary = await ingest([input], store, { shouldStop: () => ++n > limit });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const ingestPeak = rss.stop();

  // Analysis: every stored English document, as `extract` would analyse it.
  const ctxStart = process.hrtime.bigint();
  const ctx = defaultContext();
  const contextSeconds = Number(process.hrtime.bigint() - ctxStart) / 1e9;
  const rss2 = new PeakRss();
  let docs = 0;
  let tokens = 0;
  let mentions = 0;
  let times = 0;
  let quotes = 0;
  let events = 0;
  const allMentions: EventMention[] = [];
  const eventStore = new EventStore(store);
  const t1 = process.hrtime.bigint();
  const ids = store.documentIds();
  // analyses are stored as `readout ingest` stores them (one transaction per 100), for the API load below
  for (let i = 0; i < ids.length; i += 100) {
    store.transaction(() => {
      for (const id of ids.slice(i, i + 100)) {
        const doc = store.getDocument(id)!;
        if (doc.duplicateOf) continue;
        const a = analyze(doc, ctx);
        eventStore.putAnalysis(a);
        docs++;
        tokens += a.tokens.length;
        mentions += a.mentions.length;
        times += a.times.length;
        quotes += a.quotes.length;
        events += a.events.length;
        allMentions.push(...mentionsOf(a));
      }
    });
  }
  const analysisSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  const t2 = process.hrtime.bigint();
  const linked = linkEvents(allMentions);
  const linkSeconds = Number(process.hrtime.bigint() - t2) / 1e9;
  const peak = Math.max(ingestPeak, rss2.stop());
  const stored = relinkStore(store, ctx);
  const searchWords = ['Putin', 'sanctions', 'Helsinki summit', 'Lavrov Tillerson', 'election interference', 'NATO', 'Ukraine ceasefire', 'Syria chemical weapons'];
  store.close();
  const workers = Number(flags.workers ?? 2);
  const load = flags.load === false ? [] : await loadTest(dbPath, { connections: 50, seconds: 10, workers, searchWords });
  const dbSize = statSync(dbPath).size;
  rmSync(dir, { recursive: true, force: true });
  const mb = summary.bytes / 1048576;
  process.stdout.write(
    [
      `Ingest benchmark — ${input}`,
      `  items        ${summary.items} (${summary.ingested} ingested, ${summary.duplicates} duplicates, ${summary.errors} errors)`,
      `  time         ${seconds.toFixed(2)} s`,
      `  documents/s  ${(summary.items / seconds).toFixed(1)}`,
      `  MB/s         ${(mb / seconds).toFixed(2)} (of ${mb.toFixed(1)} MB uncompressed text)`,
      `  peak RSS     ${(ingestPeak / 1048576).toFixed(0)} MB`,
      `  database     ${(dbSize / 1048576).toFixed(1)} MB`,
      '',
      `Analysis benchmark — sentences, tokens, mentions, times, quotes and events of the ${docs} stored documents`,
      `  knowledge base + gazetteer load  ${contextSeconds.toFixed(2)} s`,
      `  time         ${analysisSeconds.toFixed(2)} s`,
      `  documents/s  ${(docs / analysisSeconds).toFixed(1)}`,
      `  tokens/s     ${(tokens / analysisSeconds).toFixed(0)} (${tokens} tokens)`,
      `  found        ${mentions} mentions, ${times} time expressions, ${quotes} quotes, ${events} events`,
      `  peak RSS     ${(peak / 1048576).toFixed(0)} MB (whole run)`,
      '',
      `End to end (ingest + analysis, as \`readout extract\` does)`,
      `  documents/s  ${(docs / (seconds + analysisSeconds)).toFixed(1)}`,
      '',
      `Linking — ${allMentions.length} event mentions`,
      `  time         ${linkSeconds.toFixed(2)} s → ${linked.length} events, ${linked.filter((e) => e.documents.length > 1).length} reported by several documents`,
      `  with accounts and divergences, stored: ${stored.seconds.toFixed(2)} s`,
      '',
      ...(load.length
        ? [
            `API under load — readout serve --workers ${workers} on loopback, 50 connections for 10 s each, ${stored.events} events and ${summary.ingested} documents in the database`,
            `  ${'endpoint'.padEnd(36)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)}`,
            ...load.map((r) => `  ${r.name.padEnd(36)} ${r.perSecond.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.errors + r.non2xx).padStart(7)}`),
            '',
          ]
        : []),
    ].join('\n'),
  );
  return 0;
}
