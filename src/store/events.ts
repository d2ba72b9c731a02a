/**
 * Analyses, event mentions and linked events in SQLite. Kept apart from sqlite.ts, which owns documents:
 * this is the record of events the UI, the CLI and exports read.
 */
import type { Analysis } from '../model/annotations.ts';
import type { EventMention, LinkedEvent } from '../model/linked.ts';
import type { SqliteStore } from './sqlite.ts';
import { mentionsOf } from '../link/link.ts';

/** Bump when analysis output changes: documents analysed by an older version are analysed again. */
export const ANALYSIS_VERSION = 1;

export type StoredAnalysis = Omit<Analysis, 'tokens'>;

export interface EventFilter {
  pair?: [string, string];
  country?: string;
  actor?: string;
  type?: string;
  status?: string;
  from?: string;
  to?: string;
  text?: string;
  /** reported by this outlet (exact name, as documents carry it) */
  outlet?: string;
  limit?: number;
  offset?: number;
}

export interface QuoteFilter {
  speaker?: string;
  country?: string;
  document?: string;
  text?: string;
  limit?: number;
  offset?: number;
}

export interface QuoteRow {
  id: string;
  document: string;
  kind: string;
  speaker: string | null;
  speakerCountry: string | null;
  start: number;
  end: number;
  text: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

/** An event as lists show it: its accounts, divergences and mentions counted, the outlets named. */
export type EventSummary = Omit<LinkedEvent, 'accounts' | 'divergences' | 'mentions'> & { accounts: number; divergences: number; mentions: number; outlets: string[] };

export function eventSummary({ accounts, divergences, mentions, ...e }: LinkedEvent): EventSummary {
  return { ...e, accounts: accounts.length, divergences: divergences.length, mentions: mentions.length, outlets: [...new Set(accounts.map((a) => a.outlet).filter((o): o is string => !!o))] };
}

const pad = (codes: Iterable<string | null>) => ` ${[...new Set([...codes].filter(Boolean))].sort().join(' ')} `;

export class EventStore {
  constructor(private readonly store: SqliteStore) {}

  private get db() {
    return this.store.db;
  }

  /** English documents, not near duplicates, not analysed by this version yet. */
  documentsToAnalyse(): string[] {
    return this.db
      .prepare(
        `SELECT d.id FROM documents d LEFT JOIN analyses a ON a.document_id = d.id
         WHERE d.duplicate_of IS NULL AND (d.language IS NULL OR d.language = 'en') AND (a.version IS NULL OR a.version < ?)
         ORDER BY d.rowid`,
      )
      .pluck()
      .all(ANALYSIS_VERSION) as string[];
  }

  putAnalysis(a: Analysis): void {
    const { tokens: _t, ...rest } = a;
    const doc = a.document;
    this.db.prepare('INSERT OR REPLACE INTO analyses (document_id, version, analysis, analysed_at) VALUES (?, ?, ?, ?)').run(doc.id, ANALYSIS_VERSION, JSON.stringify({ ...rest, document: { id: doc.id } }), new Date().toISOString());
    this.unlinkDocument(doc.id);
    this.db.prepare('DELETE FROM event_mentions WHERE document_id = ?').run(doc.id);
    const insert = this.db.prepare('INSERT INTO event_mentions (id, document_id, event, status, date_earliest, date_latest, countries, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const m of mentionsOf(a)) {
      insert.run(m.id, doc.id, m.event, m.status, m.date.earliest, m.date.latest, pad([...m.actor, ...m.recipient].map((x) => x.country)), JSON.stringify(m));
    }
    this.db.prepare('DELETE FROM quotes WHERE document_id = ?').run(doc.id);
    const quote = this.db.prepare('INSERT OR REPLACE INTO quotes (id, document_id, kind, speaker, speaker_country, start, end, text, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const q of a.quotes) {
      quote.run(q.id, doc.id, q.kind, q.speaker?.name ?? q.speaker?.text ?? null, q.speaker?.country ?? null, q.content.start, q.content.end, doc.text.slice(q.content.start, q.content.end), doc.published.earliest);
    }
  }

