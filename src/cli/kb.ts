/** `readout kb import <csv>` and `readout kb who <country> <role> <day>`: the knowledge base from the command line. */
import { existsSync } from 'node:fs';
import { defaultKnowledgeBase, type RoleKey } from '../kb/knowledge-base.ts';
import { addImported, readPositionsCsv } from '../kb/import.ts';
import { SqliteStore } from '../store/sqlite.ts';

export async function kbImportCommand(files: string[], flags: { db: string }): Promise<number> {
  const kb = defaultKnowledgeBase();
  const store = new SqliteStore(flags.db);
  let failed = 0;
  try {
    for (const file of files) {
      if (!existsSync(file)) {
        process.stderr.write(`readout kb import: ${file}: no such file\n`);
        failed++;
        continue;
      }
      try {
        const { rows, skipped } = readPositionsCsv(file, kb);
        const changed = store.putPositions(rows);
        const roles = new Map<string, number>();
        for (const r of rows) roles.set(r.role, (roles.get(r.role) ?? 0) + 1);
        process.stdout.write(`${file}: ${rows.length} positions read (${changed} new or changed) → ${flags.db}\n`);
        process.stdout.write(`  by role: ${[...roles].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
        for (const s of skipped.slice(0, 10)) process.stderr.write(`  skipped${s.line ? ` line ${s.line}` : ''}: ${s.reason}\n`);
        if (skipped.length > 10) process.stderr.write(`  … and ${skipped.length - 10} more skipped\n`);
      } catch (err) {
        process.stderr.write(`readout kb import: ${file}: ${(err as Error).message}\n`);
        failed++;
      }
    }
  } finally {
    store.close();
  }
  return failed ? 1 : 0;
}

export async function kbWhoCommand(country: string, role: string, day: string, flags: { db: string }): Promise<number> {
  const kb = defaultKnowledgeBase();
  if (existsSync(flags.db)) {
    const store = new SqliteStore(flags.db);
    addImported(kb, store.importedPositions());
    store.close();
  }
  const code = kb.countryByName.get(country.toLowerCase()) ?? country.toUpperCase();
  const found = kb.holders(code, role as RoleKey, { earliest: day, latest: day });
  if (!found.length) {
    process.stdout.write(`no ${role} of ${code} known on ${day}\n`);
    return 1;
  }
  for (const h of found) process.stdout.write(`${h.person.name} (${h.person.id}) — ${h.position.title}, ${h.position.from}..${h.position.to ?? 'now'}\n`);
  return 0;
}
