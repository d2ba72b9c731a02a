/** `readout ingest`: inputs into the database, with progress on a terminal and a summary at the end. */
import { ingest, type IngestProgress, type IngestSummary } from '../ingest/ingest.ts';
import { parseFieldMap } from '../ingest/prepare.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { totalInputBytes } from './inputs.ts';
import { progressReporter } from './progress.ts';
import { userContext } from './extract.ts';
import { analyseStore, linkStore } from '../link/pipeline.ts';

export interface IngestFlags {
  db: string;
  map: string[];
  maxSize: string;
  strict?: boolean;
  json?: boolean;
  /** commander's --no-analyze */
  analyze?: boolean;
  /** progress as JSON lines on stdout, for a program driving the import (the web UI's import page) */
  progressJson?: boolean;
}

/** One line of `--progress-json`. */
export type ImportProgress =
  | ({ phase: 'ingest'; totalBytes: number | null } & IngestProgress)
  | { phase: 'analyse'; done: number; total: number }
  | { phase: 'link' }
  | { phase: 'done'; items: number; ingested: number; duplicates: number; errors: number; analysed: number; events: number; errorList: Array<{ source: string; code: string; message: string }>; stopped: boolean };

function jsonProgress(totalBytes: number | null) {
  let last = 0;
  const emit = (p: ImportProgress) => process.stdout.write(JSON.stringify(p) + '\n');
  return {
    emit,
    update(p: IngestProgress) {
      // at most ten lines a second: the reader wants a bar, not a log
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      emit({ phase: 'ingest', totalBytes, ...p });
    },
    stop() {},
  };
}

export function maxBytesOf(flag: string): number {
  const mb = Number(flag);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`--max-size ${flag}: expected a number of megabytes`);
  return Math.round(mb * 1048576);
}

export async function ingestCommand(paths: string[], flags: IngestFlags): Promise<number> {
  const fieldMap = parseFieldMap(flags.map);
  const store = new SqliteStore(flags.db);
  let stopping = false;
  const onSignal = () => {
    // finish the current item, commit the batch, then stop; a second signal kills at once
    if (stopping) process.exit(130);
    stopping = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const totalBytes = await totalInputBytes(paths);
  const json = flags.progressJson ? jsonProgress(totalBytes) : null;
  const progress = json ?? progressReporter('ingesting', totalBytes);
  let summary: IngestSummary;
  try {
    summary = await ingest(paths, store, {
      fieldMap,
      maxBytes: maxBytesOf(flags.maxSize),
      onProgress: (p) => progress.update(p),
      shouldStop: () => stopping,
    });
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  let analysed = '';
  let counts = { analysed: 0, events: 0 };
  try {
    if (flags.analyze !== false && !summary.stopped) {
      const ctx = userContext(flags.db);
      const a = analyseStore(store, ctx, json ? (done, total) => json.emit({ phase: 'analyse', done, total }) : undefined);
      json?.emit({ phase: 'link' });
      const l = linkStore(store, ctx);
      counts = { analysed: a.analysed, events: l.events };
      analysed = `; ${a.analysed} analysed, ${l.events} events (${l.shared} in several documents)`;
    }
  } finally {
    store.close();
  }
  if (json) {
    json.emit({ phase: 'done', items: summary.items, ingested: summary.ingested, duplicates: summary.duplicates, errors: summary.errors, ...counts, errorList: summary.errorList, stopped: summary.stopped });
  } else if (flags.json) {
    const { documents: _d, ...rest } = summary;
    process.stdout.write(JSON.stringify(rest, null, 2) + '\n');
  } else {
    for (const e of summary.errorList) process.stderr.write(`error ${e.code}: ${e.source}: ${e.message}\n`);
    process.stdout.write(summaryLine(summary) + analysed + ` → ${flags.db}\n`);
  }
  if (summary.stopped) return 130;
  return flags.strict && summary.errors > 0 ? 1 : 0;
}

export function summaryLine(s: IngestSummary): string {
  const extras = [
    s.unchanged ? `${s.unchanged} already ingested` : '',
    s.nonEnglish ? `${s.nonEnglish} not in English (stored, not analysed)` : '',
    s.stopped ? 'stopped early: run again to resume' : '',
  ].filter(Boolean);
  return `${s.ingested} ingested, ${s.duplicates} duplicates, ${s.errors} errors${extras.length ? ` (${extras.join('; ')})` : ''}`;
}
