/**
 * Mentions of actors and topics, resolved against the knowledge base at the reference date of their section.
 * One pass in document order keeps a small discourse memory — who was named, which country was last in
 * focus — so that surnames, pronouns, role descriptions ("Russia's top diplomat", "the White House incumbent",
 * "his counterpart in Moscow"), initials ("DLT") and groups ("both diplomats") find their referent.
 */
import type { Actor, Mention, Sector, Sentence, Token, TopicMention } from '../model/annotations.ts';
import { lastStartingAtOrBefore, type Section, type When } from '../model/document.ts';
import { GENERATIONAL_SUFFIX, type Entry, type Gazetteer, type Match } from '../kb/gazetteer.ts';
import type { KnowledgeBase, Person, Position, RoleKey, RoleNoun } from '../kb/knowledge-base.ts';
import { reportsClause } from './quotes.ts';

const SECTOR_OF_ROLE: Partial<Record<RoleKey, Sector>> = {
  head_of_state: 'GOV', head_of_government: 'GOV', foreign_minister: 'GOV', defence_minister: 'GOV',
  national_security_adviser: 'GOV', spokesperson: 'GOV', foreign_ministry_spokesperson: 'GOV', un_ambassador: 'GOV',
};

/** Which office wins when a person held several on the day (a president who chairs a council). */
const ROLE_RANK: RoleKey[] = [
  'head_of_state', 'head_of_government', 'foreign_minister', 'defence_minister', 'national_security_adviser',
  'un_ambassador', 'spokesperson', 'foreign_ministry_spokesperson', 'other',
];

const OBJECT_PRONOUNS = new Set(['him', 'himself', 'herself']);

const PRONOUNS: Record<string, 'male' | 'female'> = {
  he: 'male', him: 'male', his: 'male', himself: 'male', she: 'female', her: 'female', hers: 'female', herself: 'female',
};

interface Discourse {
  /** people named so far, most recent last (one entry per person: the latest mention) */
  people: Array<{ person: Person; at: number }>;
  /** every person mention so far, for pronouns: where it was and whether it was salient (a subject, not an object) */
  history: Array<{ person: Person; at: number; sentence: number; salient: boolean }>;
  /** the last country in focus (a named country, a metonym, a person's country) */
  country: string | null;
  lastPersonRole: RoleKey | null;
}

export interface MentionResult {
  mentions: Mention[];
  topics: TopicMention[];
}

