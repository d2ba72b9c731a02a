/**
 * The quote finder on sentences written for these tests, with hand-made mentions (so the checks do not depend
 * on the knowledge base), then on the five seed articles in ../shared (skipped without it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { findQuotes } from '../src/analyze/quotes.ts';
import { tokenize } from '../src/analyze/sentences.ts';
import { prepare } from '../src/ingest/prepare.ts';
import type { Actor, Mention, MentionKind, Quote } from '../src/model/annotations.ts';
import type { Span } from '../src/model/document.ts';
import { shared } from './helpers.ts';

const actor = (name: string, country: string | null, sector: Actor['sector'] = 'GOV'): Actor => ({ name, country, sector, role: null, id: null });
const LAVROV = actor('Sergey Lavrov', 'RUS');
const BLINKEN = actor('Antony Blinken', 'USA');
const PUTIN = actor('Vladimir Putin', 'RUS');
const BIDEN = actor('Joe Biden', 'USA');

interface Mark {
  phrase: string;
  kind: MentionKind;
  actor?: Actor | null;
  members?: Actor[];
  /** which occurrence of the phrase, 1-based */
  nth?: number;
}

/** Offset of the nth occurrence of a phrase as whole words. */
function at(text: string, phrase: string, nth = 1): number {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  let m: RegExpExecArray | null = null;
  for (let n = 0; n < nth; n++) {
    m = re.exec(text);
    if (!m) throw new Error(`"${phrase}" (#${nth}) is not in the test text`);
  }
  return m!.index;
}

/** Quotes of a text as words: speaker name, speaker words, cue words, content words. */
function quotes(text: string, marks: Mark[] = [], docId = 'doc') {
  const { sentences, tokens } = tokenize(text, [{ start: 0, end: text.length, kind: 'body' }]);
  const mentions: Mention[] = marks
    .map((m) => {
      const start = at(text, m.phrase, m.nth);
      return { start, end: start + m.phrase.length, text: m.phrase, kind: m.kind, actor: m.actor ?? null, ...(m.members ? { members: m.members } : {}) };
    })
    .sort((a, b) => a.start - b.start);
  const words = (s: Span | null) => (s ? text.slice(s.start, s.end) : null);
  return findQuotes(text, sentences, tokens, mentions, docId).map((q: Quote) => ({
    id: q.id, kind: q.kind, speaker: q.speaker?.name ?? null, who: words(q.speakerSpan), cue: words(q.cue), content: words(q.content), actor: q.speaker,
  }));
}

