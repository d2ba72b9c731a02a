import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analyze } from '../src/analyze/analyze.ts';
import { LinkIndex, linkEvents, mentionsOf, sameEvent } from '../src/link/link.ts';
import type { Document, When } from '../src/model/document.ts';
import type { EventMention } from '../src/model/linked.ts';
import { linkAnalyses } from '../src/cli/extract.ts';
import { defaultContext } from '../src/analyze/analyze.ts';
import { relationsIndex } from '../src/link/relations.ts';
import type { LinkedEvent } from '../src/model/linked.ts';

function doc(id: string, text: string, day: string | null, outlet = 'Test Wire'): Document {
  const published: When = { earliest: day, latest: day, basis: 'test' };
  return {
    id, source: id, title: null, outlet, author: null, url: null, language: 'en', published, duplicateOf: null,
    sections: [{ start: 0, end: text.length, kind: 'body', published, repeatOf: null }], repeatedBlocks: [], text, warnings: [],
  };
}

const reports = [
  doc('a', 'On Monday, Vladimir Putin and Joe Biden spoke by phone about arms control and the New START treaty.', '2021-01-27', 'Wire A'),
  doc('b', 'Joe Biden spoke by phone with Vladimir Putin on Tuesday, raising the poisoning of Alexei Navalny.', '2021-01-27', 'Wire B'),
  doc('c', 'Vladimir Putin and Joe Biden spoke by phone on June 4, 2021 about the summit in Geneva.', '2021-06-05', 'Wire C'),
  doc('d', 'Putin and Biden talk on the phone regularly, aides say.', '2021-07-01', 'Wire D'),
];
const analyses = reports.map((d) => analyze(d));
const all = analyses.flatMap(mentionsOf);

describe('linking', () => {
  it('links two reports of one call and keeps a later call apart', () => {
    const linked = linkEvents(all).filter((e) => e.event === 'CONSULT');
    const january = linked.find((e) => e.documents.includes('a'))!;
    expect(january.documents.sort()).toEqual(['a', 'b']);
    expect(linked.find((e) => e.documents.includes('c'))!.documents).toEqual(['c']);
  });

  it('does not link a habit ("they talk regularly") to any dated call', () => {
    const habit = all.find((m) => m.document === 'd');
    if (habit) expect(all.filter((m) => m.document !== 'd').some((m) => sameEvent(habit, m))).toBe(false);
  });

  it('gives the same events whatever order the documents arrive in', () => {
    const ids = (ms: EventMention[]) => {
      const index = new LinkIndex();
      for (const m of ms) index.add([m]);
      return index.components().map((g) => g.map((m) => m.id).join(',')).sort();
    };
    expect(ids([...all].reverse())).toEqual(ids(all));
    expect(ids([all[2]!, all[0]!, ...all.slice(3), all[1]!])).toEqual(ids(all));
  });

  it('describes the accounts of each source and what only one of them mentions', () => {
    const linked = linkAnalyses(new Map(analyses.map((a) => [a.document.id, a])), defaultContext());
    const call = linked.find((e) => e.documents.includes('a') && e.documents.includes('b'))!;
    expect(call.accounts.map((x) => x.outlet).sort()).toEqual(['Wire A', 'Wire B']);
    expect(call.accounts.find((x) => x.outlet === 'Wire A')!.topics).toContain('New START');
  });

  it('counts each real event once in the relations index', () => {
    const linked = linkEvents(all);
    const months = relationsIndex(linked, 'USA', 'RUS');
    expect(months.find((m) => m.month === '2021-01')!.events).toBe(1);
  });

  it('leaves an event dated only to a year out of the monthly index', () => {
    const e = { event: 'CONSULT', mode: null, status: 'occurred', actor: [{ name: 'Joe Biden', country: 'USA' }], recipient: [{ name: 'Vladimir Putin', country: 'RUS' }] };
    const yearOnly = { ...e, date: { earliest: '2016-01-01', latest: '2016-12-31' } } as unknown as LinkedEvent;
    const dayOnly = { ...e, date: { earliest: '2016-03-04', latest: '2016-03-04' } } as unknown as LinkedEvent;
    expect(relationsIndex([yearOnly, dayOnly], 'USA', 'RUS').map((m) => `${m.month}:${m.events}`)).toEqual(['2016-03:1']);
  });
});

