/**
 * SQLite backend (better-sqlite3): one file, WAL journal so a killed run loses at most its open transaction,
 * versioned migrations from ./migrations, FTS5 search over the clean text.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import type { Document, RepeatedBlock, Section } from '../model/document.ts';
import type { ErrorCode, IngestError } from '../model/messages.ts';
import { BANDS, similarity } from '../ingest/fingerprint.ts';
import type { ImportedPosition } from '../kb/import.ts';
import type { DocumentSummary, Repository, SourceOutcome, StoreCounts, StoredDocument } from './repository.ts';

const MIGRATIONS = new URL('./migrations/', import.meta.url);

export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
  const files = readdirSync(MIGRATIONS).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
  let applied = 0;
  for (const file of files) {
    const version = parseInt(file, 10);
    if (done.has(version)) continue;
    const sql = readFileSync(new URL(file, MIGRATIONS), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, file, new Date().toISOString());
    })();
    applied++;
  }
  return applied;
}

interface DocumentRow {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  language: string | null;
  published_earliest: string | null;
  published_latest: string | null;
  published_text: string | null;
  published_basis: string | null;
  published_estimate: number;
  duplicate_of: string | null;
  sections: string;
  repeated_blocks: string;
  warnings: string;
  text: string;
}

function toDocument(r: DocumentRow): Document {
  return {
    id: r.id,
    source: r.source,
    title: r.title,
    outlet: r.outlet,
    author: r.author,
    url: r.url,
    language: r.language,
    published: {
      earliest: r.published_earliest,
      latest: r.published_latest,
      text: r.published_text,
      basis: r.published_basis,
      ...(r.published_estimate ? { estimate: true } : {}),
    },
    duplicateOf: r.duplicate_of,
    sections: JSON.parse(r.sections) as Section[],
    repeatedBlocks: JSON.parse(r.repeated_blocks) as RepeatedBlock[],
    warnings: JSON.parse(r.warnings) as string[],
    text: r.text,
  };
}

const SUMMARY_COLUMNS = 'id, source, title, outlet, published_earliest AS published, language, duplicate_of AS duplicateOf';

export class SqliteStore implements Repository {
  readonly db: Database.Database;
  private readonly stmts;

  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    const db = this.db;
    this.stmts = {
      seenSource: db.prepare('SELECT 1 FROM sources WHERE source = ? AND fingerprint = ?').pluck(),
      recordSource: db.prepare(
        `INSERT INTO sources (source, fingerprint, document_id, outcome, seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(source) DO UPDATE SET fingerprint = excluded.fingerprint, document_id = excluded.document_id,
           outcome = excluded.outcome, seen_at = excluded.seen_at`,
      ),
      documentOfSource: db.prepare('SELECT document_id FROM sources WHERE source = ?').pluck(),
      hasDocument: db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck(),
      candidates: db.prepare('SELECT DISTINCT document_id FROM lsh WHERE band = ? AND bucket = ?').pluck(),
      signature: db.prepare('SELECT signature FROM minhash WHERE document_id = ?').pluck(),
      insertDocument: db.prepare(
        `INSERT INTO documents (id, source, title, outlet, author, url, language, published_earliest, published_latest,
           published_text, published_basis, published_estimate, duplicate_of, sections, repeated_blocks, warnings, text, ingested_at)
         VALUES (@id, @source, @title, @outlet, @author, @url, @language, @earliest, @latest, @ptext, @basis, @estimate,
           @duplicateOf, @sections, @repeatedBlocks, @warnings, @text, @at)`,
      ),
      insertMinhash: db.prepare('INSERT INTO minhash (document_id, signature) VALUES (?, ?)'),
      insertBand: db.prepare('INSERT OR IGNORE INTO lsh (band, bucket, document_id) VALUES (?, ?, ?)'),
      putError: db.prepare(
        `INSERT INTO ingest_errors (source, code, message, at) VALUES (?, ?, ?, ?)
         ON CONFLICT(source, code) DO UPDATE SET message = excluded.message, at = excluded.at`,
      ),
      getDocument: db.prepare('SELECT * FROM documents WHERE id = ?'),
      rowidOf: db.prepare('SELECT rowid FROM documents WHERE id = ?').pluck(),
    };
  }

  seenSource(source: string, fingerprint: string): boolean {
    return !!this.stmts.seenSource.get(source, fingerprint);
  }

  recordSource(source: string, fingerprint: string, outcome: SourceOutcome, documentId: string | null): void {
    this.stmts.recordSource.run(source, fingerprint, documentId, outcome, new Date().toISOString());
  }

  documentOfSource(source: string): string | null {
    return (this.stmts.documentOfSource.get(source) as string | null | undefined) ?? null;
  }

  hasDocument(id: string): boolean {
    return !!this.stmts.hasDocument.get(id);
  }

  findNearDuplicate(signature: Uint32Array, bands: number[], threshold: number): string | null {
    const seen = new Set<string>();
    let best: { id: string; rowid: number } | null = null;
    for (let b = 0; b < BANDS; b++) {
      for (const id of this.stmts.candidates.all(b, bands[b]) as string[]) {
        if (seen.has(id)) continue;
        seen.add(id);
        const blob = this.stmts.signature.get(id) as Buffer | undefined;
        if (!blob) continue;
        const other = new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
        if (similarity(signature, other) < threshold) continue;
        const rowid = this.stmts.rowidOf.get(id) as number;
        if (!best || rowid < best.rowid) best = { id, rowid };
      }
    }
    return best?.id ?? null;
  }

  putDocument({ document: d, signature, bands }: StoredDocument): void {
    this.stmts.insertDocument.run({
      id: d.id,
      source: d.source,
      title: d.title,
      outlet: d.outlet,
      author: d.author,
      url: d.url,
      language: d.language,
      earliest: d.published.earliest,
      latest: d.published.latest,
      ptext: d.published.text ?? null,
      basis: d.published.basis ?? null,
      estimate: d.published.estimate ? 1 : 0,
      duplicateOf: d.duplicateOf,
      sections: JSON.stringify(d.sections),
      repeatedBlocks: JSON.stringify(d.repeatedBlocks),
      warnings: JSON.stringify(d.warnings),
      text: d.text,
      at: new Date().toISOString(),
    });
    this.stmts.insertMinhash.run(d.id, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength));
    bands.forEach((bucket, band) => this.stmts.insertBand.run(band, bucket, d.id));
  }

  putError(e: IngestError): void {
    this.stmts.putError.run(e.source, e.code, e.message, new Date().toISOString());
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  getDocument(id: string): Document | null {
    const row = this.stmts.getDocument.get(id) as DocumentRow | undefined;
    return row ? toDocument(row) : null;
  }

  /** every document id, in ingestion order */
  documentIds(): string[] {
    return this.db.prepare('SELECT id FROM documents ORDER BY rowid').pluck().all() as string[];
  }

  listDocuments(opts: { limit?: number; offset?: number } = {}): DocumentSummary[] {
    return this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY rowid LIMIT ? OFFSET ?`)
      .all(opts.limit ?? 100, opts.offset ?? 0) as DocumentSummary[];
  }

  search(query: string, opts: { limit?: number; offset?: number } = {}): Array<DocumentSummary & { snippet: string }> {
    // FTS5's snippet() re-reads and re-tokenises each hit's text and cost most of a search; the snippet is cut
    // here from the text instead, around the first word that starts like a query term
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS.split(', ').map((c) => `d.${c}`).join(', ')}, d.text AS text
         FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
         WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
      )
      .all(ftsQuery(query), opts.limit ?? 20, opts.offset ?? 0) as Array<DocumentSummary & { text: string }>;
    const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    return rows.map(({ text, ...d }) => ({ ...d, snippet: snippet(text, terms) }));
  }

  errors(): IngestError[] {
    return (this.db.prepare('SELECT source, code, message FROM ingest_errors ORDER BY at, source').all() as Array<{ source: string; code: ErrorCode; message: string }>);
  }

  /** Outlets and how many documents each has, most first (documents without one under "(unknown outlet)"). */
  outletCounts(): Array<{ outlet: string; documents: number }> {
    return this.db.prepare("SELECT coalesce(outlet, '(unknown outlet)') AS outlet, count(*) AS documents FROM documents GROUP BY 1 ORDER BY 2 DESC, 1").all() as Array<{ outlet: string; documents: number }>;
  }

  counts(): StoreCounts {
    const one = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    return {
      documents: one('SELECT count(*) FROM documents'),
      duplicates: one('SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL'),
      nonEnglish: one("SELECT count(*) FROM documents WHERE language IS NOT NULL AND language <> 'en'"),
      errors: one('SELECT count(*) FROM ingest_errors'),
    };
  }

  putPositions(rows: ImportedPosition[]): number {
    const stmt = this.db.prepare(
      `INSERT INTO kb_positions (person_id, person, gender, country, role, title, start_day, end_day, source)
       VALUES (@personId, @person, @gender, @country, @role, @title, @from, @to, @source)
       ON CONFLICT (person_id, country, title, start_day) DO UPDATE SET end_day = excluded.end_day, role = excluded.role, person = excluded.person`,
    );
    return this.db.transaction(() => rows.reduce((n, r) => n + stmt.run(r).changes, 0))();
  }

  importedPositions(): ImportedPosition[] {
    return this.db
      .prepare(
        `SELECT person_id AS personId, person, gender, country, role, title, start_day AS "from", end_day AS "to", source FROM kb_positions`,
      )
      .all() as ImportedPosition[];
  }

  close(): void {
    this.db.close();
  }
}

/** User words to an FTS5 query: each word quoted, so punctuation in a search box never breaks the syntax. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** About `words` words of the text around the first word that begins like a query term, hits in [ ]. */
export function snippet(text: string, terms: string[], words = 12): string {
  // the index stems (porter): "sanctions" finds "sanctioned", so a term matches the words that begin with its stem
  const stems = terms.map((t) => t.toLowerCase().replace(/(?:es|s|ed|ing)$/u, '')).filter((t) => t.length > 1);
  const lower = text.toLowerCase();
  let first = -1;
  for (const stem of stems) {
    // the first occurrence at the start of a word (plain indexOf: a regex over the whole text cost more)
    let i = lower.indexOf(stem);
    while (i > 0 && WORD_CHAR.test(lower[i - 1]!)) i = lower.indexOf(stem, i + 1);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  if (first < 0) return text.slice(0, 100).replace(/\s+/g, ' ') + (text.length > 100 ? '…' : '');
  const before = text.slice(Math.max(0, first - 200), first).split(/\s+/).slice(-Math.floor(words / 2));
  const start = Math.max(0, first - before.join(' ').length);
  const after = text.slice(first, first + 400).split(/\s+/).slice(0, Math.ceil(words / 2) + 1).join(' ');
  const end = first + after.length;
  const hit = new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const marked = (text.slice(start, first) + after).replace(/\s+/g, ' ').replace(hit, (w) => `[${w}]`);
  return `${start > 0 ? '…' : ''}${marked}${end < text.length ? '…' : ''}`;
}

export function ftsQuery(q: string): string {
  const terms = q.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  return terms.length ? terms.map((t) => `"${t.replace(/"/g, '')}"`).join(' ') : '""';
}