describe('direct quotations', () => {
  it('reads a cue after the quotation, in either order, and a split quotation', () => {
    const text = '“We will not accept new sanctions,” Lavrov said on Tuesday. “The door to talks remains open,” said Blinken. ' +
      '“The meeting was useful,” he said, “but much remains to be done.”';
    const q = quotes(text, [
      { phrase: 'Lavrov', kind: 'person', actor: LAVROV },
      { phrase: 'Blinken', kind: 'person', actor: BLINKEN },
      { phrase: 'he', kind: 'pronoun', actor: BLINKEN },
    ]);
    expect(q.map(({ kind, speaker, who, cue, content }) => ({ kind, speaker, who, cue, content }))).toEqual([
      { kind: 'direct', speaker: 'Sergey Lavrov', who: 'Lavrov', cue: 'said', content: 'We will not accept new sanctions' },
      { kind: 'direct', speaker: 'Antony Blinken', who: 'Blinken', cue: 'said', content: 'The door to talks remains open' },
      { kind: 'direct', speaker: 'Antony Blinken', who: 'he', cue: 'said', content: 'The meeting was useful' },
      { kind: 'direct', speaker: 'Antony Blinken', who: 'he', cue: 'said', content: 'but much remains to be done.' },
    ]);
  });

  it('numbers quotes as docId:qN in text order', () => {
    const q = quotes('“Talks will resume in Geneva,” Lavrov said. Blinken said the date was not fixed.', [
      { phrase: 'Lavrov', kind: 'person', actor: LAVROV },
      { phrase: 'Blinken', kind: 'person', actor: BLINKEN },
    ], 'abc123');
    expect(q.map((x) => x.id)).toEqual(['abc123:q1', 'abc123:q2']);
  });

  it('follows “…, saying:” across a blank line to the quotation that opens the next paragraph', () => {
    const text = 'The Kremlin spokesman dismissed the report on Wednesday, saying:\n\n“There is no truth in these claims. We have said so many times.”';
    const q = quotes(text, [{ phrase: 'Kremlin spokesman', kind: 'role', actor: actor('Dmitry Peskov', 'RUS') }]);
    expect(q.map((x) => [x.kind, x.cue])).toEqual([['indirect', 'dismissed'], ['direct', 'saying']]);
    expect(q[1]).toMatchObject({ kind: 'direct', speaker: 'Dmitry Peskov', who: 'Kremlin spokesman', cue: 'saying', content: 'There is no truth in these claims. We have said so many times.' });
  });

  it('attributes a quote-only paragraph to the speaker of the quotation before it, and a quote running over two paragraphs', () => {
    const text = 'Speaking after the summit, Stoltenberg said:\n\n“The alliance stands united.\n\n“We will defend every inch of allied territory.”\n\n' +
      '“Nobody should doubt our resolve.”\n\nMarkets barely moved on the news.\n\n“This is not the time for complacency.”';
    const q = quotes(text, [{ phrase: 'Stoltenberg', kind: 'person', actor: actor('Jens Stoltenberg', 'NATO', 'IGO') }]);
    expect(q.map((x) => [x.kind, x.speaker, x.content])).toEqual([
      ['direct', 'Jens Stoltenberg', 'The alliance stands united.'],
      ['direct', 'Jens Stoltenberg', 'We will defend every inch of allied territory.'],
      ['direct', 'Jens Stoltenberg', 'Nobody should doubt our resolve.'],
      // a paragraph of the author's own stands between: no speaker is carried over it
      ['direct', null, 'This is not the time for complacency.'],
    ]);
  });

  it('carries a speaker named in an indirect report to the quotation after it', () => {
    const text = 'Erdogan said Turkey would not block the bid for now.\n\n“We have received the assurances we asked for,” he added.\n\n“Our concerns were heard.”';
    const q = quotes(text, [
      { phrase: 'Erdogan', kind: 'person', actor: actor('Recep Tayyip Erdoğan', 'TUR') },
      { phrase: 'Turkey', kind: 'country', actor: actor('Turkey', 'TUR', null) },
      { phrase: 'he', kind: 'pronoun', actor: actor('Recep Tayyip Erdoğan', 'TUR') },
    ]);
    expect(q.map((x) => [x.kind, x.speaker, x.cue])).toEqual([
      ['indirect', 'Recep Tayyip Erdoğan', 'said'],
      ['direct', 'Recep Tayyip Erdoğan', 'added'],
      ['direct', 'Recep Tayyip Erdoğan', null],
    ]);
  });

  it('keeps editorial brackets inside the quotation and reads straight and single quote marks', () => {
    const q = quotes('Sullivan said: “(W)e will respond to any attack on (our) forces.” "We expect a reply soon," the envoy said. ‘We have made progress,’ a senior diplomat told me.', [
      { phrase: 'Sullivan', kind: 'person', actor: actor('Jake Sullivan', 'USA') },
    ]);
    expect(q.map((x) => [x.kind, x.speaker, x.who, x.cue, x.content])).toEqual([
      ['direct', 'Jake Sullivan', 'Sullivan', 'said', '(W)e will respond to any attack on (our) forces.'],
      ['direct', 'envoy', 'the envoy', 'said', 'We expect a reply soon'],
      ['direct', 'senior diplomat', 'a senior diplomat', 'told me', 'We have made progress'],
    ]);
  });

  it('does not take a speaker from inside a quotation', () => {
    const text = 'Kerry told the committee: “As Lavrov said to me, he is ready to talk. He also said he would call Tillerson.”';
    const q = quotes(text, [
      { phrase: 'Kerry', kind: 'person', actor: actor('John Kerry', 'USA') },
      { phrase: 'Lavrov', kind: 'person', actor: LAVROV },
      { phrase: 'he', kind: 'pronoun', actor: LAVROV },
    ]);
    expect(q.map((x) => [x.kind, x.speaker])).toEqual([['direct', 'John Kerry']]);
  });

  it('takes the author from a signature line under the quotation', () => {
    const q = quotes('“The sanctions hurt ordinary people far more than the elite.”\n\n“Nobody in Moscow expects them to be lifted soon.”\n\nAnna Petrova, Kommersant');
    expect(q.map((x) => [x.kind, x.speaker, x.who])).toEqual([
      ['direct', 'Anna Petrova', 'Anna Petrova'],
      ['direct', 'Anna Petrova', 'Anna Petrova'],
    ]);
  });
});