export function findMentions(
  text: string,
  tokens: Token[],
  sentences: Sentence[],
  sections: Array<Pick<Section, 'start' | 'end' | 'published' | 'kind'>>,
  gazetteer: Gazetteer,
): MentionResult {
  const kb = gazetteer.kb;
  const matches = gazetteer.scan(text, tokens);
  const mentions: Mention[] = [];
  const topics: TopicMention[] = [];
  const discourse: Discourse = { people: [], history: [], country: null, lastPersonRole: null };
  // "Michael Cohen" is not Yossi Cohen: a known surname after a given name none of its bearers has belongs to
  // someone the knowledge base does not know, here and wherever the text repeats that surname alone.
  const otherBearer = new Set<Match>();
  const otherSurnames = new Set<string>();
  for (const [k, m] of matches.entries()) {
    // a word the gazetteer read (a title, a country, an organisation) is no given name
    const given = matches[k - 1]?.last === m.first - 1 ? null : foreignGivenName(text, tokens, m, kb);
    if (given) {
      otherBearer.add(m);
      otherSurnames.add(text.slice(tokens[m.first]!.start, tokens[m.last]!.end).toLowerCase());
    }
    // "Fox News", "Trump Tower": a surname alone that begins a longer name is not its bearer (there only)
    else if (matches[k + 1]?.first !== m.last + 1 && beginsLongerName(text, tokens, m)) otherBearer.add(m);
    // "Kuala Lumpur and The Hague": a surname alone after a capitalised "The" inside a sentence is a place's name
    else if (m.first > 0 && m.entries.every((e) => e.type === 'surname') && text.slice(tokens[m.first - 1]!.start, tokens[m.first - 1]!.end) === 'The'
      && /[\p{L},]\s+$/u.test(text.slice(Math.max(0, tokens[m.first - 1]!.start - 3), tokens[m.first - 1]!.start))) otherBearer.add(m);
  }
  const surnameOfOther = (m: Match) =>
    otherBearer.has(m) || (!m.entries.some((e) => e.type === 'person') && otherSurnames.has(text.slice(tokens[m.first]!.start, tokens[m.last]!.end).toLowerCase()));
  // People named in full anywhere in the document: a surname or a role description prefers them.
  const namedInDoc = new Set<Person>();
  for (const m of matches) {
    if (surnameOfOther(m)) continue;
    for (const e of m.entries) if ((e.type === 'person' || e.type === 'surname') && e.people.length === 1) namedInDoc.add(e.people[0]!);
  }

  const namedInFull = new Set<Person>();
  for (const m of matches) if (!otherBearer.has(m)) for (const e of m.entries) if (e.type === 'person' && e.people.length === 1) namedInFull.add(e.people[0]!);

  const sectionAt = (pos: number) => sections.find((s) => pos >= s.start && pos < s.end) ?? sections[0];
  // the sentence a position is in (the first when it precedes them all)
  const sentenceOf = (pos: number) => Math.max(0, lastStartingAtOrBefore(sentences, pos));
  let mi = 0;
  let lastSection: unknown = null;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    const section = sectionAt(t.start);
    if (section !== lastSection) {
      // a new section (a quoted column) starts its own discourse
      discourse.people = [];
      discourse.history = [];
      discourse.country = null;
      lastSection = section;
    }
    const ref = section?.published ?? { earliest: null, latest: null };
    const m = matches[mi];
    // (a surname alone stays the known bearer's whom the text names in full: "Melania Trump" beside "Donald Trump")
    const bearerNamed = m && !otherBearer.has(m) && m.entries.some((e) => e.type === 'surname' && e.people.some((p) => namedInFull.has(p)));
    if (m && m.first === ti && surnameOfOther(m) && !bearerNamed && !m.entries.some((e) => e.type === 'person' && e.people.some((p) => namedInDoc.has(p)))) {
      mi++;
      ti = m.last;
      continue;
    }
    if (m && m.first === ti) {
      mi++;
      const span = { start: tokens[m.first]!.start, end: tokens[m.last]!.end };
      const next = matches[mi];
      // a role noun right before a name is that person's title ("Secretary of State Antony Blinken"): one mention
      const isTitle = !!next && next.first === m.last + 1 && next.entries.some((e) => e.type === 'person' || e.type === 'surname');
      const mention = isTitle && m.entries.some((e) => e.type === 'role' || e.type === 'title') ? null : resolveMatch(text, tokens, m, span, ref, kb, discourse, namedInDoc);
      if (mention && mention !== 'topic' && mention.actor?.id && (mention.kind === 'person' || mention.kind === 'role')) {
        const p = kb.person(mention.actor.id);
        if (p) note(discourse, p, span.start, sentenceOf(span.start), salientAt(text, span.start, span.end));
      }
      if (mention === 'topic') {
        const e = m.entries.find((x) => x.type === 'topic') as Extract<Entry, { type: 'topic' }>;
        topics.push({ ...span, text: text.slice(span.start, span.end), topic: e.topic.topic });
      } else if (mention) {
        // a role description absorbs the qualifier mentioned just before it ("the White House" + "incumbent")
        while (mentions.length && mentions[mentions.length - 1]!.start >= mention.start) mentions.pop();
        mentions.push(mention);
      }
      ti = m.last;
      continue;
    }
    // "their meeting", "their planned summit": the pair last named met
    if (t.norm === 'their' && !insideQuote(text, t.start) && MEETING_AFTER.test(text.slice(t.end, t.end + 40))) {
      const members = distinctRecent(discourse, 2);
      if (members.length === 2) {
        mentions.push({
          start: t.start, end: t.end, text: text.slice(t.start, t.end), kind: 'group', actor: null,
          members: members.map((p) => personActor(p, ref, kb, text.slice(t.start, t.end))),
          basis: `the 2 people last named: ${members.map((p) => p.name).join(', ')}`,
        });
      }
      continue;
    }
    const gender = PRONOUNS[t.norm];
    // a pronoun for someone the knowledge base does not know is kept, with no actor: no one else did what it did
    const stranger = gender && !insideQuote(text, t.start) ? strangerSpeaking(text, t.start, mentions) ?? juniorSince(text, t.start, discourse, sentences[sentenceOf(t.start)]?.start ?? 0) : null;
    if (stranger) {
      mentions.push({ start: t.start, end: t.end, text: text.slice(t.start, t.end), kind: 'pronoun', actor: null, basis: `pronoun: ${stranger}, whom the knowledge base does not know` });
      continue;
    }
    if (gender && !insideQuote(text, t.start)) {
      const p = (POSSESSIVE.has(t.norm) && MEETING_AFTER.test(text.slice(t.end, t.end + 40)) ? leaderOfSentence(discourse, gender, sentenceOf(t.start)) : null)
        ?? speakerOfClause(tokens, ti, mentions, discourse, gender)
        ?? antecedent(discourse, gender, sentenceOf(t.start), OBJECT_PRONOUNS.has(t.norm));
      if (p) {
        mentions.push({
          start: t.start, end: t.end, text: text.slice(t.start, t.end), kind: 'pronoun',
          actor: personActor(p, ref, kb, text.slice(t.start, t.end)),
          basis: `pronoun: ${p.name}, the nearest ${gender} subject before it`,
        });
        note(discourse, p, t.start, sentenceOf(t.start), salientAt(text, t.start, t.end));
      }
      continue;
    }
    // Initials defined by the people of this text: "DLT" for Donald Trump
    if (/^[A-Z]{2,4}$/.test(text.slice(t.start, t.end))) {
      const initials = text.slice(t.start, t.end);
      const p = [...namedInDoc].find((x) => initialsMatch(initials, x.name));
      if (p) {
        mentions.push({ start: t.start, end: t.end, text: initials, kind: 'person', actor: personActor(p, ref, kb, initials), basis: `initials of ${p.name}, named in the text` });
        remember(discourse, p, t.start, officeAt(p, ref, kb));
        note(discourse, p, t.start, sentenceOf(t.start), salientAt(text, t.start, t.end));
      }
    }
  }
  mentions.push(...titledStrangers(text, mentions, kb));
  mentions.sort((a, b) => a.start - b.start);
  strangersTakePronouns(text, sentences, mentions);
  pointAhead(text, sentences, mentions, kb);
  return { mentions, topics };
}

