import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analyze } from '../src/analyze/analyze.ts';
import type { Document, When } from '../src/model/document.ts';

function doc(text: string, published: When): Document {
  return {
    id: 'test', source: 'test', title: null, outlet: null, author: null, url: null, language: 'en', published, duplicateOf: null,
    sections: [{ start: 0, end: text.length, kind: 'body', published, repeatOf: null }], repeatedBlocks: [], text, warnings: [],
  };
}
const on = (day: string): When => ({ earliest: day, latest: day, basis: 'test' });
const who = (text: string, day: string) => {
  const a = analyze(doc(text, on(day)));
  return (phrase: string, nth = 1) => {
    let at = -1;
    for (let n = 0; n < nth; n++) at = text.indexOf(phrase, at + 1);
    const m = a.mentions.find((x) => x.start < at + phrase.length && x.end > at);
    return m ? (m.actor ? [m.actor] : m.members ?? []).map((x) => `${x.name}|${x.country}|${x.role ?? ''}`).join(' & ') : 'none';
  };
};

describe('mentions', () => {
  it('takes a known surname after a given name none of its bearers has for someone else, there and later', () => {
    const w = who('Agents searched the office of Michael Cohen on Monday. Cohen has worked for Donald Trump for years. Mike Pompeo met Sergey Lavrov, and Pompeo said little.', '2018-04-10');
    expect(w('Michael Cohen')).toBe('none');
    expect(w('Cohen', 2)).toBe('none');
    expect(w('Mike Pompeo')).toMatch(/^Mike Pompeo\|USA/);
    expect(w('Pompeo', 2)).toMatch(/^Mike Pompeo\|USA/);
  });
  it('keeps a surname for the known bearer the text names in full, beside a relative of the same name', () => {
    const w = who('Donald Trump spoke on Friday. His son Eric Trump stood by, and President Trump then left for Ohio.', '2019-05-10');
    expect(w('Eric Trump')).toBe('none');
    expect(w('Trump', 3)).toMatch(/^Donald Trump\|USA/);
  });
  it('resolves role descriptions at the reference date', () => {
    const w = who("Russia's top diplomat flew to Ankara on Monday. The White House incumbent did not comment.", '2017-06-26');
    expect(w("Russia's top diplomat")).toBe('Sergey Lavrov|RUS|Minister of Foreign Affairs of Russia');
    expect(w('White House incumbent')).toMatch(/^Donald Trump\|USA\|President/);
    const later = who('The White House incumbent spoke to reporters.', '2021-03-20');
    expect(later('White House incumbent')).toMatch(/^Joe Biden\|USA/);
  });

  it('keeps a title with its name and resolves the surname afterwards', () => {
    const w = who('Secretary of State Mike Pompeo met Chinese Foreign Minister Wang Yi in Hawaii. Pompeo later said the talks were candid.', '2020-06-18');
    expect(w('Mike Pompeo')).toBe('Mike Pompeo|USA|Secretary of State');
    expect(w('Wang Yi')).toMatch(/^Wang Yi\|CHN\|/);
    expect(w('Pompeo', 2)).toBe('Mike Pompeo|USA|Secretary of State');
  });

  it('reads a pronoun as the subject before it, not the object', () => {
    const w = who('Putin telephoned Macron on Friday, and he said the grain deal could be saved. Following Macron’s talks with Merkel, he said Europe would help.', '2020-05-15');
    expect(w('he said')).toMatch(/^Vladimir Putin/);
    expect(w('he said', 2)).toMatch(/^Emmanuel Macron/);
  });

  it('reads the subject of a clause a person reports as that person, whoever the sentence\'s subject is', () => {
    const w = who('Rex Tillerson was caught by surprise when Donald Trump announced he had accepted the invitation. Later Tillerson said he knew.', '2018-03-12');
    expect(w('he had')).toMatch(/^Donald Trump/);
    expect(w('he knew')).toMatch(/^Rex Tillerson/);
  });

  it('reads a surname alone after a capitalised "The" inside a sentence as a place, not its bearer', () => {
    const w = who('The unit sent officers to Kuala Lumpur and The Hague. William Hague said little.', '2018-10-05');
    expect(w('Hague')).toBe('none');
    expect(w('William Hague')).toMatch(/^William Hague/);
  });

  it('reads a bare "the president" as the president the text is about, after the text turns to another state', () => {
    const text = 'President Donald Trump spoke on Monday. Trump said the talks went well. Trump thanked his aides. Later the Syrian army advanced near Damascus. The president then criticised Kurdish forces.';
    const w = who(text, '2019-10-15');
    expect(w('The president')).toMatch(/^Donald Trump/);
  });

  it('reads a surname two leaders bore, in an undated text, as the later one', () => {
    const a = analyze(doc('Rex Tillerson said Assad’s future should be decided by the Syrian people.', { earliest: null, latest: null, basis: 'test' }));
    expect(a.mentions.find((m) => m.text === 'Assad')?.actor?.name).toBe('Bashar al-Assad');
  });

  it('reads a pronoun after a namesake with a generational suffix as someone the knowledge base does not know', () => {
    const w = who('Donald Trump praised the deal. Critics asked about Donald Trump Jr.’s statement about his meeting with a lawyer.', '2018-08-01');
    expect(w('his meeting')).toBe(''); // a mention with no actor
  });

  it('reads the pronoun of a fronted clause as the main clause\'s subject after the comma ("As he embarked …, Tillerson said")', () => {
    const w = who('Bashar al-Assad denied it. As he embarked on a trip to Moscow, Rex Tillerson said it was unclear.', '2017-04-11');
    expect(w('he embarked')).toMatch(/^Rex Tillerson/);
  });

  it('leaves the pronoun of a fronted clause to a main subject the knowledge base does not know, and a body\'s leader to no state', () => {
    const text = 'Barack Obama flew to Havana on Sunday. Obama met Raul Castro. Obama spoke. Even though he has been the leader of the Catholic Church for three years, Pope Francis has already visited Cuba twice.';
    const w = who(text, '2016-03-21');
    expect(w('he has been')).toBe('');
    expect(w('leader')).toBe('none');
  });

  it('gives the pronouns after a titled stranger who opens the sentence to that stranger, not to the last known man', () => {
    const text = 'Bashar al-Assad spoke on Monday. Philippine President Rodrigo Duterte made it clear to China that he is willing to drop his alliance with America. Later Trump told Mexican President Enrique Pena Nieto that he might send troops.';
    const w = who(text, '2016-10-20');
    expect(w('he is willing')).toMatch(/^Rodrigo Duterte\|PHL/);
    expect(w('he might')).toMatch(/^Donald Trump\|USA/);
  });

  it('reads a pronoun inside words said as their owner, after a preposition too ("with Tillerson\'s own comments, in which he claimed")', () => {
    const text = 'Boris Johnson spoke in London. The remarks seemed to clash with Tillerson’s own comments on Sunday, in which he said the priority had not changed.';
    expect(who(text, '2017-04-10')('he said')).toMatch(/^Rex Tillerson/);
  });

  it('takes a capital in a quoted nickname for no state ("Moscow Mitch"), and "Washington State" for no capital', () => {
    const w = who('Democrats mocked McConnell as “Moscow Mitch.” Moscow said nothing. In Washington State, voters said no.', '2019-09-20');
    expect(w('Moscow Mitch')).toBe('none');
    expect(w('Moscow said')).toMatch(/\|RUS\|/);
    expect(w('Washington State')).toBe('none');
  });

  it('reads the possessor of a meeting as the leader its sentence names', () => {
    const w = who('Lindsey Graham criticised the plan on Sunday. Biden’s aides said that his meeting with Vladimir Putin had gone well.', '2021-06-20');
    expect(w('his meeting')).toMatch(/^Joe Biden/);
  });

  it('resolves groups and counterparts', () => {
    const w = who('Antony Blinken called his counterpart in Beijing on Tuesday. Both diplomats agreed to keep talking.', '2023-06-20');
    expect(w('counterpart')).toMatch(/^(Qin Gang|Wang Yi)\|CHN/);
    expect(w('Both diplomats')).toMatch(/Antony Blinken/);
  });

  it('treats a meeting city as a place and a government seat as an actor', () => {
    const text = 'Kerry met Lavrov in Paris. Moscow rejected the proposal.';
    const a = analyze(doc(text, on('2014-10-14')));
    expect(a.mentions.find((m) => m.text === 'Paris')).toBeUndefined();
    expect(a.mentions.find((m) => m.text === 'Moscow')?.actor?.country).toBe('RUS');
  });

  it('says nothing rather than guess an office for an unknown date', () => {
    const a = analyze(doc("The country's president was absent.", { earliest: null, latest: null }));
    expect(a.mentions.filter((m) => m.kind === 'role')).toEqual([]);
  });
});

