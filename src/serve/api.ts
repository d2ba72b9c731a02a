/**
 * The HTTP JSON API (Hono): documents with their annotations, search, linked events with accounts and
 * divergences, actors with their offices over time, quotations, relations of a pair of states, outlet
 * profiles, imports with progress, exports, and the OpenAPI description at /openapi.json. Every list is
 * paginated (limit ≤ 200, offset, `more` when another page follows); bad parameters get a 400 that says which
 * and why. Bound to 127.0.0.1 by default; on any other address every request must carry READOUT_TOKEN.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { EventStore, eventSummary, type EventSummary, type QuoteRow } from '../store/events.ts';
import type { SqliteStore } from '../store/sqlite.ts';
import { outletProfiles, relationsIndex } from '../link/relations.ts';
import { EXPORT_FORMATS, MEDIA_TYPES, exportEvents, type ExportFormat } from '../link/export.ts';
import { PLOVER_TYPES } from '../model/annotations.ts';
import type { KnowledgeBase, Person, Position } from '../kb/knowledge-base.ts';
import { defaultKnowledgeBase } from '../kb/knowledge-base.ts';
import { ImportQueue, type ImportService, type UploadedFile } from './imports.ts';
import { openapi } from './openapi.ts';
import { mountUi } from './static.ts';

export interface ApiOptions {
  /** required on every request when set (binding beyond localhost) */
  token?: string | null;
  /** the knowledge base actors are read from (with the user's imported positions) */
  kb?: KnowledgeBase;
  /** where imports write; without it (and without `imports`) the import endpoints answer 503 */
  dbPath?: string | null;
  /** who runs imports: by default a queue in this process writing to dbPath */
  imports?: ImportService | null;
  /** largest upload accepted, in bytes */
  maxUploadBytes?: number;
  /** folder of the built web UI, served beside the API */
  ui?: string | null;
}

export class BadRequest extends Error {}

const STATUSES = ['occurred', 'planned', 'proposed', 'cancelled', 'denied', 'uncertain', 'hypothetical'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO3 = /^[A-Z]{2,6}$/;
const TOKEN_COOKIE = 'readout_token';

function page(c: Context): { limit: number; offset: number } {
  const limit = c.req.query('limit') ?? '50';
  const offset = c.req.query('offset') ?? '0';
  if (!/^\d+$/.test(limit) || +limit < 1 || +limit > 200) throw new BadRequest('limit must be an integer from 1 to 200');
  if (!/^\d+$/.test(offset)) throw new BadRequest('offset must be a non-negative integer');
  return { limit: +limit, offset: +offset };
}

/** A page of a list read with one row more than asked, so the client knows whether another page follows. */
function paged<T>(rows: T[], p: { limit: number; offset: number }) {
  return { items: rows.slice(0, p.limit), limit: p.limit, offset: p.offset, more: rows.length > p.limit };
}

function optional(c: Context, name: string, test: (v: string) => boolean, why: string): string | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (!test(v)) throw new BadRequest(`${name}: ${why}`);
  return v;
}

/** ISO3 codes of states; `orgs` also lets organisation codes through (NATO, EU) where events can have them. */
function codes(c: Context, name: string, max: number, orgs = true): string[] | undefined {
  const pattern = orgs ? ISO3 : /^[A-Z]{3}$/;
  const v = optional(c, name, (x) => x.split(',').length <= max && x.toUpperCase().split(',').every((y) => pattern.test(y)), max === 1 ? 'an ISO3 code, e.g. RUS' : `one to ${max} ISO3 codes, comma-separated, e.g. USA,RUS`);
  return v?.toUpperCase().split(',');
}