/** A sentence opening with a subordinate clause whose subject is a pronoun: "As he embarked on a trip to Moscow, …". */
const FRONTED_PRONOUN = /^\W*(?:as|when|after|before|while|since|although|though|if|because|once|until|even as|just as|even though|even if|even when)\s+(he|she)\b/i;
/** After the fronted clause's comma, a capitalised name and a verb: "…, Pope Francis has already visited". */
const NAMED_SUBJECT = /^,\s+(?:[\p{Lu}][\p{L}.'’-]+\s+){1,4}(?:has|have|had|is|was|will|would|\p{Ll}+ed|\p{Ll}+s)\b/u;

/**
 * "As he embarked on a trip to Moscow, Tillerson said …": the pronoun of a fronted clause points ahead, to the main
 * clause's subject right after the comma, when that is a person of its gender.
 */
function pointAhead(text: string, sentences: Sentence[], mentions: Mention[], kb: KnowledgeBase): void {
  for (const s of sentences) {
    const f = FRONTED_PRONOUN.exec(text.slice(s.start, s.end));
    if (!f) continue;
    const start = s.start + f[0].length - f[1]!.length;
    const end = start + f[1]!.length;
    const comma = text.indexOf(',', end);
    if (comma < 0 || comma >= s.end) continue;
    const main = mentions.find((x) => x.start > comma);
    const known = !!main && main.kind === 'person' && !!main.actor?.id && /^,\s+(?:[\p{Lu}][\p{L}.-]*\s+){0,4}$/u.test(text.slice(comma, main.start));
    // ("Even though he has led the Church for three years, Pope Francis has visited …": someone the knowledge base
    // does not know, and no one else)
    const stranger = !known && NAMED_SUBJECT.exec(text.slice(comma, s.end));
    let pointer: Mention;
    if (known) {
      const person = kb.person(main.actor!.id!);
      if (!person || (person.gender && person.gender !== (/^he$/i.test(f[1]!) ? 'male' : 'female'))) continue;
      pointer = { start, end, text: f[1]!, kind: 'pronoun', actor: { ...main.actor!, text: f[1]! }, basis: `pronoun: ${person.name}, the subject of the main clause it opens` };
    } else if (stranger) {
      const name = stranger[0].replace(/^,\s+/, '').replace(/\s+\S+$/, '');
      pointer = { start, end, text: f[1]!, kind: 'pronoun', actor: null, basis: `pronoun: ${name}, the subject of the main clause it opens, whom the knowledge base does not know` };
    } else continue;
    const k = mentions.findIndex((x) => x.start === start);
    if (k >= 0) mentions[k] = pointer;
    else {
      const after = mentions.findIndex((x) => x.start > start);
      mentions.splice(after < 0 ? mentions.length : after, 0, pointer);
    }
  }
}

let titledRe: RegExp | null = null;

/**
 * People the knowledge base does not know, named with their office and state: "Serbian President Vojislav
 * Kostunica", "King Hassan of Morocco". The actor is the state, with the office as the text gives it.
 */
function titledStrangers(text: string, known: Mention[], kb: KnowledgeBase): Mention[] {
  if (!titledRe) {
    const titles = kb.titles.flatMap((t) => t.words.map(String)).filter((w) => /^\p{Lu}/u.test(w) && w.length > 2 && !/\.$/.test(w));
    const esc = titles.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    titledRe = new RegExp(
      `\\b(?:([\\p{Lu}][\\p{L}-]+)\\s+)?(${esc.join('|')})\\s+((?:[\\p{Lu}][\\p{L}.'’-]*\\s+){0,3}[\\p{Lu}][\\p{L}'’-]+)(?:\\s+of\\s+([\\p{Lu}][\\p{L}]+(?:\\s[\\p{Lu}][\\p{L}]+)?))?`,
      'gu',
    );
  }
  const out: Mention[] = [];
  for (const m of text.matchAll(titledRe)) {
    const nameStart = m.index! + m[0].indexOf(m[3]!, (m[1]?.length ?? 0) + m[2]!.length);
    const nameEnd = nameStart + m[3]!.length;
    if (known.some((k) => k.start < nameEnd && k.end > nameStart && (k.kind === 'person' || k.kind === 'role'))) continue;
    const country = (m[1] && kb.countryByName.get(m[1].toLowerCase())) || (m[4] && kb.countryByName.get(m[4].toLowerCase())) || null;
    if (!country) continue;
    out.push({
      start: nameStart, end: nameEnd, text: m[3]!, kind: 'person',
      actor: { text: m[3]!, name: m[3]!, country, sector: 'GOV', role: m[2]!, id: null },
      basis: `not in the knowledge base: named as ${m[1] ? `${m[1]} ` : ''}${m[2]}${m[4] ? ` of ${m[4]}` : ''}`,
    });
  }
  // the state words the title carries are now part of the person mention
  return out;
}

/**
 * "Philippine President Rodrigo Duterte has been trying to make it clear … that he's willing to abandon his nation's
 * alliance": a pronoun after a titled person the knowledge base does not know, the subject of its sentence, with no
 * known person named between, is that person, not the last known one.
 */
function strangersTakePronouns(text: string, sentences: Sentence[], mentions: Mention[]): void {
  for (const s of sentences) {
    const inS = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    const stranger = inS.find((m) => m.kind === 'person' && !m.actor?.id && !!m.actor?.role);
    if (!stranger || !salientAt(text, stranger.start, stranger.end) || /\b(?:who|which|that)\s*$/.test(text.slice(s.start, stranger.start))) continue;
    // (the first person its sentence names: "Trump told Mexican President Peña Nieto that he …" is Trump's)
    if (inS.some((k) => k.start < stranger.start && (k.kind === 'person' || k.kind === 'role' || k.kind === 'pronoun'))) continue;
    for (const p of inS) {
      if (p.start <= stranger.end || p.kind !== 'pronoun' || !p.actor?.id || !/^(?:he|his|him|she|her)$/i.test(p.text)) continue;
      if (inS.some((k) => k.start > stranger.end && k.start < p.start && k.kind === 'person' && k.actor?.id)) break;
      const k = mentions.indexOf(p);
      mentions[k] = { ...p, actor: { ...stranger.actor!, text: p.text }, basis: `pronoun: ${stranger.actor!.name}, the subject of its sentence, whom the knowledge base does not know` };
    }
  }
}

/** Nouns of saying and meeting: their possessor is their agent ("Bolton's meeting with Putin, he said" → Bolton). */
const EVENT_NOUN = /^\s*['’]s\s+(?:[\w-]+\s+){0,2}(?:meeting|call|talks?|trip|visit|remarks?|statement|comments?|account|speech|offer|proposal|decision|claim|denial|response|reply|words|interview|letter|tweet|post|announcement|threat|demand|request|warning|position|view)\b/i;
/** After "their": a meeting of theirs ("their July meeting", "their planned summit in Helsinki"). */
const MEETING_AFTER = /^\s+(?:[\p{L}\d-]+\s+){0,2}(?:meeting|summit|talks|encounter|call|phone call)\b/iu;
// (the capitalised words between may be titles and abbreviations, "Mr.", "U.S.", but do not end a sentence: "on Sunday. The two")
const AFTER_PREPOSITION = /\b(?:with|to|by|from|of|for|on|about|at|against|toward|towards|over|between|among|into|than|like|including|via)\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\p{Lu}][\p{L}-]*|[\p{Lu}][\p{Ll}]{0,3}\.|(?:\p{Lu}\.)+)\s+){0,4}$/u;