  /** Quotations, newest documents first; `speaker` matches the canonical name or the words naming the speaker. */
  quotes(f: QuoteFilter = {}): QuoteRow[] {
    const { sql: where, args } = conditions([
      when(f.speaker, 'q.speaker LIKE ?', (v) => [`%${v}%`]),
      when(f.country, 'q.speaker_country = ?'),
      when(f.document, 'q.document_id = ?'),
      when(f.text, 'q.text LIKE ?', (v) => [`%${v}%`]),
    ]);
    const sql = `SELECT q.id, q.document_id AS document, q.kind, q.speaker, q.speaker_country AS speakerCountry, q.start, q."end", q.text,
        d.title, d.outlet, d.published_earliest AS published
      FROM quotes q JOIN documents d ON d.id = q.document_id ${where}
      ORDER BY (q.published IS NULL), q.published DESC, q.document_id, q.start LIMIT ? OFFSET ?`;
    return this.db.prepare(sql).all(...args, f.limit ?? 50, f.offset ?? 0) as QuoteRow[];
  }

  /** Every stored analysis, its document attached (outlet profiles read them all). */
  *analyses(): Iterable<StoredAnalysis> {
    for (const id of this.db.prepare('SELECT document_id FROM analyses').pluck().all() as string[]) {
      const a = this.getAnalysis(id);
      if (a) yield a;
    }
  }

  /** What the record holds: analysed documents, linked events (and those several documents report), quotations. */
  recordCounts(): { analysed: number; events: number; shared: number; quotes: number } {
    const one = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    return { analysed: one('SELECT count(*) FROM analyses'), ...this.linkedEventCounts(), quotes: one('SELECT count(*) FROM quotes') };
  }

  /** The linked event each of a document's event records belongs to. */
  linksOfDocument(documentId: string): Array<{ mention: string; event: string }> {
    return this.db.prepare('SELECT l.mention_id AS mention, l.event_id AS event FROM event_links l JOIN event_mentions m ON m.id = l.mention_id WHERE m.document_id = ?').all(documentId) as Array<{ mention: string; event: string }>;
  }

