import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { expect } from 'expect';
import { createApi } from '../src/serve/api.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { analyseStore, relinkStore } from '../src/link/pipeline.ts';
import { defaultContext } from '../src/analyze/analyze.ts';
import { SqliteStore, snippet } from '../src/store/sqlite.ts';
import { ROOT, tempDir } from './helpers.ts';

describe('HTTP API', () => {
  const dir = tempDir();
  let store: SqliteStore;
  let app: ReturnType<typeof createApi>;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(path, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  before(async () => {
    writeFileSync(
      join(dir, 'script.html'),
      '<!doctype html><html><head><title>Envoys meet</title></head><body><article><p>The foreign ministers of both countries met in Geneva on Friday for talks about the prisoner exchange and agreed to meet again next month.</p><p><script>alert("x")</script>Officials said &lt;script&gt;alert(1)&lt;/script&gt; was printed on a placard outside the venue during the talks.</p></article></body></html>',
    );
    store = new SqliteStore(join(dir, 'api.db'));
    await ingest([join(ROOT, 'samples/corpus'), join(dir, 'script.html')], store);
    const ctx = defaultContext();
    analyseStore(store, ctx);
    relinkStore(store, ctx);
    app = createApi(store, { dbPath: join(dir, 'api.db') });
  });

  it('serves its OpenAPI description', async () => {
    const { status, body } = await get('/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths as object)).toContain('/api/events/{id}');
  });

  it('lists, searches and reads documents with annotations', async () => {
    const list = await get('/api/documents?limit=3');
    expect((list.body.items as unknown[]).length).toBe(3);
    const found = await get('/api/documents?q=Helsinki');
    const first = (found.body.items as Array<{ id: string }>)[0]!;
    const doc = await get(`/api/documents/${first.id}`);
    expect(doc.status).toBe(200);
    expect((doc.body.annotations as { mentions: unknown[] }).mentions.length).toBeGreaterThan(0);
  });

  it('lists events with filters and reads one with its accounts', async () => {
    const list = await get('/api/events?pair=USA,RUS&limit=200');
    const items = list.body.items as Array<{ id: string }>;
    expect(items.length).toBeGreaterThan(0);
    const one = await get(`/api/events/${items[0]!.id}`);
    expect(one.status).toBe(200);
    expect(Array.isArray(one.body.accounts)).toBe(true);
    const rel = await get('/api/relations?pair=USA,RUS');
    expect(rel.status).toBe(200);
  });

  it('reports counts, the monthly timeline, country pairs and quotes', async () => {
    const stats = (await get('/api/stats')).body;
    expect(stats.documents).toBeGreaterThan(5);
    expect(stats.events).toBeGreaterThan(0);
    const timeline = (await get('/api/timeline?pair=USA,RUS')).body.items as Array<{ month: string | null; event: string; count: number }>;
    expect(timeline.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0);
    const pairs = (await get('/api/pairs')).body.items as Array<{ pair: string[]; events: number }>;
    expect(pairs.some((p) => p.pair.includes('USA') && p.pair.includes('RUS'))).toBe(true);
    const quotes = await get('/api/quotes?limit=2');
    expect((quotes.body.items as unknown[]).length).toBe(2);
    expect(quotes.body.more).toBe(true);
    const q = (quotes.body.items as Array<{ document: string; start: number; end: number; text: string }>)[0]!;
    const doc = (await get(`/api/documents/${q.document}`)).body.document as { text: string };
    expect(doc.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('cuts search snippets around the words found, in any inflection the stemmed index matched', () => {
    expect(snippet('Washington imposed new sanctions on Moscow on Friday, and officials sanctioned three banks.', ['sanction'])).toBe('Washington imposed new [sanctions] on Moscow on Friday, and officials…');
    expect(snippet('Leaders met at the Helsinki summit in July.', ['helsinki', 'summits'])).toBe('Leaders met at the [Helsinki] [summit] in July.');
    expect(snippet('Nothing here matches.', ['zebra'])).toBe('Nothing here matches.');
  });

  it('profiles outlets, and lists their names cheaply for filters', async () => {
    const names = (await get('/api/outlets?names')).body.items as Array<{ outlet: string; documents: number }>;
    const profiles = (await get('/api/outlets')).body.items as Array<{ outlet: string; documents: number; loaded: number }>;
    expect(names.reduce((n, o) => n + o.documents, 0)).toBe((await get('/api/stats')).body.documents);
    expect(profiles.every((p) => p.loaded >= 0 && p.loaded <= 1)).toBe(true);
    expect(profiles.map((p) => p.outlet)).toEqual(expect.arrayContaining([names.find((n) => n.outlet !== '(unknown outlet)')!.outlet]));
  });

  it('pages through events: `more` says another page follows and the pages do not overlap', async () => {
    const one = (await get('/api/events?limit=3')).body;
    const two = (await get('/api/events?limit=3&offset=3')).body;
    expect(one.more).toBe(true);
    const ids = (p: Record<string, unknown>) => (p.items as Array<{ id: string }>).map((e) => e.id);
    expect(ids(one).filter((x) => ids(two).includes(x))).toEqual([]);
  });

  it('reads actors with their offices over time, events and quotes', async () => {
    const list = (await get('/api/actors?q=lavrov')).body.items as Array<{ id: string; name: string; events: number }>;
    const lavrov = list.find((a) => a.name === 'Sergey Lavrov')!;
    expect(lavrov).toBeDefined();
    const one = (await get(`/api/actors/${lavrov.id}`)).body as { positions: Array<{ title: string }>; events: unknown[] };
    expect(one.positions.some((p) => /Foreign Affairs/.test(p.title))).toBe(true);
    expect(one.events.length).toBe(lavrov.events);
    expect((await get('/api/actors/Q0000000000')).status).toBe(404);
  });

  it('exports the filtered events as JSON lines, PLOVER JSON and CSV', async () => {
    const n = ((await get('/api/events?pair=USA,RUS&limit=200')).body.items as unknown[]).length;
    const jsonl = await app.request('/api/export?format=jsonl&pair=USA,RUS');
    expect(jsonl.headers.get('content-type')).toContain('ndjson');
    expect((await jsonl.text()).trim().split('\n').length).toBe(n);
    const plover = (await (await app.request('/api/export?format=plover&pair=USA,RUS')).json()) as Array<{ event: string }>;
    expect(plover.length).toBe(n);
    const csv = await (await app.request('/api/export?format=csv&pair=USA,RUS')).text();
    expect(csv.split('\n')[0]).toMatch(/^id,date_earliest/);
  });

  it('imports an uploaded file with progress, then finds its events', async () => {
    const before = (await get('/api/stats')).body.documents as number;
    const body = JSON.stringify({ title: 'Ministers talk', text: 'The foreign ministers of Chile and Peru met in Lima on Monday and agreed to reopen the border crossing at Chacalluta. Both ministers said the talks were constructive.', published: '2023-03-06' });
    const res = await app.request('/api/import?name=upload.jsonl', { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } });
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string };
    let state = '';
    for (let i = 0; i < 600 && state !== 'done' && state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = ((await get(`/api/import/${job.id}`)).body.state as string) ?? '';
    }
    const done = (await get(`/api/import/${job.id}`)).body;
    expect({ state: done.state, ingested: done.ingested, progress: done.progress }).toEqual({ state: 'done', ingested: 1, progress: 1 });
    expect((await get('/api/stats')).body.documents).toBe(before + 1);
    const found = (await get('/api/events?pair=CHL,PER')).body.items as unknown[];
    expect(found.length).toBeGreaterThan(0);
  });

  it('refuses imports it cannot read with a clear message', async () => {
    const noName = await app.request('/api/import', { method: 'POST', body: 'text', headers: { 'content-type': 'text/plain' } });
    expect(noName.status).toBe(400);
    expect(((await noName.json()) as { message: string }).message).toMatch(/name/);
    const empty = await app.request('/api/import?name=a.txt', { method: 'POST', body: '', headers: { 'content-type': 'text/plain' } });
    expect(empty.status).toBe(400);
    const noDb = createApi(store);
    expect((await noDb.request('/api/import?name=a.txt', { method: 'POST', body: 'x' })).status).toBe(503);
  });

  it('answers bad parameters with a 400 that says what is wrong', async () => {
    for (const path of [
      '/api/events?limit=0', '/api/events?limit=abc', '/api/events?type=HUG', '/api/events?from=yesterday', '/api/events?pair=usa,rus,chn', '/api/events?from=2020-02-01&to=2020-01-01',
      '/api/relations', '/api/relations?pair=USA', '/api/documents/../etc', '/api/events/42', '/api/documents?offset=-1', '/api/timeline?status=maybe',
      '/api/actors?country=Russia', '/api/actors/a%20b', '/api/pairs?limit=1000', '/api/outlets?offset=x', '/api/import?limit=0', '/api/quotes?document=xyz', '/api/quotes?limit=500', '/api/export?format=xml', '/api/import/imp-none', '/api/nothing',
    ]) {
      const { status, body } = await get(path);
      expect({ path, status: status === 400 || status === 404 ? 'client error' : status }).toEqual({ path, status: 'client error' });
      expect(String(body.message).length).toBeGreaterThan(5);
    }
  });

  it('keeps markup from a source as text: the script is not part of the article', async () => {
    const found = await get('/api/documents?q=placard');
    const id = (found.body.items as Array<{ id: string }>)[0]!.id;
    const doc = (await get(`/api/documents/${id}`)).body.document as { text: string };
    expect(doc.text).not.toContain('alert("x")');
    // an escaped tag in the article stays literal text, to be rendered as text
    expect(doc.text).toContain('<script>alert(1)</script>');
  });

  it('demands the token when one is set, on the API and the UI alike', async () => {
    const ui = tempDir();
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>ui</title>');
    const locked = createApi(store, { token: 's3cret', ui });
    expect((await locked.request('/api/events')).status).toBe(401);
    expect((await locked.request('/')).status).toBe(401);
    expect((await locked.request('/api/events', { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
    // a browser opens the page once with ?token=, then carries the cookie
    const first = await locked.request('/?token=s3cret');
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    expect((await locked.request('/api/stats', { headers: { cookie } })).status).toBe(200);
  });

  it('serves the UI under a content security policy, routes unknown paths to it and stays inside its folder', async () => {
    const ui = tempDir();
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>ui</title>');
    writeFileSync(join(dir, 'secret.txt'), 'not for the web');
    const served = createApi(store, { ui });
    const index = await served.request('/events/ev-000000000000');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>ui</title>');
    const escape = await served.request('/..%2Fsecret.txt');
    expect(await escape.text()).not.toContain('not for the web');
    expect((await served.request('/api/nothing')).status).toBe(404);
  });
});
