/**
 * The HTTP JSON API (Hono): documents with their annotations, search, linked events with accounts and
 * divergences, relations of a pair of states, outlet profiles, and the OpenAPI description at /openapi.json.
 * Every list is paginated (limit ≤ 200, offset); bad parameters get a 400 that says which and why. Bound to
 * 127.0.0.1 by default; on any other address every request must carry READOUT_TOKEN (Bearer).
 */
import { Hono, type Context } from 'hono';
import { EventStore } from '../store/events.ts';
import type { SqliteStore } from '../store/sqlite.ts';
import { outletProfiles, relationsIndex } from '../link/relations.ts';
import { PLOVER_TYPES } from '../model/annotations.ts';
import { openapi } from './openapi.ts';

export interface ApiOptions {
  /** required on every request when set (binding beyond localhost) */
  token?: string | null;
}

class BadRequest extends Error {}

const STATUSES = ['occurred', 'planned', 'proposed', 'cancelled', 'denied', 'uncertain', 'hypothetical'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO3 = /^[A-Z]{2,6}$/;

function page(c: Context): { limit: number; offset: number } {
  const limit = c.req.query('limit') ?? '50';
  const offset = c.req.query('offset') ?? '0';
  if (!/^\d+$/.test(limit) || +limit < 1 || +limit > 200) throw new BadRequest('limit must be an integer from 1 to 200');
  if (!/^\d+$/.test(offset)) throw new BadRequest('offset must be a non-negative integer');
  return { limit: +limit, offset: +offset };
}

function optional(c: Context, name: string, test: (v: string) => boolean, why: string): string | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (!test(v)) throw new BadRequest(`${name}: ${why}`);
  return v;
}

export function createApi(store: SqliteStore, opts: ApiOptions = {}): Hono {
  const app = new Hono();
  const events = new EventStore(store);

  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json({ error: 'bad-request', message: err.message }, 400);
    return c.json({ error: 'internal', message: 'Readout failed on this request; the server log has the details' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not-found', message: `no route ${c.req.method} ${c.req.path}; see /openapi.json` }, 404));

  if (opts.token) {
    app.use('*', async (c, next) => {
      if (c.req.header('authorization') !== `Bearer ${opts.token}`) return c.json({ error: 'unauthorized', message: 'send Authorization: Bearer <READOUT_TOKEN>' }, 401);
      await next();
    });
  }

  app.get('/openapi.json', (c) => c.json(openapi));

  app.get('/api/documents', (c) => {
    const { limit, offset } = page(c);
    const q = c.req.query('q');
    const items = q ? store.search(q, { limit, offset }) : store.listDocuments({ limit, offset });
    return c.json({ items, limit, offset, total: store.counts().documents });
  });

  app.get('/api/documents/:id', (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f]{8,40}$/.test(id)) throw new BadRequest('id: a document id is hexadecimal');
    const doc = store.getDocument(id);
    if (!doc) return c.json({ error: 'not-found', message: `no document ${id}` }, 404);
    const a = events.getAnalysis(id);
    const { document: _d, ...annotations } = a ?? { document: null };
    return c.json({ document: doc, annotations: a ? annotations : null });
  });

  app.get('/api/events', (c) => {
    const { limit, offset } = page(c);
    const pair = optional(c, 'pair', (v) => v.toUpperCase().split(',').every((x) => ISO3.test(x)) && v.split(',').length <= 2, 'one or two ISO3 codes, comma-separated');
    const type = optional(c, 'type', (v) => (PLOVER_TYPES as readonly string[]).includes(v.toUpperCase()), `one of ${PLOVER_TYPES.join(', ')}`);
    const status = optional(c, 'status', (v) => STATUSES.includes(v), `one of ${STATUSES.join(', ')}`);
    const from = optional(c, 'from', (v) => DAY.test(v), 'a day YYYY-MM-DD');
    const to = optional(c, 'to', (v) => DAY.test(v), 'a day YYYY-MM-DD');
    const codes = pair?.toUpperCase().split(',');
    const items = events.linkedEvents({
      ...(codes?.length === 2 ? { pair: [codes[0]!, codes[1]!] as [string, string] } : codes ? { country: codes[0]! } : {}),
      type, status, from, to, actor: c.req.query('actor') || undefined, text: c.req.query('q') || undefined, limit, offset,
    });
    return c.json({ items: items.map(({ accounts: _a, ...e }) => ({ ...e, accounts: e.documents.length })), limit, offset });
  });

  app.get('/api/events/:id', (c) => {
    const id = c.req.param('id');
    if (!/^ev-[0-9a-f]{12}$/.test(id)) throw new BadRequest('id: an event id looks like ev-0123456789ab');
    const e = events.linkedEvent(id);
    return e ? c.json(e) : c.json({ error: 'not-found', message: `no event ${id}` }, 404);
  });

  app.get('/api/relations', (c) => {
    const pair = c.req.query('pair')?.toUpperCase().split(',') ?? [];
    if (pair.length !== 2 || !pair.every((x) => ISO3.test(x))) throw new BadRequest('pair: two ISO3 codes, e.g. USA,RUS');
    const linked = events.linkedEvents({ pair: [pair[0]!, pair[1]!], limit: 100000 });
    return c.json({ pair, months: relationsIndex(linked, pair[0]!, pair[1]!) });
  });

  app.get('/api/outlets', (c) => {
    const ids = store.db.prepare('SELECT document_id FROM analyses').pluck().all() as string[];
    return c.json({ items: outletProfiles(ids.map((id) => events.getAnalysis(id)!).filter(Boolean)) });
  });

  return app;
}