describe('linking undated reports', () => {
  const held = analyze(doc('g1', 'Joe Biden met Vladimir Putin in Geneva on Wednesday.', '2021-06-17'));
  const after = analyze(doc('g2', 'After meeting Vladimir Putin, Joe Biden told reporters the talks had been useful.', '2021-06-18'));
  const late = analyze(doc('g3', 'After meeting Vladimir Putin, Joe Biden told reporters the talks had been useful.', '2021-09-30'));
  it('links a report naming both leaders, published days after their dated meeting, to that meeting', () => {
    const [m] = mentionsOf(held).filter((e) => e.event === 'CONSULT');
    const [u] = mentionsOf(after).filter((e) => e.event === 'CONSULT');
    expect(m!.date.earliest).toBe('2021-06-16');
    expect(u!.date.earliest).toBeNull();
    expect(sameEvent(u!, m!)).toBe(true);
  });
  it('keeps the same words published months later apart', () => {
    const [m] = mentionsOf(held).filter((e) => e.event === 'CONSULT');
    const [u] = mentionsOf(late).filter((e) => e.event === 'CONSULT');
    expect(sameEvent(u!, m!)).toBe(false);
  });
});

describe('linking a trip', () => {
  const texts: Array<[string, string, string]> = [
    ['t1', 'Antony Blinken is due to visit Moscow next week.', '2021-04-09'],
    ['t2', 'Officials expect Vladimir Putin to receive Antony Blinken on Wednesday, and Blinken will meet Sergey Lavrov on Tuesday.', '2021-04-10'],
    ['t3', 'Antony Blinken held talks with Sergey Lavrov in Moscow on Tuesday.', '2021-04-14'],
    ['t4', 'Antony Blinken wrapped up his visit to Moscow on Wednesday after meeting Vladimir Putin in the Kremlin.', '2021-04-15'],
    ['t5', 'Vladimir Putin and Antony Blinken will meet in Moscow on Wednesday.', '2021-04-11'],
  ];
  const ms = texts.flatMap(([id, t, d]) => mentionsOf(analyze(doc(id, t, d)))).filter((m) => m.event === 'CONSULT' || m.event === 'AGREE');
  it('links the visit, the meetings during it and their announcements into one event', () => {
    const linked = linkEvents(ms).filter((e) => e.documents.length > 1);
    expect(linked).toHaveLength(1);
    expect(linked[0]!.event).toBe('CONSULT');
    expect([...linked[0]!.documents].sort()).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });
});

describe('divergences', () => {
  const a = analyze(doc('x1', 'Antony Blinken met Sergey Lavrov in Moscow on Monday.', '2021-04-13', 'Wire X'));
  const b = analyze(doc('x2', 'Antony Blinken met Sergey Lavrov in Moscow on Wednesday.', '2021-04-15', 'Wire Y'));
  const c = analyze(doc('x3', 'Antony Blinken is meeting Sergey Lavrov in Moscow right now.', '2021-04-14', 'Wire Z'));
  const eventOf = (docs: typeof a[]) => linkAnalyses(new Map(docs.map((d) => [d.document.id, d])), defaultContext()).find((e) => e.documents.length === docs.length)!;
  it('finds different dates when both reports state a day', () => {
    expect(eventOf([a, b]).divergences.map((d) => d.kind)).toContain('date');
  });
  it('finds none when one report dates it by "now" only', () => {
    expect(eventOf([a, c]).divergences.map((d) => d.kind)).not.toContain('date');
  });
});

