import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { prepare } from '../src/ingest/prepare.ts';
import { cleanText, normaliseMarkup } from '../src/ingest/clean.ts';
import { FIXTURES } from './helpers.ts';

const file = (name: string) => prepare({ kind: 'file', source: name, format: 'text', bytes: readFileSync(join(FIXTURES, name)) }, { maxBytes: 1e7 }).document;

describe('text cleaner', () => {
  const doc = file('blog-post.txt');

  it('keeps the article and removes every kind of page furniture', () => {
    expect(doc.text.startsWith('On Wednesday, the Turkish foreign minister hosted')).toBe(true);
    expect(doc.text).toContain('which made the session notable in itself.');
    for (const junk of ['Also on', 'Share this', 'VISIT MY WEBSITE', 'Contact at', 'My new book', 'Leave a Reply', 'commenting using', 'bloggers like', 'Why Sanctions Rarely Work', 'March 3, 2023', 'by Ada Quill']) {
      expect(doc.text).not.toContain(junk);
    }
  });

  it('reads title, author and outlet from the lines it removed', () => {
    expect(doc.title).toBe('Envoys Trade Words Over Grain Corridor');
    expect(doc.author).toBe('Ada Quill');
    expect(doc.outlet).toBe('quillnotes.net');
  });

  it('dates a post by its neighbours only as a stated estimate', () => {
    expect(doc.published).toMatchObject({ earliest: '2023-03-03', latest: '2023-03-03', estimate: true });
    expect(doc.published.basis).toMatch(/estimate: the neighbouring posts/);
  });

  it('reads a dateline and ignores "Updated … ago", which is relative to the crawl', () => {
    const c = cleanText('A headline about talks\n12 Mar, 2022 10:15 / Updated 3 years ago\nThe two ministers met in the Turkish resort on Thursday and agreed to meet again.');
    expect(c.captures.find((x) => x.field === 'date')?.value).toBe('12 Mar, 2022');
    expect(c.paragraphs.map((p) => p.text)).toEqual(['The two ministers met in the Turkish resort on Thursday and agreed to meet again.']);
  });

  it('does not cut an article at a footer phrase near its top', () => {
    const c = cleanText('Title line here\nNote to readers: this piece was updated with the minister\'s remarks and the final communique.\n' + 'The summit ended with a joint statement on trade and security that both sides welcomed.\n'.repeat(3));
    expect(c.paragraphs.length).toBeGreaterThanOrEqual(3);
  });

  it('removes a name\'s hover card, a video box and a flattened photo gallery from between the paragraphs', () => {
    const c = cleanText([
      'Senators weigh in on the summit',
      'Sen. Jo Harlan Joanna (Jo) May HarlanSenate passes farm bill Harlan hosts town hall on tariffs MORE (R-Ore.) criticised the meeting with the Russian leader on Monday.',
      'JUST WATCHED Envoys meet in Vienna Replay More Videos ... MUST WATCH Envoys meet in Vienna 01:12',
      'Photos: Photos: Talks in Vienna Talks in Vienna – delegates arrive at the palace. Hide Caption 2 of 9 Photos: Photos: Talks in Vienna',
      'Rep. Sam Ortiz Sam Ortiz2020 hopefuls court veterans MORE said the talks should go on, and the president agreed.',
    ].join('\n\n'));
    expect(c.paragraphs.map((p) => p.text)).toEqual([
      'Sen. Jo Harlan (R-Ore.) criticised the meeting with the Russian leader on Monday.',
      'Rep. Sam Ortiz said the talks should go on, and the president agreed.',
    ]);
    // a surname said twice in running prose is no card
    const prose = 'Kerry met Kerry Kennedy Smith at the embassy, where MORE aid was promised.';
    expect(cleanText(`A title here\n\n${prose}`).paragraphs[0]!.text).toBe(prose);
  });

  it('strips Markdown links and emphasis but keeps their words', () => {
    expect(normaliseMarkup('By [Ada Quill](#) and **Ben** *Ray*')).toBe('By Ada Quill and Ben Ray');
    expect(normaliseMarkup('see <https://example.test/a>')).toBe('see https://example.test/a');
  });
});

describe('sections', () => {
  const doc = file('forum-thread.txt');

  it('splits a forum post from the column it pastes, twice, and marks the repeat', () => {
    expect(doc.sections.map((s) => s.kind)).toEqual(['post', 'quoted', 'repeat']);
    expect(doc.sections[2]!.repeatOf).toBe(1);
    expect(doc.author).toBe('coastwatch');
    expect(doc.published).toMatchObject({ earliest: '2020-11-02', latest: '2020-11-02' });
  });

  it('gives the quoted column the date of its URL, and the repeat the same', () => {
    expect(doc.sections[1]!.published).toMatchObject({ earliest: '2015-07-15', latest: '2015-07-15' });
    expect(doc.sections[1]!.published.basis).toMatch(/URL of the quoted article/);
    expect(doc.sections[2]!.published.earliest).toBe('2015-07-15');
  });

  it('sections are spans of the one clean text', () => {
    for (const s of doc.sections) expect(s.end).toBeGreaterThan(s.start);
    const [post, quoted, repeat] = doc.sections.map((s) => doc.text.slice(s.start, s.end));
    expect(post).toMatch(/^Found this piece/);
    expect(quoted).toMatch(/^Negotiators close the book/);
    expect(repeat).toBe(quoted);
  });

  it('finds a block pasted twice inside an ordinary article', () => {
    const para = 'The delegations met for three hours in the old palace and agreed on a timetable for prisoner exchanges before the holidays.';
    const other = 'Both sides said the talks would resume in the spring, and the mediators offered to host them again in the same city.';
    const d = prepare({ kind: 'record', source: 'r', raw: 'x', record: { title: 'Talks', text: `${para}\n\n${other}\n\n${para}\n\n${other}` } }, { maxBytes: 1e7 }).document;
    expect(d.repeatedBlocks).toHaveLength(1);
    expect(d.sections.map((s) => s.kind)).toEqual(['body', 'repeat']);
  });
});

describe('language', () => {
  it('stores a document not in English with its language and a warning that it is not analysed', () => {
    const text = 'Les ministres des affaires étrangères se sont rencontrés mardi à Genève pour discuter du cessez-le-feu et des échanges de prisonniers. Ils ont convenu de se revoir le mois prochain.';
    const d = prepare({ kind: 'record', source: 'fr', raw: 'fr', record: { title: 'Rencontre à Genève', text } }, { maxBytes: 1e7 }).document;
    expect(d.language).toBe('fr');
    expect(d.warnings.join(' ')).toMatch(/not analysed/);
  });
});
