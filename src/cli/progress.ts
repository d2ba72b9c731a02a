/**
 * Progress on long runs: a bar on a terminal, nothing in pipes or CI logs (the summary line says it all).
 */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../ingest/ingest.ts';

export interface ProgressReporter {
  update(p: IngestProgress): void;
  stop(): void;
}

export function progressReporter(label: string, totalBytes: number | null, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY || process.env.CI) return { update() {}, stop() {} };
  const withTotal = !!totalBytes && totalBytes > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: withTotal
        ? `${label} {bar} {percentage}% | {items} items · {ingested} new · {duplicates} dup · {errors} err | {eta_formatted}`
        : `${label} {items} items · {ingested} new · {duplicates} dup · {errors} err`,
      hideCursor: true,
      clearOnComplete: true,
      fps: 8,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(withTotal ? totalBytes : 1, 0, { items: 0, ingested: 0, duplicates: 0, errors: 0 });
  return {
    update(p) {
      bar.update(withTotal ? Math.min(p.bytes, totalBytes!) : 0, { items: p.items, ingested: p.ingested, duplicates: p.duplicates, errors: p.errors });
    },
    stop() {
      bar.stop();
    },
  };
}