describe('mixed quotations', () => {
  it('attributes a partial quotation to the speaker of the cue that governs it', () => {
    const text = 'Biden expressed “firm support” for Kyiv. The Washington Post said Kerry “misjudged the mood in Moscow.” ' +
      'Lavrov “gave assurances that the exercises were routine.”';
    const q = quotes(text, [
      { phrase: 'Biden', kind: 'person', actor: BIDEN },
      { phrase: 'Kyiv', kind: 'metonym', actor: actor('Kyiv', 'UKR') },
      { phrase: 'Kerry', kind: 'person', actor: actor('John Kerry', 'USA') },
      { phrase: 'Moscow', kind: 'metonym', actor: actor('Moscow', 'RUS') },
      { phrase: 'Lavrov', kind: 'person', actor: LAVROV },
    ]);
    expect(q.map((x) => [x.kind, x.speaker, x.who, x.cue, x.content])).toEqual([
      ['mixed', 'Joe Biden', 'Biden', 'expressed', 'firm support'],
      ['mixed', 'Washington Post', 'The Washington Post', 'said', 'misjudged the mood in Moscow.'],
      ['mixed', 'Sergey Lavrov', 'Lavrov', null, 'gave assurances that the exercises were routine.'],
    ]);
    expect(q[1]!.actor).toEqual({ text: 'The Washington Post', name: 'Washington Post', country: null, sector: 'MED', role: null, id: null });
  });

  it('gives two quoted parts of one report the same cue, and a coordinated verb its subject', () => {
    const text = 'He added that the journalist had been “detained without charge” and “should be freed at once.” ' +
      'Putin congratulated Biden by phone, and said he “was ready for contacts” with the new team.';
    const q = quotes(text, [
      { phrase: 'He', kind: 'pronoun', actor: BLINKEN },
      { phrase: 'Putin', kind: 'person', actor: PUTIN },
      { phrase: 'Biden', kind: 'person', actor: BIDEN },
      { phrase: 'he', kind: 'pronoun', actor: BIDEN },
    ]);
    expect(q.map((x) => [x.kind, x.speaker, x.cue, x.content])).toEqual([
      ['mixed', 'Antony Blinken', 'added', 'detained without charge'],
      ['mixed', 'Antony Blinken', 'added', 'should be freed at once.'],
      ['mixed', 'Vladimir Putin', 'said', 'was ready for contacts'],
    ]);
  });

  it('finds the speaker after "by" in a passive, and the first member of a group', () => {
    const text = 'Putin was called a “killer” by the US president. Both ministers agreed to keep talking, “on matters of mutual concern.”';
    const q = quotes(text, [
      { phrase: 'Putin', kind: 'person', actor: PUTIN },
      { phrase: 'the US president', kind: 'role', actor: BIDEN },
      { phrase: 'Both ministers', kind: 'group', members: [LAVROV, BLINKEN] },
    ]);
    expect(q.map((x) => [x.kind, x.speaker, x.who, x.cue])).toEqual([
      ['mixed', 'Joe Biden', 'the US president', 'called'],
      ['mixed', 'Sergey Lavrov', 'Both ministers', null],
    ]);
  });

  it('skips scare quotes and titles', () => {
    const q = quotes('The so-called “peace plan” went nowhere. The “reset” failed. He wrote a book titled “The Return of Great Power Rivalry in Europe.”', [
      { phrase: 'He', kind: 'pronoun', actor: LAVROV },
    ]);
    expect(q).toEqual([]);
  });
});

