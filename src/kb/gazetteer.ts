/**
 * A token trie over every name the knowledge base knows — people, countries, demonyms, metonyms,
 * organisations, role nouns, titles, topics — so one left-to-right pass over a document's tokens finds all
 * candidate mentions, longest match first. Names are tokenised with the same tokenizer as documents, so
 * "U.S." or "Russia’s" split the same way on both sides.
 */
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from '../model/annotations.ts';
import { key, surnames, type KnowledgeBase, type Metonym, type Organisation, type Person, type RoleNoun, type Topic } from './knowledge-base.ts';

/** A generational suffix after a name ("Donald Trump Jr." is someone else than Donald Trump), its comma included. */
export const GENERATIONAL_SUFFIX = '\\s*,?\\s*(Jr|Sr|Junior|Senior|II|III)\\b';
export const GENERATIONAL = new RegExp(`^${GENERATIONAL_SUFFIX}`);

const nlp = winkNLP(model, []);

export type Entry =
  | { type: 'person'; people: Person[] }
  | { type: 'surname'; people: Person[] }
  | { type: 'country'; code: string; demonym: boolean }
  | { type: 'metonym'; metonym: Metonym }
  /** `acronym`: the alias is written in capitals ("WHO", "AU") and matches only so ("Who is …" is no one) */
  | { type: 'organisation'; organisation: Organisation; acronym?: boolean }
  | { type: 'role'; role: RoleNoun }
  | { type: 'title'; title: RoleNoun }
  | { type: 'topic'; topic: Topic }
  | { type: 'group'; size: number | null };

interface Node {
  next: Map<string, Node>;
  entries: Entry[];
}

export interface Match {
  /** token indices [first, last] */
  first: number;
  last: number;
  entries: Entry[];
}

/** Entry types that only count when the text capitalises them (proper names). */
const PROPER = new Set<Entry['type']>(['person', 'surname', 'country', 'metonym', 'organisation', 'title']);

/** Phrases that refer to two or more people just named. */
const GROUP_PHRASES: Array<[string, number | null]> = [
  ['both diplomats', 2], ['both men', 2], ['both leaders', 2], ['both presidents', 2], ['both ministers', 2],
  ['the two men', 2], ['the two leaders', 2], ['the two diplomats', 2], ['the two presidents', 2],
  ['the two ministers', 2], ['the two sides', null], ['the two', 2], ['the pair', 2], ['both sides', null],
];

export class Gazetteer {
  private readonly root: Node = { next: new Map(), entries: [] };

  constructor(readonly kb: KnowledgeBase) {
    for (const p of kb.people) {
      for (const n of [p.name, ...p.aliases]) this.add(n, { type: 'person', people: [p] });
    }
    for (const [s, people] of kb.bySurname) this.add(s, { type: 'surname', people });
    for (const [name, code] of kb.countryByName) this.add(name, { type: 'country', code, demonym: kb.demonymKeys.has(name) });
    for (const c of kb.countries.values()) {
      for (const m of c.metonyms) if (!m.ambiguous) this.add(m.text.replace(/^the /i, ''), { type: 'metonym', metonym: m });
    }
    for (const o of kb.organisations) for (const a of o.aliases) this.add(a.replace(/^the /i, ''), { type: 'organisation', organisation: o, acronym: o.acronyms.includes(a) });
    for (const r of kb.roleNouns) for (const w of r.words) this.add(w, { type: 'role', role: r });
    for (const t of kb.titles) for (const w of t.words) this.add(w, { type: 'title', title: t });
    for (const t of kb.topics) for (const a of t.aliases) this.add(a, { type: 'topic', topic: t });
    for (const [phrase, size] of GROUP_PHRASES) this.add(phrase, { type: 'group', size });
  }

  private add(name: string, entry: Entry): void {
    const words = tokensOf(name);
    if (!words.length) return;
    let node = this.root;
    for (const w of words) {
      let n = node.next.get(w);
      if (!n) node.next.set(w, (n = { next: new Map(), entries: [] }));
      node = n;
    }
    const same = node.entries.find((e) => e.type === entry.type);
    if (same && (same.type === 'person' || same.type === 'surname') && (entry.type === 'person' || entry.type === 'surname')) {
      for (const p of entry.people) if (!same.people.includes(p)) same.people.push(p);
    } else if (!same) node.entries.push(entry);
  }

  /** All longest matches over a token stream, left to right, not overlapping. */
  scan(text: string, tokens: Token[]): Match[] {
    const out: Match[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: Node | undefined = this.root;
      let best: Match | null = null;
      for (let j = i; j < tokens.length && node; j++) {
        if (j > i && tokens[j]!.start - tokens[j - 1]!.end > 1) break; // names do not span line breaks or gaps
        node = node.next.get(normal(tokens[j]!.norm));
        if (!node) break;
        if (node.entries.length) {
          const entries = node.entries.filter(
            (e) =>
              (!PROPER.has(e.type) || capitalised(text, tokens[i]!)) &&
              // a surname alone must be tagged a proper noun: "He", "In", "May" at a sentence start are not names
              !(e.type === 'surname' && j === i && tokens[i]!.pos !== 'PROPN') &&
              // nor is an acronym: "UN", "EU" are no one's surname
              !(e.type === 'surname' && j === i && /^\p{Lu}{2,}$/u.test(text.slice(tokens[i]!.start, tokens[i]!.end))) &&
              // and an acronym is written in capitals: "Who is the real face …" names no WHO
              !(e.type === 'organisation' && e.acronym && j === i && !/^\p{Lu}{2,}$/u.test(text.slice(tokens[i]!.start, tokens[i]!.end))),
          );
          if (entries.length) best = { first: i, last: j, entries };
        }
      }
      // "National Security Council" is not the UN Security Council: an organisation's alias right after another
      // capitalised word (not a country or sentence start) is part of a longer name Readout does not know
      if (best && best.entries.every((e) => e.type === 'organisation') && i > 0) {
        const prev = tokens[i - 1]!;
        const w = text.slice(prev.start, prev.end);
        const sentenceStart = prev.start === 0 || /[.!?\n]\s*$/.test(text.slice(Math.max(0, prev.start - 3), prev.start));
        if (/^\p{Lu}[\p{Ll}]+$/u.test(w) && !/^(?:The|A|An|This|That|Its|Their|His|Her)$/.test(w) && !this.kb.countryByName.has(w.toLowerCase()) && tokens[i]!.start - prev.end <= 1 && !sentenceStart) best = null;
      }
      // "Donald Trump Jr." is not Donald Trump: a name followed by a generational suffix is someone else
      if (best && best.entries.some((e) => e.type === 'person' || e.type === 'surname') && GENERATIONAL.test(text.slice(tokens[best.last]!.end, tokens[best.last]!.end + 10))) {
        best = null;
      }
      if (best) {
        out.push(best);
        i = best.last + 1;
      } else i++;
    }
    return out;
  }
}

function normal(w: string): string {
  return w.replace(/[’‘]/g, "'");
}

function capitalised(text: string, t: Token): boolean {
  const c = text[t.start]!;
  return c !== c.toLowerCase() || /\d/.test(c);
}

export function tokensOf(name: string): string[] {
  const out: string[] = [];
  nlp.readDoc(key(name)).tokens().each((t: ItemToken) => {
    out.push(normal((t.out() as string).toLowerCase()));
  });
  return out;
}

export { surnames };
