/** `readout analyze | events | event | export | relations | outlets`: the record of events in the database. */
import { existsSync, writeFileSync } from 'node:fs';
import { userContext } from './extract.ts';
import { analyseStore, linkStore, relinkStore } from '../link/pipeline.ts';
import { outletProfiles, relationsIndex } from '../link/relations.ts';
import { EXPORT_FORMATS, exportEvents, participants, type ExportFormat } from '../link/export.ts';
import type { LinkedEvent } from '../model/linked.ts';
import { EventStore, type EventFilter } from '../store/events.ts';
import { SqliteStore } from '../store/sqlite.ts';

function open(db: string): SqliteStore | null {
  if (!existsSync(db)) {
    process.stderr.write(`readout: no database at ${db}; run \`readout ingest <paths>\` first\n`);
    return null;
  }
  return new SqliteStore(db);
}

const who = participants;
/** One event on one line, as `readout events` and `npm start` list them. */
export function eventLine(e: LinkedEvent): string {
  return `${when(e).padEnd(22)} ${e.event.padEnd(9)} ${(e.mode ?? '').padEnd(6)} ${e.status.padEnd(12)} ${who(e.actor)} → ${who(e.recipient)}`;
}

const when = (e: LinkedEvent) => (e.date.earliest ? (e.date.earliest === e.date.latest ? e.date.earliest : `${e.date.earliest}..${e.date.latest}`) : 'undated');

export async function analyzeCommand(flags: { db: string; relink?: boolean }): Promise<number> {
  const store = open(flags.db);
  if (!store) return 2;
  try {
    const ctx = userContext(flags.db);
    const a = analyseStore(store, ctx, (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\ranalysing ${done}/${total}`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const l = flags.relink ? relinkStore(store, ctx) : linkStore(store, ctx);
    process.stdout.write(`${a.analysed} documents analysed (${a.events} events); ${l.mentions} event mentions linked, ${l.changed} events formed or updated (${l.seconds.toFixed(2)} s); ${l.events} events, ${l.shared} reported by several documents\n`);
    return 0;
  } finally {
    store.close();
  }
}

export function filterOf(o: Record<string, string | undefined>): EventFilter {
  const pair = o.pair?.toUpperCase().split(/[,\s/-]+/).filter(Boolean);
  return {
    ...(pair && pair.length === 2 ? { pair: [pair[0]!, pair[1]!] as [string, string] } : {}),
    ...(pair && pair.length === 1 ? { country: pair[0]! } : {}),
    actor: o.actor, type: o.type, status: o.status, from: o.from, to: o.to, text: o.text,
    limit: o.limit ? Number(o.limit) : 50,
  };
}

export async function eventsCommand(flags: { db: string; json?: boolean } & Record<string, string | undefined>): Promise<number> {
  const store = open(flags.db);
  if (!store) return 2;
  try {
    const list = new EventStore(store).linkedEvents(filterOf(flags));
    if (flags.json) {
      process.stdout.write(JSON.stringify(list.map(({ accounts: _a, ...e }) => e), null, 2) + '\n');
      return 0;
    }
    for (const e of list) {
      process.stdout.write(`${e.id}  ${eventLine(e)}  [${counted(e.documents.length, 'doc')}${e.divergences.length ? `, ${counted(e.divergences.length, 'divergence')}` : ''}]\n`);
    }
    process.stderr.write(`${list.length} events\n`);
    return 0;
  } finally {
    store.close();
  }
}

/** "1 document", "3 documents". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export async function eventCommand(id: string, flags: { db: string; json?: boolean }): Promise<number> {
  const store = open(flags.db);
  if (!store) return 2;
  try {
    const e = new EventStore(store).linkedEvent(id);
    if (!e) {
      process.stderr.write(`readout event: no event ${id}; \`readout events\` lists them\n`);
      return 1;
    }
    if (flags.json) {
      process.stdout.write(JSON.stringify(e, null, 2) + '\n');
      return 0;
    }
    const out = process.stdout;
    out.write(`${e.event}${e.mode ? ` (${e.mode})` : ''} — ${who(e.actor)} → ${who(e.recipient)}\n`);
    out.write(`status ${e.status} · date ${when(e)}${e.date.basis ? ` (${e.date.basis})` : ''}${e.location ? ` · ${e.location}` : ''}\n`);
    if (e.topics.length) out.write(`topics: ${e.topics.join(', ')}\n`);
    out.write(`\n${counted(e.accounts.length, 'account')} in ${counted(e.documents.length, 'document')}:\n`);
    for (const a of e.accounts) {
      const doc = store.getDocument(a.document);
      out.write(`\n● ${a.side ? `${a.side} side${a.attributedTo ? ` (${a.attributedTo})` : ''}` : 'the outlet'} — ${doc?.outlet ?? 'unknown outlet'}: ${doc?.title ?? a.document}\n`);
      out.write(`  status ${a.status} · tone ${a.tone.toFixed(2)}${a.topics.length ? ` · topics ${a.topics.join(', ')}` : ''}${a.characterisations.length ? ` · words ${a.characterisations.slice(0, 6).map((c) => `"${c}"`).join(' ')}` : ''}\n`);
      for (const p of a.passages.slice(0, 4)) out.write(`  ▸ ${p.text.replace(/\s+/g, ' ').slice(0, 200)}\n`);
    }
    if (e.divergences.length) {
      out.write(`\nDivergences:\n`);
      for (const d of e.divergences.slice(0, 20)) {
        out.write(`  ≠ ${d.kind}: ${d.description}\n`);
        for (const p of d.evidence.slice(0, 2)) out.write(`      "${p.text.replace(/\s+/g, ' ').slice(0, 160)}"\n`);
      }
    }
    return 0;
  } finally {
    store.close();
  }
}