/** The event filters shared by the event list and the export. */
function eventFilter(c: Context) {
  const pair = codes(c, 'pair', 2);
  const type = optional(c, 'type', (v) => (PLOVER_TYPES as readonly string[]).includes(v.toUpperCase()), `one of ${PLOVER_TYPES.join(', ')}`);
  const status = optional(c, 'status', (v) => STATUSES.includes(v), `one of ${STATUSES.join(', ')}`);
  const from = optional(c, 'from', (v) => DAY.test(v), 'a day YYYY-MM-DD');
  const to = optional(c, 'to', (v) => DAY.test(v), 'a day YYYY-MM-DD');
  if (from && to && from > to) throw new BadRequest('from: must not be after to');
  return {
    ...(pair?.length === 2 ? { pair: [pair[0]!, pair[1]!] as [string, string] } : pair ? { country: pair[0]! } : {}),
    type, status, from, to,
    actor: c.req.query('actor') || undefined,
    outlet: c.req.query('outlet') || undefined,
    text: c.req.query('q') || undefined,
  };
}

/** A person as the actor list shows them: the office held today (or the last one known) and events counted. */
export interface ActorSummary {
  id: string;
  name: string;
  country: string;
  office: { title: string; from: string; to: string | null } | null;
  events: number;
}

/** A person with offices over time, the events they take part in and their quotations. */
export interface ActorDetail extends Omit<ActorSummary, 'events'> {
  aliases: string[];
  positions: Position[];
  events: EventSummary[];
  quotes: QuoteRow[];
}

function personSummary(kb: KnowledgeBase, p: Person, events: number): ActorSummary {
  const now = new Date().toISOString().slice(0, 10);
  const current = kb.positionsAt(p, { earliest: now, latest: now })[0] ?? p.positions.at(-1) ?? null;
  return { id: p.id, name: p.name, country: p.country, office: current ? { title: current.title, from: current.from, to: current.to } : null, events };
}

/**
 * A value read from the whole database (outlet profiles, participant counts: seconds or tens of milliseconds),
 * computed again only when the database has changed: SQLite's data_version moves whenever another connection
 * (an import) commits.
 */
function perVersion<T>(store: SqliteStore, compute: () => T): () => T {
  let cached: { version: number; value: T } | null = null;
  return () => {
    const version = store.db.pragma('data_version', { simple: true }) as number;
    if (cached?.version !== version) cached = { version, value: compute() };
    return cached.value;
  };
}

