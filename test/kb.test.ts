import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { KnowledgeBase } from '../src/kb/knowledge-base.ts';
import { addImported, readPositionsCsv, roleOfLabel } from '../src/kb/import.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { analyze, contextWith } from '../src/analyze/analyze.ts';
import { shared, tempDir } from './helpers.ts';

const kb = KnowledgeBase.load();
const on = (day: string) => ({ earliest: day, latest: day });
const names = (xs: Array<{ person: { name: string } }>) => xs.map((x) => x.person.name);

describe('knowledge base', () => {
  it('knows who held an office on a day', () => {
    expect(names(kb.holders('RUS', 'foreign_minister', on('2017-06-26')))).toEqual(['Sergey Lavrov']);
    expect(names(kb.holders('USA', 'foreign_minister', on('2017-06-26')))).toEqual(['Rex Tillerson']);
    expect(names(kb.holders('USA', 'head_of_state', on('2021-03-20')))).toEqual(['Joe Biden']);
    expect(names(kb.holders('USA', 'national_security_adviser', on('2018-10-23')))).toEqual(['John Bolton']);
    expect(names(kb.holders('USA', 'spokesperson', on('2017-06-27')))).toEqual(['Sean Spicer']);
  });

  it('finds people by full name, alias and surname', () => {
    expect(kb.byName.get('sergei lavrov')?.[0]?.name).toBe('Sergey Lavrov');
    expect(kb.bySurname.get('peskov')?.map((p) => p.name)).toContain('Dmitry Peskov');
  });

  it('knows countries by name, demonym and metonym', () => {
    expect(kb.countryByName.get('russian')).toBe('RUS');
    expect(kb.countryByName.get('united states')).toBe('USA');
    expect(kb.metonymByText.get('kremlin')?.country).toBe('RUS');
  });

  it('maps position labels to roles, deputies apart', () => {
    expect(roleOfLabel('Minister of Foreign Affairs', 'FRA')).toBe('foreign_minister');
    expect(roleOfLabel('Secretary for Foreign Affairs', 'KEN')).toBe('foreign_minister');
    expect(roleOfLabel('Deputy Minister of Foreign Affairs', 'FRA')).toBe('other');
    expect(roleOfLabel('Minister of Defence', 'GBR')).toBe('defence_minister');
    expect(roleOfLabel('Prime Minister', 'ITA')).toBe('head_of_government');
    expect(roleOfLabel('Permanent Representative to the United Nations', 'BRA')).toBe('un_ambassador');
  });
});

describe('readout kb import', () => {
  it('imports a positions CSV into the database and makes its holders resolvable', () => {
    const dir = tempDir();
    const csv = join(dir, 'positions.csv');
    writeFileSync(
      csv,
      [
        'country,position,person,wikidata,start,end,gender,enwiki',
        'Chile,Minister of Foreign Affairs,Ana Ejemplo,,2018-03-11,2020-02-28,female,',
        'Chile,Minister of Foreign Affairs,Pedro Muestra,,2020-02-28,,male,',
        'Atlantis,President,Nobody,,2000,2001,male,',
      ].join('\n'),
    );
    const fresh = KnowledgeBase.load();
    const { rows, skipped } = readPositionsCsv(csv, fresh);
    expect(rows).toHaveLength(2);
    expect(skipped[0]!.reason).toMatch(/Atlantis/);
    const store = new SqliteStore(join(dir, 'kb.db'));
    store.putPositions(rows);
    addImported(fresh, store.importedPositions());
    store.close();
    expect(names(fresh.holders('CHL', 'foreign_minister', on('2019-05-01')))).toEqual(['Ana Ejemplo']);
    expect(names(fresh.holders('CHL', 'foreign_minister', on('2024-05-01')))).toEqual(['Pedro Muestra']);
  });

  const historic = shared('kb', 'positions-historic-2023-01-20.csv');
  it('makes a 2019 "Kenyan foreign minister" resolvable from the EveryPolitician file', { skip: historic.missing ?? false }, () => {
    const fresh = KnowledgeBase.load();
    expect(fresh.holders('KEN', 'foreign_minister', on('2019-06-01'))).toHaveLength(0);
    const { rows } = readPositionsCsv(historic.path, fresh);
    expect(rows.length).toBeGreaterThan(40000);
    addImported(fresh, rows);
    expect(names(fresh.holders('KEN', 'foreign_minister', on('2019-06-01')))).toEqual(['Monica Juma']);
    // and a description in a text of 2019 now resolves to her
    const text = 'The Kenyan foreign minister arrived in Addis Ababa for talks on Tuesday.';
    const published = on('2019-06-01');
    const a = analyze(
      { id: 'k', source: 'k', title: null, outlet: null, author: null, url: null, language: 'en', published, duplicateOf: null, sections: [{ start: 0, end: text.length, kind: 'body', published, repeatOf: null }], repeatedBlocks: [], text, warnings: [] },
      contextWith(fresh),
    );
    expect(a.mentions.find((m) => m.kind === 'role')?.actor?.name).toBe('Monica Juma');
  });
});
