/**
 * `npm start`: the workbench on a fresh machine. Builds the web UI if needed, ingests the bundled sample
 * corpus when the database is empty (analysing and linking it), prints what was found, and serves the UI.
 */
import { fileURLToPath } from 'node:url';
import { ingest } from '../ingest/ingest.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { summaryLine } from './ingest.ts';
import { eventLine } from './events.ts';
import { userContext } from './extract.ts';
import { analyseStore, linkStore } from '../link/pipeline.ts';
import { EventStore } from '../store/events.ts';
import { serveUntilStopped, startServer } from './serve.ts';

export const SAMPLES = fileURLToPath(new URL('../../samples/corpus/', import.meta.url));

async function ingestSamples(db: string): Promise<void> {
  const store = new SqliteStore(db);
  try {
    if (store.counts().documents > 0) {
      const c = store.counts();
      process.stdout.write(`Readout — ${db}: ${c.documents} documents already (the sample corpus is ingested into an empty database only)\n`);
      return;
    }
    const summary = await ingest([SAMPLES], store, { collect: true });
    process.stdout.write(`Readout — sample corpus (${SAMPLES})\n\n`);
    for (const d of summary.documents) {
      const when = d.published.earliest
        ? d.published.earliest === d.published.latest ? d.published.earliest : `${d.published.earliest}..${d.published.latest}`
        : 'date unknown';
      process.stdout.write(`• ${d.title ?? '(untitled)'}\n  ${d.outlet ?? 'outlet unknown'} · ${when}${d.published.basis ? ` (${d.published.basis})` : ''}\n`);
      if (d.duplicateOf) process.stdout.write(`  near duplicate of ${d.duplicateOf}\n`);
    }
    for (const e of summary.errorList) process.stdout.write(`! ${e.code}: ${e.source}: ${e.message}\n`);
    const ctx = userContext(db);
    analyseStore(store, ctx);
    const l = linkStore(store, ctx);
    const events = new EventStore(store).linkedEvents({ limit: 8 });
    process.stdout.write(`\nEvents (${l.events}; ${l.shared} reported by several documents), latest first:\n`);
    for (const e of events) process.stdout.write(`  ${eventLine(e)}\n`);
    process.stdout.write(`\n${summaryLine(summary)} → ${db}\n`);
  } finally {
    store.close();
  }
}

export async function startCommand(flags: { db: string; host: string; port: string; serve?: boolean }): Promise<number> {
  await ingestSamples(flags.db);
  if (flags.serve === false) return 0;
  try {
    const running = await startServer({ db: flags.db, host: flags.host, port: flags.port }, (l) => process.stdout.write(`${l}\n`));
    process.stdout.write(`\nReadout workbench: ${running.url}\n(Ctrl-C to stop; \`npx readout ingest <files>\` or the Import page adds articles)\n`);
    await serveUntilStopped(running);
    return 0;
  } catch (err) {
    process.stderr.write(`readout start: ${(err as Error).message}\n`);
    return 1;
  }
}