export function createApi(store: SqliteStore, opts: ApiOptions = {}): Hono {
  const app = new Hono();
  const events = new EventStore(store);
  const kb = opts.kb ?? defaultKnowledgeBase();
  const imports: ImportService | null = opts.imports ?? (opts.dbPath ? new ImportQueue(opts.dbPath) : null);
  const maxUpload = opts.maxUploadBytes ?? 200 * 1048576;

  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json({ error: 'bad-request', message: err.message }, 400);
    process.stderr.write(`readout serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err}\n`);
    return c.json({ error: 'internal', message: 'Readout failed on this request; the server log has the details' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not-found', message: `no route ${c.req.method} ${c.req.path}; see /openapi.json` }, 404));

  if (opts.token) {
    // A browser cannot add a header to the page it opens: the first visit carries ?token=, which is kept in
    // an HttpOnly cookie for the requests that follow.
    app.use('*', async (c, next) => {
      const token = opts.token!;
      const query = c.req.query('token');
      const ok = c.req.header('authorization') === `Bearer ${token}` || getCookie(c, TOKEN_COOKIE) === token || query === token;
      if (!ok) return c.json({ error: 'unauthorized', message: 'send Authorization: Bearer <READOUT_TOKEN>, or open the page with ?token=<READOUT_TOKEN>' }, 401);
      if (query === token) setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      await next();
    });
  }

  app.get('/openapi.json', (c) => c.json(openapi));

  app.get('/api/stats', (c) => {
    return c.json({ ...store.counts(), ...events.recordCounts() });
  });

  app.get('/api/documents', (c) => {
    const p = page(c);
    const q = c.req.query('q');
    const rows = q ? store.search(q, { limit: p.limit + 1, offset: p.offset }) : store.listDocuments({ limit: p.limit + 1, offset: p.offset });
    return c.json({ ...paged(rows, p), total: q ? null : store.counts().documents });
  });

  app.get('/api/documents/:id', (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f]{8,64}$/.test(id)) throw new BadRequest('id: a document id is hexadecimal');
    const doc = store.getDocument(id);
    if (!doc) return c.json({ error: 'not-found', message: `no document ${id}` }, 404);
    const a = events.getAnalysis(id);
    const { document: _d, ...annotations } = a ?? { document: null };
    return c.json({ document: doc, annotations: a ? annotations : null, linkedEvents: events.linksOfDocument(id) });
  });

  app.get('/api/events', (c) => {
    const p = page(c);
    // summaries are stored as JSON text: the page is written out without parsing them
    const rows = events.summariesJson({ ...eventFilter(c), limit: p.limit + 1, offset: p.offset });
    const body = `{"items":[${rows.slice(0, p.limit).join(',')}],"limit":${p.limit},"offset":${p.offset},"more":${rows.length > p.limit}}`;
    return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8' });
  });

  app.get('/api/timeline', (c) => c.json({ items: events.monthlyCounts(eventFilter(c)) }));

  app.get('/api/events/:id', (c) => {
    const id = c.req.param('id');
    if (!/^ev-[0-9a-f]{12}$/.test(id)) throw new BadRequest('id: an event id looks like ev-0123456789ab');
    const e = events.linkedEvent(id);
    if (!e) return c.json({ error: 'not-found', message: `no event ${id}` }, 404);
    const titles = Object.fromEntries(e.documents.map((d) => [d, store.getDocument(d)?.title ?? null]));
    const codes = new Set([...e.accounts.map((a) => a.side), ...e.actor.map((a) => a.country), ...e.recipient.map((a) => a.country)].filter((x): x is string => !!x));
    const countries = Object.fromEntries([...codes].map((x) => [x, kb.country(x)?.name ?? x]));
    return c.json({ ...e, titles, countries });
  });

  const participantCounts = perVersion(store, () => events.participantCounts());
  app.get('/api/actors', (c) => {
    const p = page(c);
    const q = (c.req.query('q') ?? '').trim().toLowerCase();
    const country = codes(c, 'country', 1, false)?.[0];
    const counts = participantCounts();
    const people = kb.people
      .filter((x) => (!q || x.name.toLowerCase().includes(q) || x.aliases.some((a) => a.toLowerCase().includes(q))) && (!country || x.country === country))
      .map((x) => ({ x, n: counts.get(x.name) ?? 0 }))
      .sort((a, b) => b.n - a.n || a.x.name.localeCompare(b.x.name));
    return c.json({ ...paged(people.slice(p.offset, p.offset + p.limit + 1).map(({ x, n }) => personSummary(kb, x, n)), p), total: people.length });
  });

  app.get('/api/actors/:id', (c) => {
    const id = c.req.param('id');
    if (!/^[\w.:\-]{1,100}$/.test(id)) throw new BadRequest('id: an actor id is a Wikidata id (Q…) or a knowledge-base slug such as rus:sergey-lavrov');
    const person = kb.person(id);
    if (!person) return c.json({ error: 'not-found', message: `no actor ${id} in the knowledge base` }, 404);
    const list = events.linkedEvents({ actor: person.name, limit: 200 }).filter((e) => [...e.actor, ...e.recipient].some((a) => a.name === person.name));
    const quotes = events.quotes({ speaker: person.name, limit: 50 }).filter((q) => q.speaker === person.name);
    return c.json({
      ...personSummary(kb, person, list.length),
      aliases: person.aliases,
      positions: [...person.positions].sort((a, b) => a.from.localeCompare(b.from)),
      events: list.map(eventSummary),
      quotes,
    } satisfies ActorDetail);
  });

  app.get('/api/quotes', (c) => {
    const p = page(c);
    const country = codes(c, 'country', 1, false)?.[0];
    const document = optional(c, 'document', (v) => /^[0-9a-f]{8,64}$/.test(v), 'a document id (hexadecimal)');
    const rows = events.quotes({ speaker: c.req.query('speaker') || undefined, text: c.req.query('q') || undefined, country, document, limit: p.limit + 1, offset: p.offset });
    return c.json(paged(rows, p));
  });

  app.get('/api/pairs', (c) => {
    const p = page(c);
    const counts = events.pairCounts();
    const items = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(p.offset, p.offset + p.limit + 1).map(([pair, n]) => {
      const [a, b] = pair.split(',');
      return { pair: [a, b], names: [kb.country(a!)?.name ?? a, kb.country(b!)?.name ?? b], events: n };
    });
    return c.json({ ...paged(items, p), total: counts.size });
  });

  app.get('/api/relations', (c) => {
    const pair = codes(c, 'pair', 2);
    if (pair?.length !== 2) throw new BadRequest('pair: two ISO3 codes, e.g. USA,RUS');
    const linked = events.linkedEvents({ pair: [pair[0]!, pair[1]!], limit: 100000 });
    return c.json({ pair, names: pair.map((x) => kb.country(x)?.name ?? x), months: relationsIndex(linked, pair[0]!, pair[1]!) });
  });

  const profiles = perVersion(store, () => outletProfiles(events.analyses()));
  app.get('/api/outlets', (c) => {
    const p = page(c);
    const all: unknown[] = c.req.query('names') !== undefined ? store.outletCounts() : profiles();
    return c.json({ ...paged(all.slice(p.offset, p.offset + p.limit + 1), p), total: all.length });
  });

  app.get('/api/export', (c) => {
    const format = (c.req.query('format') ?? 'jsonl') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new BadRequest(`format: one of ${EXPORT_FORMATS.join(', ')}`);
    const list = events.linkedEvents({ ...eventFilter(c), limit: 1e9 });
    const ext = format === 'plover' ? 'plover.json' : format;
    return c.body(exportEvents(list, format), 200, { 'content-type': MEDIA_TYPES[format], 'content-disposition': `attachment; filename="readout-events.${ext}"` });
  });

  app.post('/api/import', async (c) => {
    if (!imports) return c.json({ error: 'unavailable', message: 'this server has no database file to import into' }, 503);
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > maxUpload) return c.json({ error: 'too-large', message: `uploads are limited to ${Math.round(maxUpload / 1048576)} MB` }, 413);
    const type = c.req.header('content-type') ?? '';
    const files: UploadedFile[] = [];
    if (type.startsWith('multipart/form-data')) {
      const body = await c.req.parseBody({ all: true });
      const parts = ([] as unknown[]).concat(body.files ?? body.file ?? []);
      for (const f of parts) {
        if (f instanceof File) files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      }
      if (!files.length) throw new BadRequest('files: send one or more files in the multipart field "files"');
    } else {
      const name = c.req.query('name');
      if (!name) throw new BadRequest('name: say what the uploaded body is, e.g. ?name=articles.jsonl (the extension decides how it is read)');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (!bytes.length) throw new BadRequest('the request body is empty');
      files.push({ name, bytes });
    }
    return c.json(await imports.submit(files), 202);
  });

  app.get('/api/import', async (c) => {
    const p = page(c);
    const all = (await imports?.list()) ?? [];
    return c.json({ ...paged(all.slice(p.offset, p.offset + p.limit + 1), p), total: all.length });
  });

  app.get('/api/import/:id', async (c) => {
    const job = await imports?.get(c.req.param('id'));
    return job ? c.json(job) : c.json({ error: 'not-found', message: `no import ${c.req.param('id')}` }, 404);
  });

  if (opts.ui) mountUi(app, opts.ui);
  return app;
}