describe('indirect speech', () => {
  it('reads said, according to, urged, called on, told and accused', () => {
    const text = 'Lavrov said Russia had no plans to attack anyone. According to the Kremlin’s website, both leaders agreed to extend the treaty. ' +
      'Macron urged Tehran to return to the negotiating table. The foreign ministers called on Israel to halt settlement construction. ' +
      'Erdogan told reporters that Turkey would not block the bid. Zakharova accused Washington of meddling in Georgian politics. ' +
      'The envoy left Kabul on Friday, according to two Western diplomats.';
    const q = quotes(text, [
      { phrase: 'Lavrov', kind: 'person', actor: LAVROV },
      { phrase: 'Russia', kind: 'country', actor: actor('Russia', 'RUS', null) },
      { phrase: 'Kremlin', kind: 'metonym', actor: actor('the Kremlin', 'RUS') },
      { phrase: 'Macron', kind: 'person', actor: actor('Emmanuel Macron', 'FRA') },
      { phrase: 'Tehran', kind: 'metonym', actor: actor('Tehran', 'IRN') },
      { phrase: 'Israel', kind: 'country', actor: actor('Israel', 'ISR', null) },
      { phrase: 'Erdogan', kind: 'person', actor: actor('Recep Tayyip Erdoğan', 'TUR') },
      { phrase: 'Turkey', kind: 'country', actor: actor('Turkey', 'TUR', null) },
      { phrase: 'Zakharova', kind: 'person', actor: actor('Maria Zakharova', 'RUS') },
      { phrase: 'Washington', kind: 'metonym', actor: actor('Washington', 'USA') },
      { phrase: 'Kabul', kind: 'metonym', actor: actor('Kabul', 'AFG') },
    ]);
    expect(q.map((x) => [x.kind, x.speaker, x.who, x.cue, x.content])).toEqual([
      ['indirect', 'Sergey Lavrov', 'Lavrov', 'said', 'Russia had no plans to attack anyone'],
      ['indirect', 'Kremlin’s website', 'the Kremlin’s website', 'According to', 'both leaders agreed to extend the treaty'],
      ['indirect', 'Emmanuel Macron', 'Macron', 'urged', 'Tehran to return to the negotiating table'],
      ['indirect', 'foreign ministers', 'The foreign ministers', 'called on', 'Israel to halt settlement construction'],
      ['indirect', 'Recep Tayyip Erdoğan', 'Erdogan', 'told reporters', 'Turkey would not block the bid'],
      ['indirect', 'Maria Zakharova', 'Zakharova', 'accused', 'Washington of meddling in Georgian politics'],
      ['indirect', 'two Western diplomats', 'two Western diplomats', 'according to', 'The envoy left Kabul on Friday'],
    ]);
    expect(q[1]!.actor).toEqual({ text: 'the Kremlin’s website', name: 'Kremlin’s website', country: 'RUS', sector: 'GOV', role: null, id: null });
    expect(q[6]!.actor).toMatchObject({ name: 'two Western diplomats', country: null, sector: 'GOV' });
  });

  it('builds speakers from outlets, statements and officials, with the country of a mention inside the words', () => {
    const text = 'Reuters reported that the two sides met in Doha. A Chinese Foreign Ministry statement said the visit was a provocation. ' +
      'US analysts have warned that the deal could collapse. Lavrov’s statement said the talks were frank.';
    const q = quotes(text, [
      { phrase: 'Chinese Foreign Ministry', kind: 'metonym', actor: actor('Chinese Foreign Ministry', 'CHN') },
      { phrase: 'US', kind: 'country', actor: actor('United States', 'USA', null) },
      { phrase: 'Lavrov', kind: 'person', actor: LAVROV },
    ]);
    expect(q.map((x) => [x.speaker, x.actor?.country ?? null, x.actor?.sector ?? null, x.who, x.cue])).toEqual([
      ['Reuters', null, 'MED', 'Reuters', 'reported'],
      ['Chinese Foreign Ministry statement', 'CHN', 'GOV', 'A Chinese Foreign Ministry statement', 'said'],
      ['US analysts', 'USA', null, 'US analysts', 'warned'],
      // a person's statement is the person speaking
      ['Sergey Lavrov', 'RUS', 'GOV', 'Lavrov’s statement', 'said'],
    ]);
  });

  it('reads an inverted or trailing cue as a report of the clause before it, and cuts a report where another begins', () => {
    const text = 'Russia will respond in kind, Sergey Lavrov, the foreign minister, said on Monday. ' +
      'According to the Wall Street Journal, Bolton plans to visit Moscow, Trump saying the trip was his idea. ' +
      'The talks will not resume this week, his spokesman said, because the delegations have gone home.';
    const q = quotes(text, [
      { phrase: 'Russia', kind: 'country', actor: actor('Russia', 'RUS', null) },
      { phrase: 'Sergey Lavrov', kind: 'person', actor: LAVROV },
      { phrase: 'Bolton', kind: 'person', actor: actor('John Bolton', 'USA') },
      { phrase: 'Moscow', kind: 'metonym', actor: actor('Moscow', 'RUS') },
      { phrase: 'Trump', kind: 'person', actor: actor('Donald Trump', 'USA') },
      { phrase: 'spokesman', kind: 'role', actor: actor('Dmitry Peskov', 'RUS') },
    ]);
    expect(q.map((x) => [x.speaker, x.cue, x.content])).toEqual([
      ['Sergey Lavrov', 'said', 'Russia will respond in kind'],
      ['Wall Street Journal', 'According to', 'Bolton plans to visit Moscow'],
      ['Donald Trump', 'saying', 'the trip was his idea'],
      ['Dmitry Peskov', 'said', 'The talks will not resume this week'],
    ]);
  });

  it('ignores negated, passive, infinitive and adjectival uses of reporting verbs', () => {
    const text = 'Lavrov did not say whether Moscow would retaliate. Blinken was asked whether the talks had failed. ' +
      'Putin refused to comment on the report. Trump’s announced pullout worried the allies. Russia will respond to any provocation. ' +
      'The United States formally left the treaty on Friday. The oligarch wrote the largest check — $2 million — followed by two others.';
    const q = quotes(text, [
      { phrase: 'Lavrov', kind: 'person', actor: LAVROV },
      { phrase: 'Moscow', kind: 'metonym', actor: actor('Moscow', 'RUS') },
      { phrase: 'Blinken', kind: 'person', actor: BLINKEN },
      { phrase: 'Putin', kind: 'person', actor: PUTIN },
      { phrase: 'Trump', kind: 'person', actor: actor('Donald Trump', 'USA') },
      { phrase: 'Russia', kind: 'country', actor: actor('Russia', 'RUS', null) },
      { phrase: 'United States', kind: 'country', actor: actor('United States', 'USA', null) },
    ]);
    expect(q).toEqual([]);
  });

  it('uses the actor of a pronoun mention, and without one the subject of the sentence before', () => {
    const text = 'Johnson spoke to Zelensky on Monday. He said Britain would send more air defence systems.';
    const withMention = quotes(text, [
      { phrase: 'Johnson', kind: 'person', actor: actor('Boris Johnson', 'GBR') },
      { phrase: 'Zelensky', kind: 'person', actor: actor('Volodymyr Zelensky', 'UKR') },
      { phrase: 'He', kind: 'pronoun', actor: actor('Boris Johnson', 'GBR') },
    ]);
    expect(withMention.map((x) => [x.kind, x.speaker, x.who])).toEqual([['indirect', 'Boris Johnson', 'He']]);
    const without = quotes(text, [
      { phrase: 'Johnson', kind: 'person', actor: actor('Boris Johnson', 'GBR') },
      { phrase: 'Zelensky', kind: 'person', actor: actor('Volodymyr Zelensky', 'UKR') },
    ]);
    expect(without.map((x) => [x.speaker, x.who])).toEqual([['Boris Johnson', 'He']]);
  });

  it('stays linear: a long document with many quotes is fast', () => {
    const para = '“We discussed the grain corridor and prisoner exchanges in detail,” Lavrov said. Blinken said the sides would meet again in Vienna.\n\n';
    const text = para.repeat(1500);
    const t0 = performance.now();
    const q = quotes(text, []);
    expect(q).toHaveLength(3000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

// ── the seed articles ────────────────────────────────────────────────────────────────────────────────────────

const seeds = shared('corpus', 'seeds');

/** Every direct and mixed quotation of the seeds, by the words it starts with: [speaker words, speaker name]. */
const SEED_QUOTES: Record<string, Array<[string, string, string]>> = {
  '000': [
    ['firm support', 'Biden', 'Joe Biden'],
    ['Russia plac(ed) bounties', 'He', 'Joe Biden'],
    ['killer', '*', 'Joe Biden'],
    ['It makes sense to have a talk', 'Putin', 'Vladimir Putin'],
  ],
  '001': [
    ['diplomats discussed problems', 'A Russian Foreign Ministry statement', 'Russian Foreign Ministry statement'],
    ['Lavrov called on Washington', 'A Russian Foreign Ministry statement', 'Russian Foreign Ministry statement'],
    ['on issues of the bilateral agenda', 'Both diplomats', '*'],
    ['(N)ew evidence has emerged', 'Lavrov', 'Sergey Lavrov'],
    ['tak(ing) the heat off', 'Lavrov', 'Sergey Lavrov'],
    ['an extremely dangerous game', 'He', 'Sergey Lavrov'],
    ['We heard about this statement', 'Dmitry Peskov', 'Dmitry Peskov'],
    ['We do not believe', 'Dmitry Peskov', 'Dmitry Peskov'],
    ['You know that cases', 'Dmitry Peskov', 'Dmitry Peskov'],
  ],
  '002': [
    ['it would be useful to offer', 'Putin', 'Vladimir Putin'],
    ['(W)e are sometimes surprised', 'he', 'Vladimir Putin'],
    ['(w)e discussed our continuing', 'he', 'John Bolton'],
    ['(W)e we had lengthy', 'he', 'John Bolton'],
    ['discussion (with) Putin', 'His', 'John Bolton'],
    ['As President Putin said', 'His', 'John Bolton'],
    ['(i)t’s a threat', 'he', 'Donald Trump'],
    ['rejected Russian entreaties', 'The NYT', 'NYT'],
  ],
  '003': [
    ['our resolve to act firmly', 'Blinken', 'Antony Blinken'],
    ['As we continue to engage', 'he', 'Antony Blinken'],
    ['we remain clear', 'he', 'Antony Blinken'],
    ['gave detailed explanations', 'Lavrov', 'Sergey Lavrov'],
    ['persecution of the protesters', 'He', 'Sergey Lavrov'],
    ['ensure transparency', 'He', 'Sergey Lavrov'],
    ['made it clear to President Putin', 'he', 'Joe Biden'],
    ['targeted for exposing corruption', 'He', 'Joe Biden'],
    ['should be released immediately', 'He', 'Joe Biden'],
    ['was ready for cooperation', 'Putin', 'Vladimir Putin'],
  ],
  '004': [
    ['I don’t think that anybody', 'a senior administration official', 'senior administration official'],
    ['Our theory of this', 'a senior administration official', 'senior administration official'],
    ['We are willing to isolate', 'another senior administration official', 'another senior administration official'],
    ['If there was a settlement', 'another senior administration official', 'another senior administration official'],
  ],
};

describe('seed articles: quotes', { skip: seeds.missing ?? false }, () => {
  const docs = seeds.missing
    ? []
    : readdirSync(seeds.path).sort().map((f) => {
      const d = prepare({ kind: 'file', source: f, format: 'text', bytes: readFileSync(join(seeds.path, f)) }, { maxBytes: 1e7 }).document;
      return { key: f.slice(0, 3), doc: d, ...tokenize(d.text, d.sections) };
    });

  const check = (mentionsOf: (d: (typeof docs)[number]) => Mention[], names: boolean) => {
    for (const d of docs) {
      const found = findQuotes(d.doc.text, d.sentences, d.tokens, mentionsOf(d), d.doc.id);
      const quoted = found.filter((q) => q.kind !== 'indirect');
      const words = (s: Span | null) => (s ? d.doc.text.slice(s.start, s.end) : null);
      // every quotation is in the list, and every one has its speaker
      expect({ doc: d.key, quotations: quoted.map((q) => words(q.content)!.slice(0, 24)) }).toEqual({ doc: d.key, quotations: SEED_QUOTES[d.key]!.map(([c]) => expect.stringMatching(new RegExp(`^${c.slice(0, 24).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))) });
      SEED_QUOTES[d.key]!.forEach(([content, who, name], i) => {
        const q = quoted[i]!;
        const got = { doc: d.key, content, who: who === '*' ? '*' : words(q.speakerSpan), name: !names || name === '*' ? '*' : q.speaker?.name, hasSpeaker: !!q.speaker };
        expect(got).toEqual({ doc: d.key, content, who, name: names ? name : '*', hasSpeaker: true });
      });
    }
  };

  it('finds every quotation and names its speaker from the words alone (no mentions)', () => {
    check(() => [], false);
  });

  it('resolves every speaker with the mention resolver and the bundled knowledge base', async (t) => {
    let mentionsOf: ((d: (typeof docs)[number]) => Mention[]) | null = null;
    try {
      const { findMentions } = await import('../src/analyze/mentions.ts');
      const { Gazetteer } = await import('../src/kb/gazetteer.ts');
      const { defaultKnowledgeBase } = await import('../src/kb/knowledge-base.ts');
      const gazetteer = new Gazetteer(defaultKnowledgeBase());
      mentionsOf = (d) => findMentions(d.doc.text, d.tokens, d.sentences, d.doc.sections, gazetteer).mentions;
    } catch (e) {
      t.skip(`the mention resolver or its knowledge base does not load: ${(e as Error).message}`);
      return;
    }
    check(mentionsOf, true);
  });

  it('reads the indirect reports of the seeds', () => {
    const d = docs.find((x) => x.key === '004')!;
    const found = findQuotes(d.doc.text, d.sentences, d.tokens, [], d.doc.id).filter((q) => q.kind === 'indirect');
    const said = found.map((q) => [d.doc.text.slice(q.speakerSpan!.start, q.speakerSpan!.end), d.doc.text.slice(q.cue!.start, q.cue!.end)]);
    expect(said).toEqual(expect.arrayContaining([['Mccain', 'says'], ['three senior administration officials', 'according to'], ['two officials', 'according to'], ['Kerry', 'announced']]));
  });
});

describe('quotations a text quotes another as saying', () => {
  it('gives the quotation to the one quoted even when the tagger reads "quotes" as a noun', () => {
    const text = '“You think I am stupid, I was not going to Vietnam,” the book quotes Trump as saying.';
    const q = quotes(text, [{ phrase: 'Trump', kind: 'person', actor: actor('Donald Trump', 'USA') }]);
    expect(q.map(({ speaker, who }) => ({ speaker, who }))).toEqual([{ speaker: 'Donald Trump', who: 'Trump' }]);
  });
});
