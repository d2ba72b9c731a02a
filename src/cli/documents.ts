/** `readout documents`: what the database holds, a full-text search over it, or its ingestion errors. */
import { existsSync } from 'node:fs';
import { SqliteStore } from '../store/sqlite.ts';

export async function documentsCommand(flags: { db: string; query?: string; limit: string; errors?: boolean }): Promise<number> {
  if (!existsSync(flags.db)) {
    process.stderr.write(`readout: no database at ${flags.db}; run \`readout ingest <paths>\` first\n`);
    return 2;
  }
  const store = new SqliteStore(flags.db);
  try {
    if (flags.errors) {
      for (const e of store.errors()) process.stdout.write(`${e.code}\t${e.source}\t${e.message}\n`);
      return 0;
    }
    const limit = Math.max(1, Number(flags.limit) || 20);
    const rows = flags.query ? store.search(flags.query, { limit }) : store.listDocuments({ limit });
    for (const r of rows) {
      const line = [r.id, r.published ?? '????-??-??', r.outlet ?? '-', r.title ?? '(untitled)', r.duplicateOf ? `duplicate of ${r.duplicateOf}` : ''];
      process.stdout.write(line.filter(Boolean).join('\t') + '\n');
      if ('snippet' in r) process.stdout.write(`\t${String(r.snippet).replace(/\s+/g, ' ')}\n`);
    }
    const c = store.counts();
    process.stderr.write(`${c.documents} documents (${c.duplicates} near duplicates, ${c.nonEnglish} not in English), ${c.errors} errors\n`);
    return 0;
  } finally {
    store.close();
  }
}
