import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ingest } from '../src/ingest/ingest.ts';
import { analyseStore, linkStore, relinkStore } from '../src/link/pipeline.ts';
import { defaultContext } from '../src/analyze/analyze.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { EventStore } from '../src/store/events.ts';
import { tempDir } from './helpers.ts';

// reports written for this test: a summit told before, on the day and after it, a phone call told twice, a habit
const reports: Array<[string, string, string, string]> = [
  ['a', 'Wire A', '2021-06-17', 'Joe Biden and Vladimir Putin met in Geneva on Wednesday for talks on arms control. The villa by the lake was closed to the public for the day.'],
  ['b', 'Wire B', '2021-06-17', 'Vladimir Putin held talks with Joe Biden in Geneva on Wednesday and called them constructive. Swiss police had sealed off the old town since dawn.'],
  ['c', 'Wire C', '2021-06-10', 'Joe Biden is due to meet Vladimir Putin in Geneva next week. Aides expect few results beyond a return of ambassadors.'],
  ['d', 'Wire D', '2021-06-18', 'After meeting Vladimir Putin, Joe Biden told reporters that the two sides would resume arms talks. His plane left for Washington an hour later.'],
  ['e', 'Wire E', '2021-05-20', 'Antony Blinken spoke by phone with Sergey Lavrov on Monday about Ukraine. Neither ministry gave details of the tone of the conversation.'],
  ['f', 'Wire F', '2021-05-19', 'Sergey Lavrov and Antony Blinken discussed Ukraine in a phone call on Monday. The Russian side described the exchange as businesslike.'],
  ['g', 'Wire G', '2021-07-01', 'Vladimir Putin and Joe Biden talk regularly, officials say. Analysts were divided on whether that would ease tensions in the autumn.'],
  ['h', 'Wire H', '2021-06-16', 'Vladimir Putin will meet Joe Biden in Geneva on Wednesday. Protesters gathered near the lake shore in the morning rain.'],
];

describe('incremental linking in the store', () => {
  const dir = tempDir();
  const ctx = defaultContext();
  const files = new Map(reports.map(([id, outlet, day, text]) => {
    const path = join(dir, `${id}.jsonl`);
    writeFileSync(path, JSON.stringify({ text, outlet, published: day, title: `Report ${id}` }) + '\n');
    return [id, path];
  }));

  /** Ingests the reports one at a time in this order, linking after each; returns the store's events. */
  async function oneByOne(order: string[], name: string) {
    const store = new SqliteStore(join(dir, `${name}.db`));
    const changed: number[] = [];
    for (const id of order) {
      await ingest([files.get(id)!], store);
      analyseStore(store, ctx);
      changed.push(linkStore(store, ctx).changed);
    }
    return { store, changed };
  }

  const snapshot = (store: SqliteStore) =>
    new EventStore(store).linkedEvents({ limit: 1000 }).map((e) => ({ id: e.id, event: e.event, date: e.date.earliest, mentions: [...e.mentions].sort(), documents: e.documents.length })).sort((x, y) => (x.id < y.id ? -1 : 1));

  it('gives the same linked events whatever order the documents arrive in, and the same as relinking all', async () => {
    const ids = reports.map((r) => r[0]);
    const forward = await oneByOne(ids, 'forward');
    const backward = await oneByOne([...ids].reverse(), 'backward');
    const shuffled = await oneByOne(['d', 'g', 'a', 'f', 'c', 'h', 'e', 'b'], 'shuffled');
    const a = snapshot(forward.store);
    expect(snapshot(backward.store)).toEqual(a);
    expect(snapshot(shuffled.store)).toEqual(a);
    relinkStore(forward.store, ctx);
    expect(snapshot(forward.store)).toEqual(a);
    // the summit is one event across the reports before, on and after the day
    const summit = new EventStore(forward.store).linkedEvents({ pair: ['USA', 'RUS'], type: 'CONSULT', limit: 100 }).find((e) => e.date.earliest === '2021-06-16')!;
    expect(summit.documents.length).toBeGreaterThanOrEqual(4);
    for (const s of [forward, backward, shuffled]) s.store.close();
  });

  it('regroups only the events a new document touches', async () => {
    const { store, changed } = await oneByOne(reports.map((r) => r[0]), 'touched');
    const total = new EventStore(store).linkedEventCounts().events;
    // the second phone call report re-forms the call only
    expect(changed[5]).toBe(1);
    expect(total).toBeGreaterThan(changed[5]!);
    store.close();
  });

  it('relinks what a re-analysed document took part in', async () => {
    const { store } = await oneByOne(reports.map((r) => r[0]), 'reanalysed');
    const before = snapshot(store);
    store.db.exec('UPDATE analyses SET version = 0');
    analyseStore(store, ctx);
    linkStore(store, ctx);
    expect(snapshot(store)).toEqual(before);
    store.close();
  });
});