/** A mention that can be the subject a later pronoun refers to: not the object of a preposition, not a mere possessor. */
export function salientAt(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  // "according to X" makes X the source, as salient as a subject
  // "Secretary of State X", "Minister of Foreign Affairs X": a preposition inside a title is no preposition
  const inTitle = /\b[\p{Lu}][\p{L}]+\s+(?:of|for)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.-]*\s+){1,4}$/u.test(before);
  const after = text.slice(end, end + 40);
  // ("conflicted with Tillerson's own comments, in which he claimed …": the owner of words said is their speaker,
  // wherever the words stand)
  if (/^\s*['’]s\s+(?:own\s+)?(?:remarks?|statement|comments?|words|speech|account|claim|tweet|post|letter|interview)\b/i.test(after)) return true;
  if (AFTER_PREPOSITION.test(before) && !inTitle && !/\baccording to\s+(?:[\p{Lu}][\p{L}.-]*\s+){0,4}$/iu.test(before)) return false;
  if (/^\s*['’]s\b/.test(after) && !EVENT_NOUN.test(after)) return false;
  return true;
}

function note(d: Discourse, person: Person, at: number, sentence: number, salient: boolean): void {
  d.history.push({ person, at, sentence, salient });
}

const POSSESSIVE = new Set(['his', 'her']);

/**
 * "(Trump did not brief him about) his meeting with Putin": leaders meet leaders, so the possessor of a meeting is
 * the head of state or government its sentence names (the nearest, subject or not), when it names one.
 */
function leaderOfSentence(d: Discourse, gender: 'male' | 'female', sentence: number): Person | null {
  const leads = (p: Person) => p.positions.some((x) => x.role === 'head_of_state' || x.role === 'head_of_government');
  const own = d.history.filter((x) => x.sentence === sentence && (x.person.gender === gender || x.person.gender === null) && leads(x.person));
  return own.length ? own[own.length - 1]!.person : null;
}

/** A name right before a verb of saying and the pronoun: "Narváez said he visited …", "Trump Jr. told reporters he …". */
const SPEAKER_BEFORE = /(?:^|[.!?;:"“”]\s+|,\s+|\n)((?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}[\p{Lu}][\p{L}'’.-]*)\s+(?:has\s+|had\s+)?(?:said|says|told\s+[\p{L}]+|added|insisted|claimed|argued|wrote|explained|recalled|testified|acknowledged|admitted|denied|confirmed)(?:,\s+and\s+|\s+(?:that\s+)?)$/u;

/**
 * Whether a pronoun is the subject of what a person the knowledge base does not know says: that name is the
 * nearest subject, so the pronoun is no one Readout knows ("Narváez said he visited the embassy" is not about the
 * last known man named).
 */
function strangerSpeaking(text: string, at: number, known: Mention[]): string | null {
  const before = text.slice(Math.max(0, at - 80), at);
  const m = SPEAKER_BEFORE.exec(before);
  if (!m) return null;
  const start = at - before.length + m.index + m[0].indexOf(m[1]!);
  const end = start + m[1]!.length;
  return known.some((k) => k.start < end && k.end > start) ? null : m[1]!;
}

/**
 * "… when Trump announced he had accepted": the subject of a clause a person reports is, first of all, that person,
 * whoever is the sentence's subject. The person must be named right before the verb ("Trump (has) announced (that) he").
 */
function speakerOfClause(tokens: Token[], ti: number, mentions: Mention[], d: Discourse, gender: 'male' | 'female'): Person | null {
  let k = ti - 1;
  if (tokens[k]?.norm === 'that') k--;
  // ("'Putin is not our friend,' Burr said, and he urged Trump …": the speaker goes on)
  else if (tokens[k]?.norm === 'and' && tokens[k - 1]?.norm === ',') k -= 2;
  const verb = tokens[k];
  if (!verb || !reportsClause(verb.norm) || (verb.pos === 'NOUN' && !/s$/.test(verb.norm))) return null;
  if (/^(?:has|had|have)$/.test(tokens[k - 1]?.norm ?? '')) k--;
  const named = mentions[mentions.length - 1];
  if (!named || named.end !== tokens[k - 1]?.end || (named.kind !== 'person' && named.kind !== 'pronoun')) return null;
  const p = d.history.find((x) => x.at === named.start)?.person;
  return p && (p.gender === gender || p.gender === null) ? p : null;
}

const JUNIOR = new RegExp(`(\\p{Lu}[\\p{L}'’-]+)${GENERATIONAL_SUFFIX}`, 'gu');

/**
 * "Trump's involvement in Donald Trump Jr.'s statement about his meeting": a namesake with a generational suffix, named
 * in the pronoun's sentence after anyone the knowledge base knows, is whom it refers to — someone Readout does not know.
 */
function juniorSince(text: string, at: number, d: Discourse, sentenceStart: number): string | null {
  const from = Math.max(sentenceStart, d.history[d.history.length - 1]?.at ?? 0);
  const between = text.slice(from, at);
  const found = [...between.matchAll(JUNIOR)].pop();
  return found ? `${found[1]} ${found[2]}` : null;
}

/**
 * The referent of a pronoun: the nearest salient person of the same sentence before it; else, going back
 * sentence by sentence (at most four), the most recent salient one; else the most recent person at all.
 */
function antecedent(d: Discourse, gender: 'male' | 'female', sentence: number, object: boolean): Person | null {
  const fits = (p: Person) => p.gender === gender || p.gender === null;
  const h = d.history.filter((x) => fits(x.person));
  // an object pronoun ("having him call Putin") takes the nearest person, subject or not
  if (object) return h.length ? h[h.length - 1]!.person : null;
  // in its own sentence, the leftmost subject ("Putin congratulated Biden and said he …" → Putin)
  const own = h.find((x) => x.sentence === sentence && x.salient);
  if (own) return own.person;
  for (let s = sentence - 1; s >= sentence - 4 && s >= 0; s--) {
    const inS = h.filter((x) => x.sentence === s && x.salient);
    if (inS.length) return inS[inS.length - 1]!.person;
  }
  return h.length ? h[h.length - 1]!.person : null;
}

const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jr|Sr)$/;

/** A surname-only match followed at once by a capitalised word of no other match ("Fox News"): part of a longer name. */
function beginsLongerName(text: string, tokens: Token[], m: Match): boolean {
  if (m.entries.some((e) => e.type !== 'surname')) return false;
  const next = tokens[m.last + 1];
  if (!next || next.start - tokens[m.last]!.end !== 1) return false;
  const word = text.slice(next.start, next.end);
  return /^\p{Lu}\p{Ll}+$/u.test(word) && !CALENDAR.test(word);
}

/**
 * The given name before a surname-only match when it cannot be any bearer's: adjacent, capitalised, a proper
 * noun, not a place or an organisation, and not sharing its first letter with a given name or alias of any candidate
 * ("Mike Pompeo" stays Michael Pompeo; "Michael Cohen" is not Yossi Cohen).
 */
function foreignGivenName(text: string, tokens: Token[], m: Match, kb: KnowledgeBase): string | null {
  const surname = m.entries.find((e) => e.type === 'surname') as Extract<Entry, { type: 'surname' }> | undefined;
  if (!surname || m.entries.some((e) => e.type === 'person') || m.first === 0) return null;
  const prev = tokens[m.first - 1]!;
  const word = text.slice(prev.start, prev.end);
  if (prev.pos !== 'PROPN' || !/^\p{Lu}\p{Ll}+$/u.test(word) || tokens[m.first]!.start - prev.end !== 1) return null;
  const lower = word.toLowerCase();
  if (kb.countryByName.has(lower) || kb.metonymByText.has(lower) || kb.organisationByAlias.has(lower)) return null;
  const initials = new Set(surname.people.flatMap((p) => [p.name, ...p.aliases].map((n) => n[0]!.toUpperCase())));
  return initials.has(word[0]!) ? null : word;
}

function resolveMatch(
  text: string,
  tokens: Token[],
  m: Match,
  span: { start: number; end: number },
  ref: When,
  kb: KnowledgeBase,
  d: Discourse,
  namedInDoc: Set<Person>,
): Mention | 'topic' | null {
  const surface = text.slice(span.start, span.end);
  const has = <T extends Entry['type']>(type: T) => m.entries.find((e) => e.type === type) as Extract<Entry, { type: T }> | undefined;
  const person = has('person');
  const surname = has('surname');
  const country = has('country');
  const metonym = has('metonym');
  const org = has('organisation');
  const role = has('role');
  const title = has('title');
  const group = has('group');

  if (person || surname) {
    const candidates = (person ?? surname)!.people;
    const p = pickPerson(candidates, ref, kb, d, namedInDoc, titleBefore(text, tokens, m.first));
    if (p) {
      remember(d, p, span.start, officeAt(p, ref, kb));
      return { ...span, text: surface, kind: 'person', actor: personActor(p, ref, kb, surface), basis: person ? 'name in the knowledge base' : `surname of ${p.name}` };
    }
  }
  // "the two countries", "the two nations": a bare "the two" before a noun counts that noun, not the people named
  const nounAfter = () => { const n = tokens[m.last + 1]; return !!n && (n.pos === 'NOUN' || n.pos === 'PROPN') && tokens[m.last]!.norm === 'two'; };
  if (group && !nounAfter()) {
    const leaders = LEADER_GROUP.test(surface);
    const members = distinctRecent(d, group.size ?? 2, leaders ? (p) => p.positions.some((x) => LEADS.has(x.role)) : undefined);
    if (members.length >= 2) {
      return { ...span, text: surface, kind: 'group', actor: null, members: members.map((p) => personActor(p, ref, kb, surface)), basis: `the ${members.length} people last named: ${members.map((p) => p.name).join(', ')}` };
    }
    return null;
  }
  if (role) {
    const resolved = resolveRole(text, tokens, m, role.role, ref, kb, d, namedInDoc);
    if (resolved) {
      remember(d, resolved.person, span.start, officeAt(resolved.person, ref, kb));
      return { ...resolved.span, text: text.slice(resolved.span.start, resolved.span.end), kind: 'role', actor: personActor(resolved.person, ref, kb, text.slice(resolved.span.start, resolved.span.end)), basis: resolved.basis, ...(resolved.tenure ? { tenure: resolved.tenure } : {}) };
    }
    return null;
  }
  if (has('topic') && !country && !metonym && !org) return 'topic';
  // "Washington State", "New York State": a state of a federation, not the capital or the country; "Moscow Mitch": a
  // nickname (a capital's name before a capitalised given name the text does not know as anything else)
  if ((metonym || country) && /^\s+State\b/.test(text.slice(span.end, span.end + 7))) return null;
  const nextWord = /^\s+(\p{Lu}\p{Ll}+)\b/u.exec(text.slice(span.end, span.end + 20))?.[1];
  if (metonym && !country && nextWord && !CALENDAR.test(nextWord) && /^[“"]/.test(text.slice(Math.max(0, span.start - 1), span.start))) return null;
  if (metonym && !(metonym.metonym.venue && precededByPlacePreposition(text, span.start))) {
    if (salientAt(text, span.start, span.end)) d.country = metonym.metonym.country;
    return {
      ...span, text: surface, kind: 'metonym',
      actor: { text: surface, name: metonymName(surface, metonym.metonym.text), country: metonym.metonym.country, sector: metonym.metonym.sector, role: null, id: null },
      basis: `metonym for ${kb.country(metonym.metonym.country)?.name ?? metonym.metonym.country}`,
    };
  }
  if (country) {
    if (salientAt(text, span.start, span.end)) d.country = country.code;
    const c = kb.country(country.code);
    return { ...span, text: surface, kind: 'country', actor: { text: surface, name: c?.name ?? country.code, country: country.code, sector: null, role: null, id: null }, basis: country.demonym ? 'demonym' : 'country name' };
  }
  if (org) {
    const o = org.organisation;
    return { ...span, text: surface, kind: 'organisation', actor: { text: surface, name: o.name, country: o.country ?? o.code, sector: o.sector, role: null, id: null }, basis: 'organisation' };
  }
  if (metonym) return null; // a venue: "talks in Paris"
  if (has('topic')) return 'topic';
  void title;
  return null;
}

function metonymName(surface: string, canonical: string): string {
  return /^the\b/i.test(surface) || !/^the\b/i.test(canonical) ? surface.replace(/’s$|'s$/, '') : canonical;
}

/** "in Paris", "to Moscow", "from Geneva": the city is a place. */
function precededByPlacePreposition(text: string, start: number): boolean {
  return /\b(?:in|to|at|from|into|near|outside|via|across|visit(?:ed|ing)?|toward|towards)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 20), start));
}

function insideQuote(text: string, pos: number): boolean {
  // count quote marks on the same paragraph before pos: odd means inside
  const para = text.lastIndexOf('\n\n', pos);
  const before = text.slice(para < 0 ? 0 : para, pos);
  const opens = (before.match(/“/g) ?? []).length;
  const closes = (before.match(/”/g) ?? []).length;
  return opens > closes;
}

function initialsMatch(initials: string, name: string): boolean {
  const parts = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (parts.length < 2) return false;
  const first = parts[0]![0]!;
  const last = parts[parts.length - 1]![0]!;
  return initials[0] === first && initials[initials.length - 1] === last && initials.length <= parts.length + 1;
}

function remember(d: Discourse, p: Person, at: number, office: Position | null): void {
  d.people = d.people.filter((x) => x.person !== p);
  d.people.push({ person: p, at });
  d.country = p.country;
  if (office) d.lastPersonRole = office.role;
}

/**
 * The people a group phrase refers to: the last n named. A pair ("the two leaders", "their meeting") is of
 * counterparts: the last person named and the last one named of another state, when there is one.
 */
function distinctRecent(d: Discourse, n: number, accept: (p: Person) => boolean = () => true): Person[] {
  const people = d.people.filter((x) => accept(x.person));
  const last = people[people.length - 1]?.person;
  if (n === 2 && last) {
    const other = [...people].reverse().find((x) => x.person.country !== last.country);
    if (other) return [other.person, last].sort((a, b) => people.findIndex((x) => x.person === a) - people.findIndex((x) => x.person === b));
  }
  return people.slice(-n).map((x) => x.person);
}

/** "the two leaders", "both presidents": people who lead a state (a spokesman named since is not one of them). */
const LEADER_GROUP = /\b(?:leaders|presidents|heads of state)\b/i;
const LEADS = new Set(['head_of_state', 'head_of_government']);

/** A title right before a name ("Secretary of State", "Russian Foreign Minister") narrows who it is. */
function titleBefore(text: string, tokens: Token[], first: number): string {
  const prev = tokens[first - 1];
  if (!prev) return '';
  return text.slice(Math.max(0, prev.start - 60), tokens[first]!.start).toLowerCase();
}

function pickPerson(candidates: Person[], ref: When, kb: KnowledgeBase, d: Discourse, named: Set<Person>, context: string): Person | null {
  if (candidates.length === 1) return candidates[0]!;
  const recent = [...d.people].reverse().find((x) => candidates.includes(x.person));
  if (recent) return recent.person;
  const scored = candidates.map((p) => {
    let score = 0;
    if (named.has(p)) score += 4;
    const at = kb.positionsAt(p, ref);
    if (at.length) score += 3 + (ROLE_RANK.length - Math.min(...at.map((x) => ROLE_RANK.indexOf(x.role)))) / 10;
    if (d.country && p.country === d.country) score += 1;
    if (context && p.positions.some((x) => context.includes(x.title.toLowerCase().split(' of ')[0]!))) score += 1;
    // (with no date, of two as prominent the later one: news is mostly of its own time — Bashar, not Hafez, al-Assad)
    if (!ref.earliest) score += prominence(p) / 10 + latestTerm(p) / 1e6;
    return { p, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0]!.p;
}

/** The year the person's latest office began (0 with none). */
function latestTerm(p: Person): number {
  return Math.max(0, ...p.positions.map((x) => Number(x.from.slice(0, 4)) || 0));
}

function prominence(p: Person): number {
  return Math.max(0, ...p.positions.map((x) => ROLE_RANK.length - ROLE_RANK.indexOf(x.role)));
}

/** The office a person held at the reference date; with no date, the latest one; "former …" when it ended before. */
export function officeAt(p: Person, ref: When, kb: KnowledgeBase): Position | null {
  const at = kb.positionsAt(p, ref);
  if (at.length) return [...at].sort((a, b) => ROLE_RANK.indexOf(a.role) - ROLE_RANK.indexOf(b.role))[0]!;
  return null;
}

export function personActor(p: Person, ref: When, kb: KnowledgeBase, text: string): Actor {
  const office = officeAt(p, ref, kb);
  let role: string | null = office?.title ?? null;
  if (!office && p.positions.length) {
    const sorted = [...p.positions].sort((a, b) => (a.from < b.from ? 1 : -1));
    if (ref.earliest) {
      const past = sorted.find((x) => x.to && x.to < ref.earliest!);
      role = past ? `former ${past.title}` : null;
    } else {
      // no reference date: the highest office known
      role = [...p.positions].sort((a, b) => ROLE_RANK.indexOf(a.role) - ROLE_RANK.indexOf(b.role) || (a.from < b.from ? 1 : -1))[0]!.title;
    }
  }
  const sector = office ? SECTOR_OF_ROLE[office.role] ?? 'GOV' : null;
  return { text, name: p.name, country: office?.country ?? p.country, sector, role, id: p.id };
}

/**
 * Of several holders of an office (two press secretaries: the president's and the prime minister's), the one
 * serving the leader the words attach to ("a spokesman for President Putin", "the Prime Minister's spokesman"),
 * else the head of state's: bare spokesperson words mean the head of state's.
 */
function servingTheLeader(holders: Person[], office: RoleKey, country: string, ref: When, kb: KnowledgeBase, around: string): Person | null {
  const leader = /\b(President|Prime Minister|Premier|Chancellor)\b/.exec(around)?.[1] ?? 'President';
  return holders.find((p) => kb.positionsAt(p, ref).some((x) => x.role === office && x.country === country && x.title.includes(leader))) ?? null;
}

/**
 * A role description: the office comes from the role noun, the state from what qualifies it — a possessive or
 * demonym ("Russia's", "Russian"), a metonym ("the White House incumbent"), "the country's" (the country in
 * focus), "his counterpart in Moscow" (the state named after it) — or, bare, from the country in focus.
 */
function resolveRole(
  text: string,
  tokens: Token[],
  m: Match,
  noun: RoleNoun,
  ref: When,
  kb: KnowledgeBase,
  d: Discourse,
  named: Set<Person>,
): { person: Person; span: { start: number; end: number }; basis: string; tenure?: Array<{ from: string; to: string | null }> } | null {
  const start = tokens[m.first]!.start;
  const end = tokens[m.last]!.end;
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 30);
  const words = text.slice(start, end).toLowerCase();
  // "a president can lift sanctions", "any prime minister": one of a kind, no one in particular (a state has one
  // leader; "a spokesman for Putin" is still one of his)
  if ((noun.leader || noun.role === 'head_of_state' || noun.role === 'head_of_government') && /\b(?:an?|any|every|each|no|another)\s+$/i.test(before)) return null;
  // "the leader of the Catholic Church", "president of the European Commission": the office of a body that is no
  // state ("president of Russia", "leader of the country" are a state's)
  const body = /^\s+of\s+(?:the\s+)?((?:[\p{Lu}][\p{L}.'’-]*\s*)+)/u.exec(after.length < 60 ? text.slice(end, end + 60) : after);
  if (body && !/^(?:country|nation)$/i.test(body[1]!.trim())) {
    const name = body[1]!.trim().toLowerCase();
    if (!kb.countryByName.has(name) && !kb.metonymByText.has(name)) return null;
  }
  let country: string | null = null;
  let qualifierStart = start;
  let how = '';
  let office = noun.role;
  if (/counterpart/.test(words)) {
    office = d.lastPersonRole;
    const place = /^\s+(?:in|from)\s+([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)?)/u.exec(after);
    if (place) {
      country = kb.metonymByText.get(place[1]!.toLowerCase())?.country ?? kb.countryByName.get(place[1]!.toLowerCase()) ?? null;
      how = `counterpart in ${place[1]}`;
    }
  }
  const qual = /(?:\b(the|its)\s+)?([\p{Lu}][\p{L}.]*(?:[\s-][\p{Lu}][\p{L}.]*)*|country|nation)(?:['’]s)?\s+$/u.exec(before);
  if (!country && qual) {
    // the capitalised run may have crossed a sentence end ("Monday. The White House") or begin with "The"
    const q = qual[2]!.split(/\.\s+/).pop()!.replace(/^the\s+/i, '');
    const ql = q.toLowerCase();
    if (ql === 'country' || ql === 'nation') {
      country = d.country;
      how = `"the ${ql}'s": the country in focus`;
    } else {
      const met = kb.metonymByText.get(ql.replace(/^the /, ''));
      country = met?.country ?? kb.countryByName.get(ql) ?? null;
      if (met?.office && !office) office = met.office;
      how = country ? `"${q}"` : '';
    }
    if (country) qualifierStart = start - (before.length - before.lastIndexOf(q, before.length - 1));
  }
  // "the Pope", "the Pentagon chief": the words imply their state; the country in focus is someone else's
  if (!country && noun.country) {
    country = noun.country;
    how = 'the country the title implies';
  }
  // "the president", bare, is the holder of such an office the text is about so far ("President Trump" in a story
  // about him), whatever state the text turned to since
  if (!country && (office === 'head_of_state' || office === 'head_of_government')) {
    const counts = new Map<Person, number>();
    for (const x of d.history) {
      if (kb.positionsAt(x.person, ref).some((p) => p.role === office && (!/\bpresident\b/.test(words) || /president/i.test(p.title)))) counts.set(x.person, (counts.get(x.person) ?? 0) + 1);
    }
    // (only a holder the text is plainly about: named three times or more, and twice as often as any other)
    const [most, next] = [...counts].sort((a, b) => b[1] - a[1]);
    const dominant = most && most[1] >= 3 && (!next || most[1] >= 2 * next[1]) ? most : undefined;
    const held = dominant && kb.positionsAt(dominant[0], ref).find((p) => p.role === office);
    if (held) {
      country = held.country;
      how = `the ${words} the text is about (${dominant![0].name})`;
    }
  }
  if (!country) {
    country = d.country;
    how = 'the country in focus';
  }
  // "the Canadian leader" is the prime minister, "the Russian leader" the president
  if (noun.leader && country) office = kb.leaderOffice(country, ref);
  // "other" gathers unlike offices (a party's leader, NATO's commander): it names no one office with holders
  if (!country || !office || office === 'other') return null;
  // prefer a holder the text names; else the holder on the reference date
  const holders = ref.earliest || ref.latest ? kb.holders(country, office, ref).map((h) => h.person) : [];
  const namedHolder = [...named].find((p) => p.positions.some((x) => x.role === office && x.country === country && (holders.length === 0 || holders.includes(p))));
  const person = holders.length === 1 ? holders[0]! : namedHolder ?? servingTheLeader(holders, office, country, ref, kb, `${before} ${after}`) ?? holders[0] ?? null;
  if (!person) return null;
  const terms = person.positions.filter((x) => x.role === office && x.country === country && (!ref.earliest || kb.positionsAt(person, ref).includes(x)));
  // "the president" of a kingdom is no one: a monarch is no president (Canada's head of state is the Queen)
  if (/\bpresident\b/.test(words) && terms.length && !terms.some((x) => /president/i.test(x.title))) return null;
  return {
    person,
    span: { start: qualifierStart, end },
    ...(terms.length ? { tenure: terms.map((x) => ({ from: x.from, to: x.to })) } : {}),
    basis: `${office} of ${country} ${ref.earliest ? `on ${ref.earliest === ref.latest ? ref.earliest : `${ref.earliest}..${ref.latest}`}` : '(no reference date: a holder named in the text)'}, from ${how}`,
  };
}
