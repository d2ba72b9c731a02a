import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { expect } from 'expect';
import { createApi } from '../src/serve/api.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { analyseStore, relinkStore } from '../src/link/pipeline.ts';
import { defaultContext } from '../src/analyze/analyze.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
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
    app = createApi(store);
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

  it('answers bad parameters with a 400 that says what is wrong', async () => {
    for (const path of ['/api/events?limit=0', '/api/events?limit=abc', '/api/events?type=HUG', '/api/events?from=yesterday', '/api/events?pair=usa,rus,chn', '/api/relations', '/api/documents/../etc', '/api/events/42']) {
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

  it('demands the token when one is set', async () => {
    const locked = createApi(store, { token: 's3cret' });
    expect((await locked.request('/api/events')).status).toBe(401);
    expect((await locked.request('/api/events', { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
  });
});
