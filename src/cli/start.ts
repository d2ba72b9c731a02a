/** `npm start`: ingest the bundled sample corpus and show what Readout found in it. */
import { fileURLToPath } from 'node:url';
import { ingest } from '../ingest/ingest.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { summaryLine } from './ingest.ts';
import { eventLine } from './events.ts';
import { defaultContext } from '../analyze/analyze.ts';
import { analyseStore, linkStore } from '../link/pipeline.ts';
import { EventStore } from '../store/events.ts';

export const SAMPLES = fileURLToPath(new URL('../../samples/corpus/', import.meta.url));

export async function startCommand(flags: { db: string }): Promise<number> {
  const store = new SqliteStore(flags.db);
  try {
    const summary = await ingest([SAMPLES], store, { collect: true });
    process.stdout.write(`Readout — sample corpus (${SAMPLES})\n\n`);
    for (const d of summary.documents) {
      const when = d.published.earliest
        ? d.published.earliest === d.published.latest ? d.published.earliest : `${d.published.earliest}..${d.published.latest}`
        : 'date unknown';
      process.stdout.write(`• ${d.title ?? '(untitled)'}\n  ${d.outlet ?? 'outlet unknown'} · ${when}${d.published.basis ? ` (${d.published.basis})` : ''}\n`);
      process.stdout.write(`  ${d.source} · ${d.text.length} characters · language ${d.language ?? '?'}${d.author ? ` · by ${d.author}` : ''}\n`);
      if (d.sections.length > 1) {
        process.stdout.write(`  sections: ${d.sections.map((s) => `${s.kind}${s.published.earliest ? ` (${s.published.earliest})` : ''}`).join(', ')}\n`);
      }
      if (d.duplicateOf) process.stdout.write(`  near duplicate of ${d.duplicateOf}\n`);
    }
    for (const e of summary.errorList) process.stdout.write(`! ${e.code}: ${e.source}: ${e.message}\n`);
    const ctx = defaultContext();
    analyseStore(store, ctx);
    const l = linkStore(store, ctx);
    const events = new EventStore(store).linkedEvents({ limit: 12 });
    process.stdout.write(`\nEvents (${l.events}; ${l.shared} reported by several documents), latest first:\n`);
    for (const e of events) process.stdout.write(`  ${eventLine(e)}\n`);
    process.stdout.write(`\n${summaryLine(summary)} → ${flags.db}\nNext: npx readout events --pair USA,RUS · npx readout event <id>\n`);
    return 0;
  } finally {
    store.close();
  }
}