  /** How many linked events each pair of states takes part in ("RUS,USA", codes in order). */
  pairCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const row of this.db.prepare('SELECT countries FROM linked_events').pluck().iterate() as Iterable<string>) {
      const cs = row.trim().split(' ').filter((x) => x.length === 3);
      for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++) counts.set(`${cs[i]},${cs[j]}`, (counts.get(`${cs[i]},${cs[j]}`) ?? 0) + 1);
    }
    return counts;
  }

  /** How many linked events name each participant (canonical names), most first. */
  participantCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const people of this.db.prepare('SELECT people FROM linked_events').pluck().iterate() as Iterable<string>) {
      for (const name of new Set(people.split(' | ').map((x) => x.trim()).filter(Boolean))) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return counts;
  }

  /** The analysis of a document, with its document re-attached. */
  getAnalysis(documentId: string): StoredAnalysis | null {
    const row = this.db.prepare('SELECT analysis FROM analyses WHERE document_id = ?').pluck().get(documentId) as string | undefined;
    const doc = this.store.getDocument(documentId);
    if (!row || !doc) return null;
    return { ...(JSON.parse(row) as StoredAnalysis), document: doc };
  }

  mentions(): EventMention[] {
    return (this.db.prepare('SELECT record FROM event_mentions ORDER BY id').pluck().all() as string[]).map((r) => JSON.parse(r) as EventMention);
  }

  replaceLinkedEvents(events: LinkedEvent[]): void {
    this.store.transaction(() => {
      this.db.exec('DELETE FROM linked_events; DELETE FROM event_links;');
      this.insertLinkedEvents(events);
    });
  }

  private insertLinkedEvents(events: LinkedEvent[]): void {
    const ins = this.db.prepare('INSERT OR REPLACE INTO linked_events (id, event, status, date_earliest, date_latest, countries, people, documents, record, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const link = this.db.prepare('INSERT OR REPLACE INTO event_links (mention_id, event_id) VALUES (?, ?)');
    for (const e of events) {
      const all = [...e.actor, ...e.recipient];
      ins.run(e.id, e.event, e.status, e.date.earliest, e.date.latest, pad(all.map((x) => x.country)), ` ${all.map((x) => x.name ?? '').join(' | ')} `, e.documents.length, JSON.stringify(e), JSON.stringify(eventSummary(e)));
      for (const m of e.mentions) link.run(m, e.id);
    }
  }

  // ── the link graph (incremental linking, src/link/pipeline.ts) ──────────────────────────────────────────

  /**
   * A document analysed again loses its mentions: their pairs and keys go, and every mention that shared a
   * linked event or a pair with them is left without an event, to be linked again.
   */
  private unlinkDocument(documentId: string): void {
    const old = this.db.prepare('SELECT id FROM event_mentions WHERE document_id = ?').pluck().all(documentId) as string[];
    if (!old.length) return;
    const events = new Set<string>();
    for (const id of old) {
      const ev = this.db.prepare('SELECT event_id FROM event_links WHERE mention_id = ?').pluck().get(id) as string | undefined;
      if (ev) events.add(ev);
      this.db.prepare('DELETE FROM link_edges WHERE a = ? OR b = ?').run(id, id);
      this.db.prepare('DELETE FROM link_keys WHERE mention_id = ?').run(id);
      this.db.prepare('DELETE FROM link_indexed WHERE mention_id = ?').run(id);
    }
    for (const ev of events) {
      this.db.prepare('DELETE FROM event_links WHERE event_id = ?').run(ev);
      this.db.prepare('DELETE FROM linked_events WHERE id = ?').run(ev);
    }
  }

  /** Mentions not filed in the link graph yet, by id. */
  unindexedMentions(): EventMention[] {
    return (this.db.prepare('SELECT m.record FROM event_mentions m LEFT JOIN link_indexed i ON i.mention_id = m.id WHERE i.mention_id IS NULL ORDER BY m.id').pluck().all() as string[]).map((r) => JSON.parse(r) as EventMention);
  }

  /** Mentions that belong to no linked event (new, or whose event a re-analysis dissolved). */
  unlinkedMentionIds(): string[] {
    return this.db.prepare('SELECT m.id FROM event_mentions m LEFT JOIN event_links l ON l.mention_id = m.id WHERE l.mention_id IS NULL ORDER BY m.id').pluck().all() as string[];
  }

  /** Ids of the mentions filed under any of these keys. */
  filedUnder(keys: string[]): string[] {
    const out = new Set<string>();
    const q = this.db.prepare('SELECT mention_id FROM link_keys WHERE key = ?').pluck();
    for (const k of new Set(keys)) for (const id of q.all(k) as string[]) out.add(id);
    return [...out].sort();
  }

  fileMention(id: string, keys: string[], pairs: Array<[string, string]>): void {
    const key = this.db.prepare('INSERT OR IGNORE INTO link_keys (key, mention_id) VALUES (?, ?)');
    for (const k of new Set(keys)) key.run(k, id);
    const edge = this.db.prepare('INSERT OR IGNORE INTO link_edges (a, b) VALUES (?, ?)');
    for (const [a, b] of pairs) edge.run(a < b ? a : b, a < b ? b : a);
    this.db.prepare('INSERT OR IGNORE INTO link_indexed (mention_id) VALUES (?)').run(id);
  }

  /** The mentions connected to these through pairs, and the pairs among them. */
  connected(seeds: string[]): { ids: string[]; edges: Array<[string, string]> } {
    const seen = new Set(seeds);
    const queue = [...seeds];
    const fromA = this.db.prepare('SELECT b FROM link_edges WHERE a = ?').pluck();
    const fromB = this.db.prepare('SELECT a FROM link_edges WHERE b = ?').pluck();
    const edges: Array<[string, string]> = [];
    while (queue.length) {
      const id = queue.pop()!;
      for (const o of fromA.all(id) as string[]) {
        edges.push([id, o]);
        if (!seen.has(o)) (seen.add(o), queue.push(o));
      }
      for (const o of fromB.all(id) as string[]) if (!seen.has(o)) (seen.add(o), queue.push(o));
    }
    return { ids: [...seen].sort(), edges };
  }

  mentionsById(ids: string[]): Map<string, EventMention> {
    const q = this.db.prepare('SELECT record FROM event_mentions WHERE id = ?').pluck();
    const out = new Map<string, EventMention>();
    for (const id of ids) {
      const r = q.get(id) as string | undefined;
      if (r) out.set(id, JSON.parse(r) as EventMention);
    }
    return out;
  }

  /** Replaces the linked events these mentions belonged to by the ones they form now. */
  replaceLinkedEventsOf(mentionIds: string[], events: LinkedEvent[]): void {
    const q = this.db.prepare('SELECT event_id FROM event_links WHERE mention_id = ?').pluck();
    const old = new Set<string>();
    for (const id of mentionIds) {
      const ev = q.get(id) as string | undefined;
      if (ev) old.add(ev);
    }
    for (const ev of old) {
      this.db.prepare('DELETE FROM event_links WHERE event_id = ?').run(ev);
      this.db.prepare('DELETE FROM linked_events WHERE id = ?').run(ev);
    }
    this.insertLinkedEvents(events);
  }

  linkedEventCounts(): { events: number; shared: number } {
    const r = this.db.prepare('SELECT count(*) AS events, coalesce(sum(documents > 1), 0) AS shared FROM linked_events').get() as { events: number; shared: number };
    return { events: r.events, shared: r.shared };
  }

  /** Forgets the link graph and every linked event: the next linking reads all mentions again. */
  clearLinks(): void {
    this.db.exec('DELETE FROM linked_events; DELETE FROM event_links; DELETE FROM link_keys; DELETE FROM link_edges; DELETE FROM link_indexed;');
  }

  linkedEvent(id: string): LinkedEvent | null {
    const row = this.db.prepare('SELECT record FROM linked_events WHERE id = ?').pluck().get(id) as string | undefined;
    return row ? (JSON.parse(row) as LinkedEvent) : null;
  }

  /** The SQL condition of a filter, shared by the list, the counts and the export. */
  private where(f: EventFilter): { sql: string; args: unknown[] } {
    return conditions([
      when(f.pair, 'countries LIKE ? AND countries LIKE ?', (p) => [`% ${p[0]} %`, `% ${p[1]} %`]),
      when(f.country, 'countries LIKE ?', (v) => [`% ${v} %`]),
      when(f.actor, 'people LIKE ?', (v) => [`%${v}%`]),
      when(f.type, 'event = ?', (v) => [v.toUpperCase()]),
      when(f.status, 'status = ?'),
      when(f.from, 'date_latest >= ?'),
      when(f.to, 'date_earliest <= ?'),
      when(f.text, 'record LIKE ?', (v) => [`%${v}%`]),
      when(f.outlet, 'record LIKE ?', (v) => [`%"outlet":${JSON.stringify(v)}%`]),
    ]);
  }

  linkedEvents(f: EventFilter = {}): LinkedEvent[] {
    return this.page('record', f).map((r) => JSON.parse(r) as LinkedEvent);
  }

  /** A page of event summaries as stored JSON text, for a response that need not parse them. */
  summariesJson(f: EventFilter = {}): string[] {
    return this.page('summary', f);
  }

  private page(column: 'record' | 'summary', f: EventFilter): string[] {
    const { sql: where, args } = this.where(f);
    // the ORDER BY is the index linked_events_order: a page is read in order, not sorted
    const sql = `SELECT ${column} FROM linked_events ${where}
      ORDER BY (date_earliest IS NULL), date_earliest DESC, documents DESC, id LIMIT ? OFFSET ?`;
    return this.db.prepare(sql).pluck().all(...args, f.limit ?? 50, f.offset ?? 0) as string[];
  }

  /** Events per month and type for a filter (undated events under month null): the timeline's chart. */
  monthlyCounts(f: EventFilter = {}): Array<{ month: string | null; event: string; count: number }> {
    const { sql: where, args } = this.where(f);
    return this.db.prepare(`SELECT substr(date_earliest, 1, 7) AS month, event, count(*) AS count FROM linked_events ${where} GROUP BY month, event ORDER BY month`).all(...args) as Array<{ month: string | null; event: string; count: number }>;
  }
}

/** A condition of a WHERE clause when its filter is set: the SQL and the values of its placeholders (by default the filter's value). */
function when<T>(value: T | null | undefined, sql: string, values: (v: T) => unknown[] = (v) => [v]): { sql: string; args: unknown[] } | null {
  return value ? { sql, args: values(value) } : null;
}

/** The WHERE clause of the conditions whose filters are set (none: no clause). */
function conditions(parts: Array<{ sql: string; args: unknown[] } | null>): { sql: string; args: unknown[] } {
  const set = parts.filter((x): x is { sql: string; args: unknown[] } => !!x);
  return { sql: set.length ? `WHERE ${set.map((x) => x.sql).join(' AND ')}` : '', args: set.flatMap((x) => x.args) };
}