describe('surnames inside longer names', () => {
  it('does not take a surname that begins a longer name for its bearer', () => {
    const w = who('Donald Trump gave an interview to Fox News on Sunday. He said the talks had gone well.', '2019-01-14');
    expect(w('Fox')).toBe('none');
    expect(w('He said')).toMatch(/^Donald Trump/);
  });
  it('takes a generational suffix for no one, and a name with one for no one the knowledge base knows', () => {
    const w = who('Jon Huntsman met Donald Trump Jr. in Moscow on Monday.', '2018-07-14');
    expect(w('Jr.')).toBe('none');
    expect(w('Donald Trump Jr.')).toBe('none');
  });
});

describe('"the two" before a noun', () => {
  it('counts the noun, not the two people last named', () => {
    const w = who('Joe Biden met Vladimir Putin in Geneva. The two countries are in an arms race. The two met again later.', '2021-06-20');
    expect(w('The two countries')).toBe('none');
    expect(w('The two met')).toMatch(/Joe Biden/);
  });
});

describe('leaders and nicknames', () => {
  it('reads "the Canadian leader" as the prime minister and "the Russian leader" as the president', () => {
    const w = who('The Canadian leader spoke to the Russian leader on Friday.', '2018-06-08');
    expect(w('Canadian leader')).toMatch(/^Justin Trudeau/);
    expect(w('Russian leader')).toMatch(/^Vladimir Putin/);
  });
  it('takes no surname from a nickname: "Ali" is not "Comical Ali"', () => {
    const w = who('Trump said he would pardon the boxer Muhammad Ali.', '2018-06-08');
    expect(w('Ali')).toBe('none');
  });
});