export async function exportCommand(flags: { db: string; format: string; out?: string } & Record<string, string | undefined>): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format)) {
    process.stderr.write(`readout export: --format must be jsonl, plover or csv\n`);
    return 2;
  }
  const store = open(flags.db);
  if (!store) return 2;
  try {
    const list = new EventStore(store).linkedEvents({ ...filterOf(flags), limit: flags.limit ? Number(flags.limit) : 1e9 });
    const body = exportEvents(list, flags.format as ExportFormat);
    if (flags.out) writeFileSync(flags.out, body);
    else process.stdout.write(body);
    process.stderr.write(`${list.length} events exported${flags.out ? ` to ${flags.out}` : ''}\n`);
    return 0;
  } finally {
    store.close();
  }
}

export async function relationsCommand(pair: string, flags: { db: string; json?: boolean }): Promise<number> {
  const [a, b] = pair.toUpperCase().split(/[,\s/-]+/);
  if (!a || !b) {
    process.stderr.write('readout relations: give a pair of ISO3 codes, e.g. USA,RUS\n');
    return 2;
  }
  const store = open(flags.db);
  if (!store) return 2;
  try {
    const points = relationsIndex(new EventStore(store).linkedEvents({ pair: [a, b], limit: 1e9 }), a, b);
    if (flags.json) process.stdout.write(JSON.stringify(points, null, 2) + '\n');
    else for (const p of points) process.stdout.write(`${p.month}  ${String(p.events).padStart(4)} events  index ${p.index.toFixed(2).padStart(6)}  (+${p.cooperation.toFixed(1)} / ${p.conflict.toFixed(1)})\n`);
    return 0;
  } finally {
    store.close();
  }
}

export async function outletsCommand(flags: { db: string; json?: boolean }): Promise<number> {
  const store = open(flags.db);
  if (!store) return 2;
  try {
    const events = new EventStore(store);
    const profiles = outletProfiles(events.analyses());
    if (flags.json) process.stdout.write(JSON.stringify(profiles, null, 2) + '\n');
    else for (const p of profiles) process.stdout.write(`${p.outlet.slice(0, 34).padEnd(34)} ${String(p.documents).padStart(4)} docs  loaded ${(p.loaded * 100).toFixed(0).padStart(3)}%  attributed ${(p.attributed * 100).toFixed(0).padStart(3)}%  ${p.events} events\n`);
    return 0;
  } finally {
    store.close();
  }
}