describe('contradictions', () => {
  const contradictions = (texts: string[]) => {
    const as = texts.map((t, i) => analyze(doc(`k${i}`, t, '2021-04-14', `Wire ${i}`)));
    const ev = linkAnalyses(new Map(as.map((d) => [d.document.id, d])), defaultContext()).find((e) => e.event === 'CONSULT' && e.documents.length === texts.length)!;
    return ev.divergences.filter((d) => d.kind === 'contradiction').map((d) => d.evidence[0]!.text);
  };
  it('finds a denial of what the report says of the event', () => {
    const found = contradictions([
      'Antony Blinken met Sergey Lavrov in Moscow on Tuesday. The Russian side later denied the American statement that sanctions were raised.',
      'Antony Blinken held talks with Sergey Lavrov in Moscow on Tuesday.',
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/denied the American statement/);
  });
  it('ignores a denial further on that is about something else', () => {
    const found = contradictions([
      'Antony Blinken met Sergey Lavrov in Moscow on Tuesday. The two spoke for an hour about Ukraine. Separately, a mayor in Ohio ' +
        'said he had met his budget targets. A local businessman denied a statement by the city council that he owed taxes.',
      'Antony Blinken held talks with Sergey Lavrov in Moscow on Tuesday.',
    ]);
    expect(found).toEqual([]);
  });
});

describe('undated reports without a publication date', () => {
  it('does not tie a report that dates neither the call nor itself to a dated call by the mode alone', () => {
    const dated = mentionsOf(analyze(doc('u1', 'Joe Biden and Vladimir Putin spoke by phone on Tuesday.', '2021-01-27', 'Wire A')));
    const undated = mentionsOf(analyze(doc('u2', 'In a phone call with Vladimir Putin, Joe Biden was firm.', null, 'Wire B')));
    const both = linkEvents([...dated, ...undated]).filter((e) => e.event === 'CONSULT');
    expect(both.some((e) => e.documents.length === 2)).toBe(false);
  });
});

describe('undated reports that share only a mode', () => {
  it('needs the people of both sides, or a place or topic, to join a dated event', () => {
    const dated = mentionsOf(analyze(doc('v1', 'Joe Biden visited Russia on Tuesday and met Vladimir Putin.', '2021-05-12', 'Wire A')));
    const undated = mentionsOf(analyze(doc('v2', 'Joe Biden travelled to Russia, an aide said.', '2021-06-01', 'Wire B')));
    expect(undated.some((m) => m.event === 'CONSULT' && m.mode === 'visit')).toBe(true);
    const linked = linkEvents([...dated, ...undated]).filter((e) => e.event === 'CONSULT');
    expect(linked.some((e) => e.documents.length === 2)).toBe(false);
  });
});

describe('linking on weak evidence', () => {
  it('does not link a report that dates neither itself nor the event through a common topic alone', () => {
    const dated = analyze(doc('w0', 'Joe Biden met Vladimir Putin on Wednesday to discuss the elections.', '2021-06-17'));
    const undated = analyze(doc('w00', 'Joe Biden and Vladimir Putin discussed the elections.', null));
    const [m] = mentionsOf(dated).filter((e) => e.event === 'CONSULT');
    const [u] = mentionsOf(undated).filter((e) => e.event === 'CONSULT');
    expect(u!.topics).toEqual(m!.topics);
    expect(sameEvent(u!, m!)).toBe(false);
  });
  const held = analyze(doc('w1', 'Joe Biden met Vladimir Putin in Geneva on Wednesday to discuss the elections.', '2021-06-17'));
  it('keeps a meeting dated only "this year" by other people of the same states apart from a dated summit', () => {
    const vague = analyze(doc('w2', 'American officials visited Moscow twice this year.', '2021-09-20'));
    const [m] = mentionsOf(held).filter((e) => e.event === 'CONSULT');
    const [v] = mentionsOf(vague).filter((e) => e.event === 'CONSULT');
    expect(v!.date.latest! > v!.date.earliest!).toBe(true);
    expect(sameEvent(v!, m!)).toBe(false);
  });
  it('does not link an undated meeting to a dated one through one shared person and a common topic', () => {
    const undated = analyze(doc('w3', 'American diplomats met Vladimir Putin to discuss the elections.', null));
    const [m] = mentionsOf(held).filter((e) => e.event === 'CONSULT');
    const [u] = mentionsOf(undated).filter((e) => e.event === 'CONSULT');
    expect(u!.topics).toEqual(m!.topics);
    expect(sameEvent(u!, m!)).toBe(false);
  });
});