describe('pronouns after someone the knowledge base does not know', () => {
  it('resolves "he" after "<unknown name> said" to no one', () => {
    const w = who('Robert Mueller spoke on Monday. Narváez said he visited the embassy twice.', '2018-05-15');
    expect(w('he visited')).toBe(''); // a mention with no actor: someone, but no one Readout knows
    const v = who('Robert Mueller spoke on Monday. Putin “is not our friend,” Narváez said, and he urged Trump to act.', '2018-05-15');
    expect(v('he urged')).toBe('');
    const u = who('Putin “is not our friend,” Richard Burr said, and he urged Trump to act.', '2018-05-15');
    expect(u('he urged')).toMatch(/^Richard Burr/);
  });
});

describe('acronyms and presidents', () => {
  it('matches an acronym only in capitals, and a name also written otherwise however it is written', () => {
    const w = who('Who is the real face of the policy? The WHO and Nato met.', '2017-04-12');
    expect(w('Who')).toBe('none');
    expect(w('WHO')).toMatch(/^World Health Organization/);
    expect(w('Nato')).toMatch(/^North Atlantic Treaty Organization/);
  });
});

describe('titles that imply their state', () => {
  it('reads "the Pope" as the Holy See\'s, never the head of the state in focus', () => {
    const w = who('Ukraine held talks in Kiev. Even the Pope waited for Putin in 2015.', '2018-07-16');
    expect(w('Pope')).not.toMatch(/Petro Poroshenko/);
    expect(w('Pope')).toMatch(/^none$|\|VAT\|/);
  });
});

describe('one of a kind', () => {
  it('resolves "a president" to no one, and keeps "a spokesman for President Putin" one of his', () => {
    const w = who('Putin met Trump. Lifting sanctions is easy: a president can lift sanctions by executive order.', '2016-12-18');
    expect(w('president')).toBe('none');
    expect(who('Russia protested after a spokesman for President Vladimir Putin warned Kiev.', '2014-04-13')('spokesman')).toMatch(/\|RUS\|/);
  });
});

describe('offices with several holders', () => {
  it('reads a bare spokesman as the head of state\'s, and the prime minister\'s when the words say so', () => {
    expect(who('Russia protested after a spokesman for President Vladimir Putin warned Kiev.', '2014-04-13')('spokesman')).toMatch(/^Dmitry Peskov/);
    expect(who('Russia protested after a spokeswoman for Prime Minister Dmitry Medvedev warned Kiev.', '2014-04-13')('spokeswoman')).toMatch(/^Natalya Timakova/);
  });
});
