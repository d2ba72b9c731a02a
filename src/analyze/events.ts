/**
 * The PLOVER event coder. Triggers come from rules/events.yaml (lemma patterns); participants from the clause
 * around the trigger and the mentions already resolved — the subject before a verb (with its coordinated
 * partners), the object after it or after the preposition the trigger takes, the possessor of a nominal event
 * ("Putin's offer"), the agent of a passive ("called a killer by …"), the speaker of the quotation the trigger
 * sits in. Status, date, topics and attribution come from the same clause; a cancellation or an uncertainty
 * said later ("the trip was scuttled") updates the event it refers to. Mentions of one event in one document
 * are merged into one record with several pieces of evidence.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Actor, Analysis, Sector, EventRecord, EventStatus, Evidence, Mention, PloverType, Quote, TimeExpression, Token } from '../model/annotations.ts';
import { Syntax, type SyntaxWords } from './syntax.ts';
import { firstStartingAtOrAfter, type When } from '../model/document.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';
import { salientAt } from './mentions.ts';
import { reportsClause } from './quotes.ts';
import { KNOWN_BY } from './time.ts';

type Slot = { any: false; lemmas: Set<string> } | { any: true; max: number };

interface Trigger {
  id: number;
  slots: Slot[];
  pos: string | null;
  event: PloverType;
  mode: string | null;
  cameo: string | null;
  symmetric: boolean;
  status: EventStatus | null;
  nominal: boolean;
  object: string;
  context: string[];
  denies: boolean;
  /** lemma sequences that, right after the trigger, make it no event ("refused to comment") */
  notFollowedBy: string[][];
  /** words that, among the next eight tokens, make the trigger no event */
  notWithin: Set<string>;
  /** the recipient must follow the trigger at once */
  adjacent: boolean;
  /** the event stands without a named recipient ("demanded elections", "agreed to resign", "is investigating the crimes") */
  unilateral: boolean;
  /** the event needs a named recipient, whatever its type ("helped Kyiv", not "helped to shape the debate") */
  partner: boolean;
  /** a leaders' meeting a report may name by its city alone ("the Helsinki summit") */
  placeNamed: boolean;
  /** parts of speech that, right after the trigger, make it no event ("is going to interfere": no trip) */
  notBeforePos: Set<string>;
  /** a clause after the words that states a fact makes them an opinion: "agree Russia was behind the hacks" */
  opinionBeforeFact: boolean;
  /** verbs that, before the words (past determiners and adjectives), make them a description: "poses a threat" */
  notAfter: Set<string>;
  /** the direct object is what the event is about, not a participant ("discussed Ukraine") */
  objectIsTopic: boolean;
  /** a state's bare name before the noun is what it targets ("Russia sanctions"); a demonym or an abbreviation acts ("US sanctions") */
  namedTarget: boolean;
  /** the subject suffers the event, its author follows "from": "the monitors came under shelling", "came under criticism from X" */
  undergoes: boolean;
  /** between people only, the words are words: "Macron and Trump clashed over tariffs" is a quarrel, not a battle */
  betweenPeople: { event: PloverType; cameo: string } | null;
}

/** Subjects the knowledge base does not know ("police", "rebels", "President X"): see events.yaml. */
interface GenericActors {
  heads: Map<string, Sector>;
  quantities: Set<string>;
  titles: Map<string, Sector>;
}

/** The word lists of events.yaml (`words`). */
interface Words {
  counting: Set<string>;
  people: Set<string>;
  need: Set<string>;
  /** nouns of an intention whose infinitive an undoing word cancels ("reversed a decision to sign") */
  intention: Set<string>;
  /** nouns of a power or a chance, whose infinitive is only possible ("his authority to lift sanctions") */
  capacity: Set<string>;
  /** nouns an event goes by, which a cancelling verb takes as its object ("scrapped the trip", "postponed it") */
  occasion: Set<string>;
  /** participles after a state's name and a hyphen that make it a force's backer ("U.S.-allied", "Iranian-backed") */
  sponsoring: Set<string>;
  /** nouns of others defined by their tie to a state or person, who are not that state ("American enemies", "Putin's critics") */
  relational: Set<string>;
  /** people named by the state they deal with, after its bare name ("the Ukraine whistleblower", "Russia experts") */
  topical: Set<string>;
  /** verbs of a stance toward talks others hold ("support negotiations with Iran"): their subject takes no part */
  attitude: Set<string>;
  /** verbs whose object noun is their own event, done by their subject ("Lavrov issued a denial", "held talks") */
  light: Set<string>;
  /** verbs through which a noun's event is told, whose time is the event's ("held talks on Monday", "attended the summit"): the light verbs and more */
  telling: Set<string>;
  /** time words that put a trigger in a circumstance of its own, out of an uncertainty cue's reach ("after meeting") */
  circumstance: Set<string>;
  syntax: SyntaxWords;
}

interface Rules {
  generic: GenericActors;
  words: Words;
  triggers: Trigger[];
  byFirst: Map<string, Trigger[]>;
  cues: Record<'planned' | 'proposed' | 'uncertain' | 'hypothetical' | 'considered' | 'advocated' | 'wanted' | 'obligation' | 'generic' | 'cancelled' | 'undone' | 'negation', string[][]>;
}

interface RuleFile {
  triggers: Array<{
    match: string; pos?: string; event: PloverType; mode?: string; cameo?: string; symmetric?: boolean; status?: EventStatus;
    nominal?: boolean; object?: string; context?: string[]; denies?: boolean; not_followed_by?: string[]; adjacent?: boolean; unilateral?: boolean;
    partner?: boolean; between_people?: { event: PloverType; cameo: string }; not_within?: string[]; place_named?: boolean; not_before_pos?: string[]; opinion_before_fact?: boolean; not_after?: string[]; object_is_topic?: boolean; named_target?: boolean; undergoes?: boolean;
  }>;
  status: Record<string, string[]>;
  generic_actors?: Record<string, Sector>;
  generic_quantities?: string[];
  generic_titles?: Record<string, Sector>;
  words: Record<'counting' | 'people' | 'need' | 'intention' | 'capacity' | 'occasion' | 'sponsoring' | 'relational' | 'topical' | 'attitude' | 'light' | 'telling' | 'circumstance' | 'instrument' | 'judging' | 'unspecified' | 'pair', string[]>;
}

let cached: Rules | null = null;

export function loadEventRules(path = new URL('./rules/events.yaml', import.meta.url)): Rules {
  const file = parseYaml(readFileSync(path, 'utf8')) as RuleFile;
  const triggers = file.triggers.map((t, id): Trigger => ({
    id,
    slots: t.match.trim().split(/\s+/).map((w): Slot => (w === '*' ? { any: true, max: 1 } : w === '~' ? { any: true, max: 3 } : { any: false, lemmas: new Set(w.toLowerCase().split('|')) })),
    pos: t.pos ?? null,
    event: t.event,
    mode: t.mode ?? null,
    cameo: t.cameo ?? null,
    symmetric: !!t.symmetric,
    status: t.status ?? null,
    nominal: !!t.nominal,
    object: t.object ?? 'after',
    context: t.context ?? [],
    denies: !!t.denies,
    notFollowedBy: (t.not_followed_by ?? []).map((x) => x.toLowerCase().split(/\s+/)),
    adjacent: !!t.adjacent,
    unilateral: !!t.unilateral,
    partner: !!t.partner,
    placeNamed: !!t.place_named,
    betweenPeople: t.between_people ?? null,
    notWithin: new Set((t.not_within ?? []).map((x) => x.toLowerCase())),
    notBeforePos: new Set(t.not_before_pos ?? []),
    opinionBeforeFact: !!t.opinion_before_fact,
    notAfter: new Set((t.not_after ?? []).map((x) => x.toLowerCase())),
    objectIsTopic: !!t.object_is_topic,
    namedTarget: !!t.named_target,
    undergoes: !!t.undergoes,
  }));
  const byFirst = new Map<string, Trigger[]>();
  for (const t of triggers) {
    const first = t.slots[0]!;
    if (first.any) throw new Error(`events.yaml: a trigger may not start with a gap (${file.triggers[t.id]!.match})`);
    for (const l of first.lemmas) byFirst.set(l, [...(byFirst.get(l) ?? []), t]);
  }
  const cues = {} as Rules['cues'];
  for (const k of ['planned', 'proposed', 'uncertain', 'hypothetical', 'considered', 'advocated', 'wanted', 'obligation', 'generic', 'cancelled', 'undone', 'negation'] as const) {
    cues[k] = (file.status[k] ?? []).map((c) => c.toLowerCase().split(/\s+/));
  }
  const generic: GenericActors = {
    heads: new Map(Object.entries(file.generic_actors ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    quantities: new Set((file.generic_quantities ?? []).map((q) => q.toLowerCase())),
    titles: new Map(Object.entries(file.generic_titles ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const list = (k: keyof RuleFile['words']) => new Set((file.words[k] ?? []).map((w) => w.toLowerCase()));
  const words: Words = { counting: list('counting'), people: list('people'), need: list('need'), intention: list('intention'), capacity: list('capacity'), occasion: list('occasion'), sponsoring: list('sponsoring'), relational: list('relational'), topical: list('topical'), attitude: list('attitude'), light: list('light'), telling: new Set([...list('light'), ...list('telling')]), circumstance: list('circumstance'), syntax: { judging: list('judging'), unspecified: list('unspecified'), pair: list('pair'), intention: new Set([...list('intention'), ...list('capacity')]), instrument: list('instrument') } };
  return { generic, words, triggers, byFirst, cues };
}

function rules(): Rules {
  return (cached ??= loadEventRules());
}

/** A trigger found in the text: its tokens and what the lexicon says of it. */
interface Hit {
  trigger: Trigger;
  first: number;
  last: number;
  /** the token the part of speech was checked on */
  head: number;
  sentence: number;
}

/** An event as one sentence tells it, before merging. */
interface Draft {
  hit: Hit;
  event: PloverType;
  cameo: string | null;
  mode: string | null;
  actor: Actor[];
  recipient: Actor[];
  symmetric: boolean;
  status: EventStatus;
  negated: boolean;
  date: When;
  topics: string[];
  context: string[];
  location: string | null;
  attributedTo: Actor | string | null;
  evidence: Evidence[];
  /** sentence index, for updates said later */
  sentence: number;
  /** said inside a direct quotation */
  quoted: boolean;
  /** the trigger's direct object is on the actor's own side ("the White House called on Congress"): domestic business */
  domestic: boolean;
  /** the sentence's time belongs to something else ("their first meeting", "on Monday praised the summit"): no
   * neighbouring event lends this one its date either */
  dateWithheld: boolean;
  /** how far the date is from the event's words: 0 a time in its sentence, 1 an earlier sentence of its paragraph, and
   * one more for each related event it was handed on from */
  dateSteps: number;
  /** a body's meeting, named by it ("the NATO summit", "a G-7 meeting"): no pair of leaders completes it */
  ofBody: boolean;
}

const CLAUSE_BREAK = /^(?:;|:|—|–|\(|\))$/;
const PARTICIPANT_KINDS = new Set(['person', 'role', 'pronoun', 'country', 'metonym', 'organisation', 'group']);
const BE = new Set(['be', 'being', 'been', 'get', 'got']);
const UNKNOWN: When = { earliest: null, latest: null, text: null, basis: 'the text gives no date for it' };

const CONTEXT_OF_TYPE: Partial<Record<PloverType, string>> = {
  CONSULT: 'diplomatic', AGREE: 'diplomatic', REQUEST: 'diplomatic', SUPPORT: 'diplomatic', REJECT: 'diplomatic',
  ASSAULT: 'military', MOBILIZE: 'military', THREATEN: 'military',
};

export function codeEvents(a: Analysis, kb: KnowledgeBase): EventRecord[] {
  const { document: doc, tokens, sentences } = a;
  if (!tokens.length) return [];
  const text = doc.text;
  const R = rules();
  const hits = findTriggers(tokens, sentences, text, R);
  // "Russian President Vladimir Putin", "Russia's Vladimir Putin": the state's adjective is part of the person's title, not a participant
  const titleOfNext = (m: Mention, i: number, all: Mention[]) => {
    const next = all[i + 1];
    return m.kind === 'country' && !!next && (next.kind === 'person' || next.kind === 'role') && next.actor?.country === m.actor?.country
      && (/^\s+(?:[\p{Lu}][\p{L}.-]*\s+){1,3}$/u.test(text.slice(m.end, next.start)) || /^['’]s\s+(?:[\p{Lu}][\p{L}.-]*\s+){0,3}$/u.test(text.slice(m.end, next.start)));
  };
  // "WASHINGTON – Seeking to quell …": the place a report was filed from takes no part in its events
  // (a name in capitals opening a paragraph, before a dash: not "U.S.-Russian")
  const datelinePlace = (m: Mention) => (m.start === 0 || text[m.start - 1] === '\n') && /^[\p{Lu}][\p{Lu} .'’-]+$/u.test(m.text)
    && /^\s*(?:\([^)]*\)\s*)?(?:,[^—–\n]{0,30})?\s+[—–-]\s/.test(text.slice(m.end, m.end + 40));
  // "the U.S.-allied Kurdish-led force", "Iranian-backed militias": the state behind a force is not the force
  const sponsor = (m: Mention) => { const w = /^[-–]([\p{L}]+)/u.exec(text.slice(m.end, m.end + 16)); return !!w && R.words.sponsoring.has(w[1]!.toLowerCase()); };
  // "deals with American enemies, such as Iran", "Putin's critics": the others named by their tie are not the state
  // (one word may come between: "Russia's closest neighbours")
  const tieOf = (m: Mention) => {
    const w = /^(?:['’]s?)?\s+([\p{L}-]+)(?:\s+([\p{L}]+))?/u.exec(text.slice(m.end, m.end + 40));
    return !!w && [w[1], w[2]].some((x) => !!x && R.words.relational.has(x.toLowerCase()));
  };
  // "the Ukraine whistleblower", "Russia experts": a state's name before such a person names their subject, not their state
  // (a demonym does name it: "Russian experts")
  const subjectOfPerson = (m: Mention) => m.kind === 'country' && m.basis === 'country name' && !/^[\p{Lu}.]+$/u.test(m.text)
    && R.words.topical.has(/^\s+([\p{L}-]+)/u.exec(text.slice(m.end, m.end + 30))?.[1]?.toLowerCase() ?? '');
  const mentions = personModifiers(a.mentions, tokens, text).filter((m, i, all) => PARTICIPANT_KINDS.has(m.kind) && (m.actor || m.members?.length) && !locatesOnly(text, m, kb) && !titleOfNext(m, i, all) && !datelinePlace(m) && !tieOf(m) && !subjectOfPerson(m));
  const drafts: Draft[] = [];
  const topicContexts = new Map(kb.topics.map((t) => [t.topic, t.context]));
  const sentenceTokens = sentences.map((s) => tokenRange(tokens, s.start, s.end));
  const era = presupposedEra(a);
  const syntax = new Syntax(tokens, text, R.words.syntax);

  for (const hit of hits) {
    const s = sentences[hit.sentence]!;
    const [t0, t1] = sentenceTokens[hit.sentence]!;
    const quote = a.quotes.find((q) => q.kind === 'direct' && q.content.start <= tokens[hit.first]!.start && q.content.end >= tokens[hit.last]!.end);
    // inside a quotation, nouns like "demands" or "attack" are rhetoric more often than reported events
    // (but "the Helsinki summit" names a meeting, wherever it is said)
    const cityBefore = hit.trigger.placeNamed ? /\b[Tt]he\s+([\p{Lu}][\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, tokens[hit.first]!.start - 30), tokens[hit.first]!.start)) : null;
    const namedByPlace = !!cityBefore && locationOf(text, tokens, hit, s.start, s.end, kb) === cityBefore[1];
    if (quote && hit.trigger.nominal && !namedByPlace && !/\b(?:is|are|was|were|be|['’]s)\s+(?:a|an|the)?\s*$/i.test(text.slice(Math.max(0, tokens[hit.first]!.start - 12), tokens[hit.first]!.start))) continue;
    const clause = clauseBounds(tokens, text, t0, t1, hit, quote);
    const inClause = (m: Mention) => m.start >= tokens[clause[0]]!.start && m.end <= tokens[clause[1]]!.end;
    // (the state behind what is acted on may stand for it: "cracked down on Communist Party-funded programs")
    // ("Michael Flynn, Trump's first national-security adviser, who resigned": the relative clause tells of the
    // possessed, not the possessor)
    const participant = (m: Mention) => !attributionMention(text, m, tokens[hit.last]!.end) && !(sponsor(m) && m.end <= tokens[hit.first]!.start)
      && !(m.end <= tokens[hit.first]!.start && POSSESSED_BEFORE_WHO.test(text.slice(m.end, tokens[hit.first]!.start)));
    const clauseMentions = mentions.filter((m) => inClause(m) && participant(m));
    const before = clauseMentions.filter((m) => m.end <= tokens[hit.first]!.start);
    const after = clauseMentions.filter((m) => m.start >= tokens[hit.last]!.end);

    let actor: Actor[] = [];
    let recipient: Actor[] = [];
    // the object of a verb before the trigger that does the trigger ("letting Putin deny", "accuse Russia … of
    // sending troops"): its actor, whatever the parse says
    let doer: Mention | undefined;
    const t = hit.trigger;
    const passiveAgent = passive(tokens, text, hit, after);
    const sentenceMentions = mentions.filter((m) => m.start >= s.start && m.end <= s.end && participant(m));
    if (t.nominal) {
      let possessor = possessorOf(text, tokens, hit, before, R.words.attitude);
      // "After his summit with Putin, Trump said …": a pronoun in a fronted phrase points ahead, to the main subject
      if (possessor?.kind === 'pronoun' && FRONTED.test(text.slice(s.start, tokens[hit.first]!.start))) {
        const main = mainSubjectAfter(text, tokens, hit, sentenceMentions).find((m) => m.kind === 'person' || m.kind === 'role');
        if (main) possessor = main;
      }
      // "On Russia sanctions": a state's full name right before the noun is its target
      const target = t.namedTarget && possessor?.kind === 'country' && possessor.basis === 'country name' && !/^[\p{Lu}.]+$/u.test(possessor.text)
        && /^(?:-related)?\s+$/.test(text.slice(possessor.end, tokens[hit.first]!.start)) ? possessor : null;
      if (target) possessor = null;
      // "Page's July 2016 trip to Moscow": a possessor the knowledge base does not know owns it all the same
      // (not a time's: "Friday's talks")
      const from = Math.max(s.start, tokens[hit.first]!.start - 60);
      const owner = !possessor && !target ? STRANGER_OWNS.exec(text.slice(from, tokens[hit.first]!.start)) : null;
      const ownerAt = owner ? from + owner.index + owner[0].indexOf(owner[1]!) : -1;
      if (owner && ![...a.mentions, ...a.times].some((x) => x.start <= ownerAt && x.end > ownerAt)) continue;
      actor = possessor ? actorsOf(possessor) : passiveAgent ? actorsOf(passiveAgent) : [];
      // "the Oval Office meeting Trump had with Lavrov": the one a relative clause says held it
      const holder = t.event === 'CONSULT' && !possessor ? after.find((m) => /^\s+(?:that\s+|which\s+)?$/.test(text.slice(tokens[hit.last]!.end, m.start))
        && /^\s+(?:had|held|has had|had held|will have|will hold|is having|was having)\s+with\b/.test(text.slice(m.end, m.end + 25))) : undefined;
      if (holder) actor = actorsOf(holder);
      // no possessor: the subject of the clause ("Blinken shared details of the call with …"), or of the main
      // clause after a fronted phrase ("After one meeting with Lavrov in Paris, Kerry announced …")
      // the noun of a light verb is the verb's event: "Lavrov issued a denial", "Kerry floated an offer"
      // (within the trigger's own clause: "…the G7 meeting, especially if a meeting with Putin …" is no meeting of the G7)
      // ("attending a NATO summit in Belgium as part of a trip that will include meetings with …": no object is the subject)
      // ("reluctant to support negotiations with Iran": talks one backs or opposes are others')
      if (!actor.length && ((t.event === 'CONSULT' && !verbTakingNoun(tokens, hit, R.words.attitude)) || verbTakingNoun(tokens, hit, R.words.light))) actor = subjectOf(text, before.filter((m) => m.start >= tokens[afterSubordinateBreak(tokens, text, clause[0], hit.first)]!.start), (m) => !!objectPosition(text, tokens, m)).flatMap(actorsOf);
      if (!actor.length && t.event === 'CONSULT' && FRONTED.test(text.slice(s.start, tokens[hit.first]!.start))) {
        actor = mainSubjectAfter(text, tokens, hit, sentenceMentions).flatMap(actorsOf);
      }
      // "a summit in Helsinki between A and B": the pair after "between" are its participants
      // ("setting up a phone call between Trump and Putin": right after the noun, whoever the clause's subject is;
      // "the Finland summit between Trump and Putin": a place before the noun is where, not who)
      const pair = t.symmetric ? objectOf(text, tokens, hit, after, 'between', true, []) : [];
      const rightAfter = /^\s+between\s/i.test(text.slice(tokens[hit.last]!.end, tokens[hit.last]!.end + 10));
      const placeBefore = !!possessor && (possessor.kind === 'country' || possessor.kind === 'metonym') && !/^['’]/.test(text.slice(possessor.end, possessor.end + 1));
      if (pair.length >= 2 && (!actor.length || (rightAfter && (!possessor || placeBefore)))) actor = [pair[0]!];
      // "After meeting Putin in Helsinki, …": a gerund takes its object directly, like a verb
      const gerund = /ing$/.test(tokens[hit.first]!.norm) && FRONTED_PARTICIPLE.test(text.slice(s.start, tokens[hit.last]!.end));
      recipient = target ? actorsOf(target) : objectOf(text, tokens, hit, after, t.object, !gerund, actor);
      if (!recipient.length && actor.length && t.symmetric) recipient = objectOf(text, tokens, hit, after, 'between', true, actor);
    } else if (t.event === 'SUPPORT' && tokens[hit.last + 1]?.pos === 'VERB' && /ing$/.test(tokens[hit.last + 1]!.norm)) {
      // "has backed attacking North Korea": what is backed is an act (coded on its own, as proposed), no partner
      continue;
    } else if (gerundAsNoun(tokens, text, hit)) {
      // "a far-reaching hacking scheme", "the bombing": a verb used as a noun has no subject; its possessor acts
      const possessor = possessorOf(text, tokens, hit, before, R.words.attitude);
      actor = possessor ? actorsOf(possessor) : [];
      recipient = objectOf(text, tokens, hit, after, t.object === 'after' ? 'of|on|against' : t.object, true, actor);
    } else if ((reducedRelative(tokens, text, hit) && !passiveAgent) || participleBeforeItsVerb(tokens, text, hit) || participleOfPrepositionObject(tokens, text, hit)) {
      // "collusion …, something denied by both": a participle after a noun, its agent no known actor
      continue;
    } else if (passiveAgent) {
      actor = actorsOf(passiveAgent);
      // "the rebels, who NATO alleges are backed by Russian troops": NATO reports it, the rebels are backed
      const notReporter = (m: Mention) => !reporterOf(text, tokens, m, hit);
      let subj = subjectOf(text, before.filter(notReporter));
      // "…'s offer — after being called a killer by X": the subject is outside the participial clause
      if (!subj.length) subj = subjectOf(text, sentenceMentions.filter((m) => m.end <= tokens[hit.first]!.start && notReporter(m)));
      recipient = subj.flatMap(actorsOf);
    } else if (t.undergoes) {
      actor = objectOf(text, tokens, hit, after, 'from', false, [], true);
      recipient = subjectOf(text, before).flatMap(actorsOf).filter((r) => !actor.some((x) => sameSide(x, r)));
    } else if (agentlessPassive(tokens, text, hit, s.end)) {
      // "three soldiers were killed": the subject suffered the event; who did it the text does not say
      actor = [];
      recipient = subjectOf(text, before).flatMap(actorsOf);
    } else if (inanimateSubject(tokens, text, hit, clause[0], mentions, a.times, R.generic)) {
      // "NATO's expansion threatens …", "a law that blacklists …", "an attack that killed 80": no one acts
      continue;
    } else {
      // "Trump Jr. said … he had asked Kushner": a subject pronoun for someone the knowledge base does not know leaves
      // the verb to no one else the clause names
      if (strangerPronounSubject(tokens, hit, a.mentions)) continue;
      // "Sanders tweeted that @POTUS agreed …": the one who reports the event is not its actor
      const own = before.filter((m) => !reporterOf(text, tokens, m, hit));
      actor = subjectOf(text, own, (m) => !!objectPosition(text, tokens, m)).flatMap(actorsOf);
      // "letting Putin deny election meddling", "saw Russia annex Crimea": the one a causative or perceptive verb takes
      // as its object does the bare verb after it
      const last = own[own.length - 1];
      if (last && /^\s+$/.test(text.slice(last.end, tokens[hit.first]!.start)) && CAUSATIVE_BEFORE.test(text.slice(Math.max(0, last.start - 20), last.start))) doer = last;
      // "accuse Russia of backing rebels — and of sending troops": the accused does each act they are accused of
      else if (/ing$/.test(tokens[hit.first]!.norm) && /\bof\s+$/.test(text.slice(Math.max(0, tokens[hit.first]!.start - 4), tokens[hit.first]!.start))) {
        // (across a dash: "accuse Russia of backing rebels – and of sending troops")
        doer = sentenceMentions.find((m) => m.end <= tokens[hit.first]!.start && /^\s+of\s/.test(text.slice(m.end, m.end + 4)) && ACCUSING_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)));
      }
      if (doer) actor = actorsOf(doer);
      // "Trump treats allies like punching bags but praises authoritarians": a verb joined by "but"/"and" with no
      // subject of its own shares the clause's, named at its start
      const opener = own[0];
      if (/^(?:but|and)$/.test(tokens[hit.first - 1]?.norm ?? '') && opener && opener.start <= tokens[Math.min(clause[0] + 2, hit.first)]!.start && salientAt(text, opener.start, opener.end) && !objectPosition(text, tokens, opener)) {
        actor = subjectOf(text, own.filter((m) => m.start <= opener.end + 12)).flatMap(actorsOf);
      }
      // "After meeting Putin in Helsinki, the president said …": the participle's subject is the main clause's
      if (!actor.length && t.event === 'CONSULT' && !before.length && FRONTED_PARTICIPLE.test(text.slice(s.start, tokens[hit.last]!.end))) {
        actor = mainSubjectAfter(text, tokens, hit, sentenceMentions).flatMap(actorsOf);
      }
      // "Sudan's government lifted …", "thousands of Iraqi Kurds demonstrated": the state behind the subject
      if (!actor.length) actor = stateBehindSubject(text, tokens, own).flatMap(actorsOf);
      // "Rebels in the north demanded …", "Vice-President X declined …": an actor the knowledge base does not know
      if (!actor.length) {
        const g = genericSubject(text, tokens, hit, clause[0], a.times, sentenceMentions, s, kb, R.generic);
        if (g) actor = [g];
      }
      // "Rebels in the Ivory Coast dismissed …": with no other subject, the state a preposition names stands for it
      if (!actor.length) actor = subjectOf(text, own, (m) => objectPosition(text, tokens, m) === 'verb').flatMap(actorsOf);
      // a gap in the words holds their object: "summoned Niger's ambassador", "declared that China must"
      const inGap = t.slots.some((x) => x.any) ? mentionsInWords(clauseMentions, tokens, hit).filter((m) => m.kind !== 'pronoun') : [];
      const gapObjects = inGap.flatMap(actorsOf).filter((r) => !actor.some((x) => sameSide(x, r)));
      recipient = gapObjects.length ? gapObjects : objectOf(text, tokens, hit, after, t.object, false, actor, t.objectIsTopic);
      // "support sanctions against Russia", "backed the war on ISIS": what is supported is aimed at them, not they
      const aimedAt = t.event === 'SUPPORT' && after[0] && /\b\p{Ll}+\s+(?:against|on|over)\s+(?:the\s+)?$/u.test(text.slice(tokens[hit.last]!.end, after[0].start));
      if (aimedAt) recipient = recipient.filter((r) => !actorsOf(after[0]!).some((x) => x.name === r.name));
      if (t.adjacent) {
        const next = after[0];
        const gap = next ? text.slice(tokens[hit.last]!.end, next.start) : '';
        if (!next || !/^\s*(?:with\s+)?(?:(?:the|his|her|their|its|[\p{Lu}][\p{L}]+)\s+){0,3}$/u.test(gap) || gap.length > 40) continue;
        // "began receiving U.S. anti-tank missiles": a state's name that modifies a thing is no guest or caller;
        // nor is the owner of what is welcomed ("welcomed Putin's suggestion")
        // ("calling the Paris attack a pivotal moment": a place's name as well)
        if ((next.kind === 'country' || next.kind === 'metonym') && !animateHead(tokens, text, next, R)) continue;
        if (/^['’]s?\b/.test(text.slice(next.end, next.end + 3))) continue;
        // "called the European Union a foe": a name given, not a call made
        if (t.mode === 'phone' && /^\s+["“]?(?:a|an)\s/i.test(text.slice(next.end, next.end + 6))) continue;
      }
    }
    // where the parse names participants, its subject and object replace the guesses of word order (parsing costs
    // three times the rest of the analysis: only where there are several mentions to choose among)
    // "the joint statement …, released by Downing Street": what a passive participle tells of is its patient, which the
    // words' excluded objects name as well as their object
    if (!t.nominal && t.notWithin.size && /(?:,|\b(?:was|were|been|being|is|are))\s*$/.test(text.slice(Math.max(0, tokens[hit.first]!.start - 8), tokens[hit.first]!.start))) {
      syntax.ensure(t0, t1);
      const patient = syntax.subject(syntax.predicate(hit.first));
      if (patient?.passive && (t.notWithin.has(tokens[patient.token]!.lemma) || t.notWithin.has(tokens[patient.token]!.norm))) continue;
    }
    if (!t.nominal && !t.undergoes && sentenceMentions.length >= 2 && !gerundAsNoun(tokens, text, hit)) {
      syntax.ensure(t0, t1);
      const parsed = parsedParticipants(syntax, tokens, R.generic, hit, sentenceMentions, t.object);
      if (parsed.pair) [actor, recipient] = [[], []];
      if (parsed.nobody) continue;
      if (parsed.actor.length && !doer) actor = uniqueActors(parsed.actor.flatMap(actorsOf));
      // "agents whom it accused", "raised money to investigate Mr. Trump": when the parse names no subject, word
      // order's guess is not the parse's object
      else if (!parsed.passive && actor.length && actor.every((x) => parsed.recipient.flatMap(actorsOf).some((r) => r.name === x.name && r.country === x.country))) actor = [];
      const others = uniqueActors(parsed.recipient.flatMap(actorsOf)).filter((r) => !actor.some((x) => sameSide(x, r)));
      if (others.length) recipient = others;
    }
    // "Mr. Putin, whose military is backing Assad while the coalition battles IS, agreed …": a name before a relative
    // aside set off by commas is the subject of the verb after it, whatever the parse made of the aside
    if (!t.nominal) {
      const aside = sentenceMentions.find((m) => m.end <= tokens[hit.first]!.start && (RELATIVE_ASIDE.test(text.slice(m.end, tokens[hit.first]!.start))
        || ([REPORTING_ASIDE, APPOSITION_ASIDE].some((x) => x.test(text.slice(m.end, tokens[hit.first]!.start))) && !objectPosition(text, tokens, m))));
      if (aside && actorsOf(aside).length && t.undergoes) recipient = actorsOf(aside).filter((r) => !actor.some((x) => sameSide(x, r)));
      else if (aside && actorsOf(aside).length) {
        actor = actorsOf(aside);
        recipient = recipient.filter((r) => !actor.some((x) => sameSide(x, r)));
      }
    }
    // inside a quotation, "we"/"it" are the speaker: the speaker acts
    // (only when the speaker speaks of themself: "if we can cooperate", not "whoever torches cars")
    // "it's a threat to …": the speaker names what they do)
    const said = quote ? text.slice(Math.max(quote.content.start, tokens[clause[0]]!.start), tokens[hit.first]!.start) : '';
    if (!actor.length && quote?.speaker && (firstPerson(said) || (t.nominal && /^\W*(?:\(?i\)?t|this|that)\s*(?:['’]s|is|was)\s+(?:a|an)\s+$/i.test(text.slice(quote.content.start, tokens[hit.first]!.start))))) actor = [quote.speaker];
    recipient = recipient.filter((r) => !actor.some((x) => sameSide(x, r)));
    if (t.symmetric && actor.length > 1 && !recipient.length && !withOthers(tokens, hit, t1, after, R)) {
      recipient = actor.splice(1);
      // "the two have been discussing": two of one state is no event between states
      recipient = recipient.filter((r) => !actor.some((x) => sameSide(x, r)));
    }
    if (quote && !recipient.length && hit.trigger.event === 'THREATEN') {
      recipient = mentions.filter((m) => m.start >= tokens[hit.last]!.end && m.end <= quote.content.end).flatMap(actorsOf).filter((r) => !actor.some((x) => sameSide(x, r)));
    }

    // a quotation before a trigger of the narrative is another voice: its "would", "if" or "will" are not the trigger's
    const quotedBefore = quote ? [] : a.quotes.filter((q) => q.kind === 'direct' && q.content.end <= tokens[hit.first]!.start && q.content.end > tokens[clause[0]]!.start);
    const narrativeFrom = quotedBefore.length ? Math.max(...quotedBefore.map((q) => firstStartingAtOrAfter(tokens, q.content.end))) : clause[0];
    const status = statusOf(tokens, text, hit, [Math.min(narrativeFrom, hit.first), clause[1]], R, Math.max(t0, Math.min(narrativeFrom, hit.first)));
    // "Do you believe that Putin ordered …?": what a yes-or-no question asks about is not told as done
    if (status.status === 'occurred' && YES_NO_QUESTION.test(text.slice(s.start, s.end))) status.status = 'uncertain';
    // an action announced on a condition is a threat: "will withdraw its force unless …", "would cut aid unless …"
    const conditional = !t.nominal && t.event !== 'THREATEN' && (status.status === 'planned' || status.status === 'hypothetical' || /\b(?:will|would|shall)\b/i.test(text.slice(tokens[clause[0]]!.start, tokens[hit.first]!.start)))
      && /\bunless\b/i.test(text.slice(tokens[hit.last]!.end, tokens[clause[1]]!.end)) && !/\bunless\b/i.test(text.slice(tokens[clause[0]]!.start, tokens[hit.first]!.start));
    let { date, steps: dateSteps } = dateOf(a.times, tokens, hit, s, sentences, text, era, a.document.published.latest);
    // ("her last visit to the White House in April 2018", "their next meeting on Tuesday": a time of the noun's own phrase)
    const ownTime = timeOfItsPhrase(date, tokens, hit, a.times, text);
    const wordBefore = (words: RegExp) => words.test(text.slice(Math.max(0, tokens[hit.first]!.start - 25), tokens[hit.first]!.start));
    let dateWithheld = false;
    // "an earlier call", "their first meeting": the sentence's date is not this event's
    if (wordBefore(EARLIER_BEFORE) && !ownTime) [date, dateWithheld] = [{ ...UNKNOWN, basis: 'an earlier event than the one the sentence dates' }, true];
    // "Trump on Monday praised his summit with Putin", "reacted Saturday to Mueller's indictment": a time before
    // another verb dates that verb; a noun takes it only through a verb that tells it ("held talks Monday")
    const told = t.nominal && date.earliest && !ownTime
      ? a.times.find((x) => x.start >= s.start && x.end <= tokens[hit.first]!.start && x.text === date.text) : undefined;
    // (a time fronted before a comma sets the scene for the whole sentence: "In 2018, Putin and Modi recommitted …
    // with an informal summit")
    const fronted = !!told && /^\W*(?:(?:in|on|at|during|by|from|earlier|later|late|early)\s+)?(?:the\s+)?(?:[\p{L}\d]+\s+and\s+)?$/iu.test(text.slice(s.start, told.start)) && /^\s*,/.test(text.slice(told.end));
    // (nor does a verb told as happening at the event: "on Wednesday wasted no time at the NATO summit")
    const setting = /\b(?:at|during|amid|throughout|on the sidelines of)\s+(?:[\p{L}\d'’.-]+\s+){0,4}$/iu.test(text.slice(Math.max(s.start, tokens[hit.first]!.start - 50), tokens[hit.first]!.start));
    if (told && !fronted && !setting) {
      // (the verb right before the time counts: "reacted Saturday to …")
      const from = firstStartingAtOrAfter(tokens, told.start);
      const verbs = tokens.slice(tokens[from - 1]?.pos === 'VERB' ? from - 1 : from, hit.first).filter((x) => x.pos === 'VERB' && x.start >= s.start && (x.start < told.start || x.start >= told.end));
      const other = timeOfOtherVerbs(verbs, date, text, R);
      if (other) [date, dateWithheld] = [other, true];
    }
    // "Trump's visit highlights the shipments of gas to Poland last month": a time after a verb the noun is subject of
    // dates what that verb tells ("the summit, held on Monday" keeps it; so does an event that sets the scene, "during
    // Tillerson's visit …, they emerged Wednesday")
    const toldAfter = t.nominal && date.earliest && !dateWithheld && !ownTime && !setting
      ? a.times.find((x) => x.start >= tokens[hit.last]!.end && x.end <= s.end && x.text === date.text) : undefined;
    if (toldAfter) {
      const other = timeOfOtherVerbs(tokens.slice(hit.last + 1, firstStartingAtOrAfter(tokens, toldAfter.start)).filter((x) => x.pos === 'VERB'), date, text, R);
      if (other) [date, dateWithheld] = [other, true];
    }
    // an estimate from the era must fit the participants: a known leader who held no office then was not in it
    if (date.estimate && [...actor, ...recipient].some((p) => outOfOffice(p, date, kb))) date = { ...UNKNOWN, text: date.text, basis: `${date.text}: the year is unknown (the era the text's titles suggest does not fit its participants)` };
    // "said on Thursday he looked forward to a second meeting": a time told before another meeting is not its own
    // ("their next meeting on Tuesday" keeps the time that follows it)
    // (the date may have been withheld above: then no time is its own either)
    if (wordBefore(ANOTHER_BEFORE) && !(ownTime && date.earliest)) date = { ...UNKNOWN, basis: 'another event than the one the sentence dates' };
    // "When Obama visits Laos Monday": a weekday with the present tense tells a schedule
    if (status.status === 'occurred' && !status.negated && !SAID_TYPES.has(t.event) && futuratePresent(tokens, text, hit, date, clause, a.times)) status.status = 'planned';
    // "his Monday meeting with Putin" in a Sunday paper: a meeting dated to a day after the report was written had not
    // happened (a year or a month may be a target: "committed to spending 2 percent by 2024")
    const published = a.document.published.latest;
    if (t.event === 'CONSULT' && status.status === 'occurred' && !status.negated && published && date.earliest && date.earliest === date.latest && date.earliest > published) status.status = 'planned';
    if (status.status === 'planned' || status.status === 'proposed') date = aheadIfPlanned(date, tokens[hit.last]!.end, a.times);
    const topics = unique(a.topics.filter((tp) => tp.start >= s.start && tp.end <= s.end).map((tp) => tp.topic));
    const context = unique([...(CONTEXT_OF_TYPE[t.event] ? [CONTEXT_OF_TYPE[t.event]!] : []), ...t.context, ...topics.flatMap((tp) => topicContexts.get(tp) ?? [])]);
    // (people, not states or forces: every participant is a person the knowledge base knows)
    // (or a person's attack followed by what they said: "launched a fresh attack on Germany, claiming …")
    const person = (x: Actor) => !!x.id && !!kb.person(x.id);
    const people = t.betweenPeople && actor.length && ((recipient.length && [...actor, ...recipient].every(person))
      || (actor.every(person) && SAYING_AFTER.test(text.slice(tokens[hit.last]!.end, s.end))));
    drafts.push({
      hit,
      event: conditional ? 'THREATEN' : people ? t.betweenPeople!.event : t.event,
      cameo: conditional ? '130' : people ? t.betweenPeople!.cameo : t.cameo,
      mode: t.mode,
      actor,
      recipient,
      symmetric: t.symmetric,
      status: conditional ? 'occurred' : status.status,
      negated: status.negated,
      date,
      topics,
      context,
      location: locationOf(text, tokens, hit, s.start, s.end, kb),
      attributedTo: attributionOf(text, s.start, s.end, a, quote, actor, { start: tokens[hit.first]!.start, end: tokens[hit.last]!.end }),
      evidence: [{ start: s.start, end: s.end, text: text.slice(s.start, s.end), trigger: { start: tokens[hit.first]!.start, end: tokens[hit.last]!.end } }],
      sentence: hit.sentence,
      // inside a quotation, or reaching into one ("said: 'we should …'")
      quoted: !!quote || /["“”]/.test(text.slice(tokens[hit.first]!.start, tokens[hit.last]!.end)),
      domestic: domesticObject(text, tokens, hit, after, actor, clauseMentions),
      dateWithheld,
      dateSteps,
      ofBody: t.nominal && a.mentions.some((m) => m.kind === 'organisation' && m.end <= tokens[hit.first]!.start && /^\s+$/.test(text.slice(m.end, tokens[hit.first]!.start))),
    });
  }

  absorbComplements(drafts, tokens, text, a.times);
  propagateVisitMode(drafts);
  applyLaterStatus(drafts, tokens, sentences, sentenceTokens, text, R);
  carryOverParticipants(drafts, tokens, text);
  completeOneSidedMeetings(drafts);
  placeNamedMeetings(drafts, a.mentions, kb, tokens, text);
  agreementParties(drafts, kb);
  inheritDates(drafts, text, tokens);
  drafts.splice(0, drafts.length, ...splitMeetings(drafts));
  // an event needs someone who acts; a partner only where the event is between two (a call, an agreement)
  // (or where the lexicon says the words make an event alone: a demand, a promise, an investigation — said by the
  // writer, not in a quotation, and not addressed to the actor's own side)
  const alone = (d: Draft) => !d.hit.trigger.nominal && !d.hit.trigger.partner && (!NEEDS_PARTNER.has(d.event) || (d.hit.trigger.unilateral && !d.quoted && !d.domestic));
  const kept = drafts.filter((d) => d.actor.length && (d.recipient.length || alone(d)));
  const events = merge(kept, doc.id);
  // a visit to a capital ("his visit to Moscow") took place there
  for (const e of events) {
    if (e.location || e.mode !== 'visit') continue;
    const city = e.recipient.find((r) => r.country && r.text && kb.country(r.country)?.capitals.includes(r.text));
    if (city) e.location = city.text!;
  }
  // meetings split from one report of a trip happened during that trip: they share what dates it
  for (const e of events) {
    if (e.date.earliest || e.event !== 'CONSULT') continue;
    const sibling = events.find((x) => x !== e && x.event === 'CONSULT' && x.date.earliest && x.evidence.some((ev) => ev.start === e.evidence[0]!.start));
    if (sibling) e.date = { ...sibling.date, basis: `${sibling.date.basis ?? ''}; a meeting of the same trip`.replace(/^; /, '') };
  }
  return events;
}

const AFFILIATION_NOUNS = new Set(['associate', 'associates', 'administration', 'campaign', 'official', 'officials', 'loyalist', 'loyalists', 'ally', 'allies', 'crony', 'cronies', 'insider', 'insiders', 'confidant', 'confidants', 'aide', 'aides', 'regime', 'government', 'family', 'camp', 'circle', 'team', 'staff', 'associate', 'appointee', 'appointees', 'nominee', 'envoy', 'emissary', 'attorney', 'attorneys', 'counsel']);

/**
 * A person's name used as the modifier of a noun — "Trump advisers", "a Putin spokesman", "Trump adviser Jane Roe" —
 * names someone else: the phrase is an actor of the person's state, unnamed (or the name after it, when that is a
 * mention of its own).
 */
function personModifiers(mentions: Mention[], tokens: Token[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const k = tokenAt(tokens, m.end);
    const n = tokens[k];
    const isNoun = (t: Token | undefined) => !!t && t.pos === 'NOUN' && /^\p{Ll}/u.test(text.slice(t.start, t.end)) && (AFFILIATION_NOUNS.has(t.norm) || ACTOR_NOUNS.has(t.lemma) || (PERSON_SUFFIX.test(t.norm) && !/ments?$/.test(t.norm)));
    if (m.kind !== 'person' || !m.actor?.country || !isNoun(n) || !/^\s+$/.test(text.slice(m.end, n!.start))) {
      out.push(m);
      continue;
    }
    let end = k;
    while (isNoun(tokens[end + 1]) && /^\s+$/.test(text.slice(tokens[end]!.end, tokens[end + 1]!.start))) end++;
    // "Trump adviser Kellyanne Conway": the name that follows is the actor
    const next = mentions[i + 1];
    if (next && /^\s+$/.test(text.slice(tokens[end]!.end, next.start))) continue;
    // "Trump adviser Jane Roe", unknown to the knowledge base: her name is part of the phrase
    while (tokens[end + 1]?.pos === 'PROPN' && /^\s+$/.test(text.slice(tokens[end]!.end, tokens[end + 1]!.start)) && !mentions.some((x) => x.start <= tokens[end + 1]!.start && x.end > tokens[end + 1]!.start)) end++;
    const phrase = text.slice(m.start, tokens[end]!.end);
    out.push({ start: m.start, end: tokens[end]!.end, text: phrase, kind: 'role', actor: { text: phrase, name: phrase, country: m.actor.country, sector: m.actor.sector ?? null, role: null, id: null }, basis: `a ${m.text} ${text.slice(n!.start, n!.end)}, not ${m.actor.name} themself` });
  }
  return out;
}

function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  const lo = Math.max(0, Math.min(firstStartingAtOrAfter(tokens, start), tokens.length - 1));
  let last = lo;
  while (last + 1 < tokens.length && tokens[last + 1]!.end <= end) last++;
  return [lo, last];
}

function findTriggers(tokens: Token[], sentences: Analysis['sentences'], text: string, R: Rules): Hit[] {
  const hits: Hit[] = [];
  sentences.forEach((s, si) => {
    // a question reports no event ("What did they disagree on?", "Will an arms race follow?")
    if (/\?["”’)]*\s*$/.test(text.slice(s.start, s.end)) && !/^["“]/.test(text.slice(s.start, s.start + 1))) return;
    const [t0, t1] = tokenRange(tokens, s.start, s.end);
    // (a headline's words of four letters or more are all capitalised: names do not make a sentence one)
    const titleCase = tokens.slice(t0, t1 + 1).filter((t) => /^\p{Ll}{4,}/u.test(text.slice(t.start, t.end))).length <= 1;
    for (let i = t0; i <= t1; i++) {
      let best: Hit | null = null;
      // "a ground-launched missile", "Russian-backed rebels": a verb joined to a word before it is a modifier
      if (/\p{L}-$/u.test(text.slice(Math.max(0, tokens[i]!.start - 2), tokens[i]!.start))) continue;
      // "released by Downing Street", "approved by Attorney General Lynch": a capitalised word inside a sentence is
      // part of a name (not in a headline's title case, "Russia Denies Group's Claim", nor after a colon or a quote mark)
      if (!titleCase && i > t0 && /^\p{Lu}\p{Ll}/u.test(text.slice(tokens[i]!.start, tokens[i]!.end)) && /[\p{L}\d,]$/u.test(text.slice(tokens[i - 1]!.start, tokens[i - 1]!.end))) continue;
      for (const trig of R.byFirst.get(tokens[i]!.lemma) ?? R.byFirst.get(tokens[i]!.norm) ?? []) {
        const end = matchSlots(tokens, text, i, t1, trig.slots);
        if (end < 0) continue;
        // "mounting speculation of an attack": a noun with its own "of" inside the words is the verb's object, unless
        // it only counts ("launched a wave of attacks")
        // (or "provide answers regarding how this weapon …": a noun with a phrase or question of its own)
        // (the trigger's own words excepted: "floated the possibility of sanctions")
        const named = (t: Token) => trig.slots.some((x) => !x.any && (x.lemmas.has(t.lemma) || x.lemmas.has(t.norm)));
        if (tokens.slice(i + 2, end).some((x, k) => GOVERNED.test(x.norm) && tokens[i + 1 + k]!.pos === 'NOUN' && !R.words.counting.has(tokens[i + 1 + k]!.lemma) && !named(tokens[i + 1 + k]!))) continue;
        if (trig.pos && !posMatches(tokens, i, trig.pos, text)) continue;
        if (trig.notWithin.size && tokens.slice(end + 1, Math.min(t1, end + 8) + 1).some((x) => trig.notWithin.has(x.norm) || trig.notWithin.has(x.lemma))) continue;
        if (trig.notFollowedBy.some((seq) => seq.every((w, k) => tokens[end + 1 + k] && (tokens[end + 1 + k]!.lemma === w || tokens[end + 1 + k]!.norm === w)))) continue;
        if (end < t1 && trig.notBeforePos.has(tokens[end + 1]!.pos)) continue;
        if (trig.opinionBeforeFact && statesFact(tokens, end + 1, t1, R.words.need)) continue;
        if (trig.notAfter.size && verbBefore(tokens, i, t0, trig.notAfter)) continue;
        if (!best || end > best.last || (end === best.last && trig.id < best.trigger.id)) best = { trigger: trig, first: i, last: end, head: i, sentence: si };
      }
      if (best) {
        hits.push(best);
        i = best.last;
      }
    }
  });
  return hits;
}

/** Whether one of `verbs` governs the noun at `i`: "poses a serious threat", "is a threat", "remains the main danger". */
function verbBefore(tokens: Token[], i: number, t0: number, verbs: Set<string>): boolean {
  let k = i - 1;
  while (k >= t0 && ['DET', 'ADJ', 'ADV', 'NUM'].includes(tokens[k]!.pos)) k--;
  return k >= t0 && (verbs.has(tokens[k]!.lemma) || verbs.has(tokens[k]!.norm));
}

const MODAL = new Set(['will', 'would', 'should', 'shall', 'must', 'can', 'could', 'may', 'might', 'to', 'need', 'ought']);

/**
 * Whether the clause starting at token `i` states a fact ("Russia was behind the hacks", "that it had meddled")
 * rather than a course of action ("that their countries should cooperate", "to meet"): its first verb is a
 * plain be/have or a past tense, with no modal or "to" before it.
 */
function statesFact(tokens: Token[], i: number, limit: number, need: Set<string>): boolean {
  const first = tokens[i];
  if (!first || first.pos === 'ADP' || first.pos === 'PART' || first.norm === 'to') return false;
  for (let k = i; k <= Math.min(limit, i + 10); k++) {
    const t = tokens[k]!;
    if (MODAL.has(t.norm)) return false;
    if (t.pos === 'PUNCT') return false;
    if (t.pos !== 'AUX' && t.pos !== 'VERB') continue;
    // "had to resume", "is to meet", "dialogue is needed": an obligation, a plan, a need
    // ("extended to victims": a preposition, not an infinitive)
    if ((tokens[k + 1]?.norm === 'to' && tokens[k + 2]?.pos === 'VERB') || need.has(tokens[k + 1]?.norm ?? '')) return false;
    return (t.lemma === 'be' || t.lemma === 'have') ? !/^(?:be|been|being|have|having)$/.test(t.norm) : /ed$/.test(t.norm) && k > i;
  }
  return false;
}

/** wink tags some verbs as nouns and back ("talks", "call"); the lexicon's part of speech is checked leniently. */
const CLAUSE_OPENERS = new Set(['as', 'after', 'before', 'since', 'until', 'till', 'while', 'because', 'if', 'when', 'that', 'than', 'though', 'although', 'once', 'unless', 'whether']);

function posMatches(tokens: Token[], i: number, pos: string, text: string): boolean {
  const [t, prev, next] = [tokens[i]!, tokens[i - 1], tokens[i + 1]];
  // a "noun" right after "have"/"has"/"had" is a participle wink did not know ("have retaken")
  const afterHave = !!prev && prev.pos === 'AUX' && (prev.lemma === 'have' || /^(?:has|had|have)$/.test(prev.norm));
  // an inflected "noun" may be a verb wink misread ("Russia protests"), unless a verb stands right before it
  // ("has drawn protests") or after it ("protests are expected"): then it is the noun
  // ("On Russia sanctions", "the Iran sanctions bill", "after the Sept. 11 attacks", "discussed US sanctions three
  // times": a name or a date after a preposition, an article or a verb modifies the noun, unless an object follows:
  // "The Kremlin orders a cut", "The State Department claims that …", "said Russia sanctions Ukraine"; "the network of
  // US sanctions that plagues …" is a noun with its relative clause)
  let k = i - 1;
  while (k >= 0 && (tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NUM')) k--;
  const counted = next?.pos === 'NUM' && /^(?:times|days|weeks|months|years|hours)$/.test(tokens[i + 2]?.norm ?? '');
  // ("as Russia orders a cut": a word that opens a clause leaves the name its subject)
  const modifiedByName = k < i - 1 && k >= 0 && ['ADP', 'DET', 'VERB', 'ADJ'].includes(tokens[k]!.pos) && !CLAUSE_OPENERS.has(tokens[k]!.norm)
    && !(next && ['DET', 'PROPN', 'PRON', 'NUM', 'SCONJ', 'PART', 'ADV'].includes(next.pos) && !counted && !(/^(?:that|which)$/.test(next.norm) && !reportsClause(t.norm)));
  // ("US trade sanctions on China would damage …": a modal after the word's phrase makes it that modal's subject)
  let j = i + 1;
  while (j < tokens.length && j <= i + 6 && ['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ'].includes(tokens[j]!.pos)) j++;
  const subjectOfModal = j > i + 1 && tokens[j]?.pos === 'AUX' && MODAL.has(tokens[j]!.norm);
  // ("its ups and downs", "threats and demands": a plural joined to a noun before it is a noun too)
  const joinedToNoun = (prev?.norm === 'and' || prev?.norm === 'or') && tokens[i - 2]?.pos === 'NOUN';
  const inflected = /(?:ed|s)$/.test(text.slice(t.start, t.end)) && t.lemma !== t.norm && !(prev && prev.pos === 'VERB') && !joinedToNoun && !(next && (next.pos === 'AUX' || next.pos === 'VERB')) && !modifiedByName && !subjectOfModal;
  // "where protests are expected": a word in -s before "are"/"have" is the noun, whatever wink says
  if (pos === 'VERB' && /s$/.test(t.norm) && next?.pos === 'AUX' && /^(?:are|were|have)$/.test(next.norm)) return false;
  if (pos === 'VERB') return (t.pos === 'VERB' || (t.pos === 'NOUN' && (inflected || afterHave)) || t.pos === 'AUX') && !nounPosition(t, text, prev);

  if (pos === 'NOUN') return t.pos === 'NOUN' || t.pos === 'PROPN';
  return true;
}

/**
 * A word after an article, a possessive, an adjective, or (unless it is a gerund) a preposition is a noun, whatever
 * wink says: "blamed the sanctions on …", "additional Western sanctions", "spoke about sanctions".
 */
function nounPosition(t: Token, text: string, prev?: Token): boolean {
  if (!prev || !/^\s*$/.test(text.slice(prev.end, t.start))) return false;
  if (/^(?:the|a|an|these|those|this|his|her|its|their|our|my|your|['’]s|another|such|further|additional)$/.test(prev.norm)) return true;
  // "Western sanctions", "Russian attacks", "U.S. sanctions": a state's adjective or initials
  if (prev.pos === 'PROPN' && (/(?:ern|ian|ican|ean|ese|ish|ench)$/.test(prev.norm) || /^(?:\p{L}\.){2,}$/u.test(prev.norm))) return true;
  if (prev.pos === 'ADJ' && !/^(?:many|few|several|both|all|most|some|other|others|more|each|either|neither)$/.test(prev.norm)) return true;
  return prev.pos === 'ADP' && !/ing$/.test(t.norm) && !/^(?:to|that|than|as|if|because|while|whether|when|although|though|so)$/.test(prev.norm);
}

/** Words that open a noun's own complement: "speculation of", "answers regarding", "questions about how". */
const GOVERNED = /^(?:of|regarding|about|concerning|over|how|why|whether)$/;

function matchSlots(tokens: Token[], text: string, i: number, limit: number, slots: Slot[]): number {
  // "joined the Trump campaign in March": after a lower-case first word, a capitalised one on its own is a name, not the
  // lexicon's word
  const lower = /^\p{Ll}/u.test(text.slice(tokens[i]!.start, tokens[i]!.end));
  const go = (ti: number, si: number): number => {
    if (si === slots.length) return ti - 1;
    if (ti > limit) return -1;
    const slot = slots[si]!;
    if (slot.any) {
      for (let skip = slot.max === 1 ? 1 : 0; skip <= slot.max && ti + skip <= limit + 1; skip++) {
        // ("provided any credible answers on this new missile": a noun with its own preposition ends the object phrase;
        // "billions in sanctions relief" is an amount)
        // (across two gaps in a row too: "~ ~")
        const k = ti + skip - 2;
        if (k >= (si > 0 && slots[si - 1]!.any ? ti - 1 : ti) && tokens[k]!.pos === 'NOUN' && tokens[k + 1]!.pos === 'ADP' && !/^(?:of|with|for|to)$/.test(tokens[k + 1]!.norm)
          && !(tokens[k + 1]!.norm === 'in' && /^(?:billions|millions|thousands|hundreds|tens|dollars|euros|pounds)$/.test(tokens[k]!.norm))) break;
        const r = go(ti + skip, si + 1);
        if (r >= 0) return r;
      }
      return -1;
    }
    const t = tokens[ti]!;
    // (the last word of a longer name may be the word itself: "blocked the Europe Bridge")
    if (si > 0 && lower && t.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(text.slice(t.start, t.end)) && !/^\p{Lu}/u.test(text.slice(tokens[ti - 1]!.start, tokens[ti - 1]!.end))) return -1;
    return slot.lemmas.has(t.lemma) || slot.lemmas.has(t.norm) ? go(ti + 1, si + 1) : -1;
  };
  return go(i, 0);
}

/** The clause around a trigger: inside a quotation, the quotation; else the sentence cut at ; : dashes. */
function clauseBounds(tokens: Token[], text: string, t0: number, t1: number, hit: Hit, quote: Quote | undefined): [number, number] {
  let a = hit.first;
  let b = hit.last;
  const lo = quote ? Math.max(t0, tokenRange(tokens, quote.content.start, quote.content.end)[0]) : t0;
  const hi = quote ? Math.min(t1, tokenRange(tokens, quote.content.start, quote.content.end)[1]) : t1;
  const tok = (i: number) => text.slice(tokens[i]!.start, tokens[i]!.end);
  // a short parenthesis is part of its clause: "The Labour Office (ILO) reiterated …", "the Front (RUF) said"
  const shortParen = (from: number, step: 1 | -1, open: string, close: string): number => {
    for (let i = from + step, n = 0; n < 8 && i >= lo && i <= hi; i += step, n++) {
      const w = tok(i);
      if (w === close) return i;
      if (w === open || CLAUSE_BREAK.test(w) || w === ',') return -1;
    }
    return -1;
  };
  // so is a short alternative between dashes that names no one: "what they will — or won't — agree to", "his
  // controversial — and still unexplained — meeting"
  const dashAside = (from: number): number => {
    const other = shortParen(from, -1, tok(from), tok(from));
    return other > lo && tokens[other + 1]?.pos === 'CCONJ' && !tokens.slice(other, from).some((x) => x.pos === 'PROPN' || x.pos === 'PRON') ? other : -1;
  };
  while (a > lo) {
    const w = tok(a - 1);
    if (w === ')' || /^[—–]$/.test(w)) {
      const open = w === ')' ? shortParen(a - 1, -1, ')', '(') : dashAside(a - 1);
      if (open > lo) {
        a = open;
        continue;
      }
    }
    if (CLAUSE_BREAK.test(w)) break;
    a--;
  }
  while (b < hi) {
    const w = tok(b + 1);
    if (w === '(') {
      const close = shortParen(b + 1, 1, '(', ')');
      if (close > 0 && close < hi) {
        b = close;
        continue;
      }
    }
    if (CLAUSE_BREAK.test(w)) break;
    b++;
  }
  return [a, b];
}

/** Words in which the speaker speaks of themself or their side. */
function firstPerson(words: string): boolean {
  return /\b(?:I|[Ww]e|[Oo]ur|[Mm]y|us|[Ii]['’](?:ve|ll|d|m))\b/.test(words);
}

/**
 * "According to the Kremlin's website", "…, the UN says." name a source, not a participant (the second only after
 * the event's words: "Ahead of the summit, Biden said …" names its subject).
 */
function attributionMention(text: string, m: Mention, triggerEnd: number): boolean {
  if (/\baccording to\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 20), m.start))) return true;
  return m.start >= triggerEnd && /,\s*(?:the\s+|a\s+)?$/i.test(text.slice(Math.max(0, m.start - 8), m.start))
    && TRAILING_REPORT.test(text.slice(m.end, m.end + 60));
}

/** What follows the source of a report given after its content: "…, the UN says.", "…, Kremlin spokesman Dmitry Peskov told reporters." */
const TRAILING_REPORT = /^(?:['’]s)?(?:\s+[\p{L}-]+){0,3}?\s+(?:said|says|say|told|tells|reported|reports|added|adds|claimed|claims|announced|noted|wrote|writes|tweeted)\b(?:\s+[\p{L}'’-]+){0,4}[.!?]["”]?(?:\s|$)/u;

function actorsOf(m: Mention): Actor[] {
  if (m.members?.length) return [...m.members];
  return m.actor ? [{ ...m.actor, text: m.text }] : [];
}

/** Two participants on one side: the same person, or the same state (an event of a state with itself is no diplomatic event). */
function sameSide(a: Actor, b: Actor): boolean {
  if (a.id && b.id) return a.id === b.id || a.country === b.country;
  return !!a.country && a.country === b.country;
}

function sameActor(a: Actor, b: Actor): boolean {
  if (a.id && b.id) return a.id === b.id;
  if (a.id || b.id) return false;
  return a.country === b.country;
}

const REPORTING = new Set(['say', 'announce', 'declare', 'state', 'add', 'warn', 'claim', 'insist', 'confirm', 'report', 'tell', 'indicate']);
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/**
 * The subject of a trigger when it is no mention of a known actor: the noun phrase just before the trigger (past
 * auxiliaries, adverbs and time expressions) whose head is a generic actor noun ("police", "rebels", "thousands of
 * protesters") or a title, alone or before a name ("Vice-President X"). Its country is a state named inside the
 * phrase, else the first state the sentence names; with no state at all there is no actor.
 */
function genericSubject(text: string, tokens: Token[], hit: Hit, c0: number, times: TimeExpression[], sentenceMentions: Mention[], s: { start: number; end: number }, kb: KnowledgeBase, G: GenericActors): Actor | null {
  const inTime = (k: number) => WEEKDAY.test(tokens[k]!.norm) || times.some((t) => tokens[k]!.start >= t.start && tokens[k]!.end <= t.end);
  let i = hit.first - 1;
  while (i >= c0) {
    const t = tokens[i]!;
    if (t.pos === 'AUX' || t.pos === 'ADV' || (t.pos === 'PART' && t.norm !== "'s" && t.norm !== '’s') || inTime(i) || ((t.pos === 'ADP' || t.pos === 'DET') && i + 1 < hit.first && inTime(i + 1))) i--;
    else break;
  }
  const end = i;
  if (end < c0) return null;
  const word = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end);
  // "The party has said it will boycott …": the pronoun is the subject of the reporting verb before it
  if (/^(?:it|they)$/.test(tokens[end]!.norm)) {
    let v = end - 1;
    if (v >= c0 && tokens[v]!.norm === 'that') v--;
    while (v >= c0 && (inTime(v) || ((tokens[v]!.pos === 'ADP' || tokens[v]!.pos === 'DET') && inTime(v + 1)))) v--;
    if (v >= c0 && REPORTING.has(tokens[v]!.lemma)) {
      const reporter = sentenceMentions.filter((m) => m.end <= tokens[v]!.start && m.start >= tokens[c0]!.start && salientAt(text, m.start, m.end));
      const last = reporter[reporter.length - 1];
      if (last && actorsOf(last).length === 1 && text.slice(last.end, tokens[v]!.start).trim().split(/\s+/).length <= 4) return actorsOf(last)[0]!;
      return genericSubject(text, tokens, { ...hit, first: v, last: v }, c0, times, sentenceMentions, s, kb, G);
    }
    return null;
  }
  if (!['NOUN', 'PROPN'].includes(tokens[end]!.pos) && word(end) !== ')') return null;
  let start = end;
  while (start - 1 >= c0) {
    const t = tokens[start - 1]!;
    const w = word(start - 1);
    const fits = ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'ADP', 'CCONJ'].includes(t.pos) || (t.pos === 'PART' && /^['’]s$/.test(w)) || (t.pos === 'PUNCT' && /^(?:\(|\)|-|\.|['’])$/.test(w));
    if (!fits || /^(?:that|which|who|whom|whose|as|than|if|because)$/i.test(w)) break;
    start--;
  }
  while (start <= end && !['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(tokens[start]!.pos)) start++;
  if (start > end) return null;
  // the head: the last noun before the first preposition; a quantity ("thousands of") hands over to what follows
  let from = start;
  let head = -1;
  let sector: Sector | null = null;
  for (let guard = 0; guard < 4 && from <= end; guard++) {
    let stop = from;
    while (stop <= end && !(tokens[stop]!.pos === 'ADP' && stop > from)) stop++;
    head = -1;
    let depth = 0;
    for (let k = from; k < stop; k++) {
      const w = word(k);
      if (w === '(') depth++;
      else if (w === ')') depth = Math.max(0, depth - 1);
      else if (!depth && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN')) head = k;
    }
    if (head < 0) return null;
    const h = tokens[head]!;
    if (G.quantities.has(h.norm) && stop <= end && tokens[stop]!.norm === 'of') {
      from = stop + 1;
      continue;
    }
    sector = G.heads.get(h.lemma) ?? G.heads.get(h.norm) ?? G.titles.get(h.norm.replace(/\.$/, '')) ?? G.titles.get(h.norm) ?? null;
    // a name after a title: "Ousted President Askar Akayev", "Lt. Gen. Prosper Avril"
    if (!sector && h.pos === 'PROPN') {
      for (let k = head - 1; k >= from && tokens[k]!.pos === 'PROPN'; k--) {
        const title = G.titles.get(tokens[k]!.norm) ?? G.titles.get(tokens[k]!.norm.replace(/\.$/, ''));
        if (title && k < head) sector = title;
        if (sector) break;
      }
      if (!sector && head - 1 >= from) {
        // "prime minister Andreas Papandreou": lower-case titles are nouns before the name
        let k = head;
        while (k - 1 >= from && tokens[k - 1]!.pos === 'PROPN') k--;
        const prev = tokens[k - 1];
        if (prev && k - 1 >= from) sector = G.titles.get(prev.norm) ?? G.titles.get(prev.norm.replace(/\.$/, '')) ?? null;
      }
    }
    break;
  }
  if (!sector) return null;
  const npStart = tokens[start]!.start;
  const npEnd = tokens[end]!.end;
  const stateOf = (m: Mention) => actorsOf(m).map((x) => x.country).find((c): c is string => !!c && !!kb.country(c)) ?? null;
  const place = (a: number, b: number) => {
    for (const m of text.slice(a, b).matchAll(/[\p{Lu}][\p{L}-]+/gu)) {
      const c = kb.metonymByText.get(m[0].toLowerCase())?.country ?? kb.countryByName.get(m[0].toLowerCase());
      if (c) return c;
    }
    return null;
  };
  let country: string | null = null;
  for (const m of sentenceMentions) if (!country && m.start >= npStart && m.end <= npEnd) country = stateOf(m);
  country ??= place(npStart, npEnd);
  for (const m of sentenceMentions) if (!country) country = stateOf(m);
  country ??= place(s.start, s.end);
  if (!country) return null;
  const words = text.slice(npStart, npEnd).replace(/^(?:the|a|an)\s+/i, '');
  return { text: text.slice(npStart, npEnd), name: words, country, sector, role: null, id: null };
}

/**
 * "Trump and Macron met with reporters": a symmetric event with people of no state after its "with" is held by
 * the coordinated subjects together, not between them.
 */
function withOthers(tokens: Token[], hit: Hit, t1: number, after: Mention[], R: Rules): boolean {
  let i = hit.last + 1;
  if (tokens[i]?.norm !== 'with') return false;
  for (i++; i <= t1 && ['DET', 'ADJ', 'NUM'].includes(tokens[i]!.pos); i++);
  const head = tokens[i];
  return !!head && head.pos === 'NOUN' && !R.words.people.has(head.lemma.toLowerCase()) && !after.some((m) => m.start <= head.start && m.end >= head.end);
}

/** The mentions inside the trigger's words, in the gaps between them ("summoned Niger's ambassador", "said Russia must"). */
function mentionsInWords(mentions: Mention[], tokens: Token[], hit: Hit): Mention[] {
  return mentions.filter((m) => m.start >= tokens[hit.first]!.end && m.end <= tokens[hit.last]!.start);
}

/** Those the words address are on the actor's own side: the mentions inside the words, or the first one after them with
 * nothing but a determiner between. */
function domesticObject(text: string, tokens: Token[], hit: Hit, after: Mention[], actor: Actor[], clauseMentions: Mention[]): boolean {
  // "said Americans should be proud", "said Congress should act": the ones the words tell to act are the speaker's own
  // (an owner in the gap is no one told: "issued his demands")
  const inGap = mentionsInWords(clauseMentions, tokens, hit).filter((m) => !/^(?:his|her|its|their|our|my)$/i.test(m.text) && !/^['’]/.test(text.slice(m.end, m.end + 1)));
  if (inGap.length && inGap.every((m) => actorsOf(m).length && actorsOf(m).every((r) => actor.some((x) => sameSide(x, r))))) return true;
  // ("says: 'we shouldn't do that'": the speaker's own side)
  if (hit.first !== hit.last && /(?:^|[\s'‘"“])(?:we|i)\s+(?:\w+\s+)?$/i.test(text.slice(tokens[hit.first]!.end, tokens[hit.last]!.start))) return true;
  const m = after[0];
  if (!m || !/^\s*(?:the|its|his|her|their)?\s*$/i.test(text.slice(tokens[hit.last]!.end, m.start))) return false;
  return actorsOf(m).some((r) => actor.some((x) => sameSide(x, r)));
}

/** An aside's closing comma, and the adverbs and auxiliaries that may stand before the verb after it. */
const asideEnd = (more = '') => String.raw`,\s*(?:(?:also|then|later|now|has|had|have|quickly|already|again|repeatedly|reportedly${more})\s+)*$`;
/** From a name to its verb across a relative aside: ", whose military is backing Assad …, " (no other comma inside). */
const RELATIVE_ASIDE = new RegExp(String.raw`^\s*,\s*(?:who|whose|which)\b(?:[^,;:.!?"“”]|\.(?=\S)){3,200}` + asideEnd(), 'i');

/** From a possessor to a verb of the relative clause its noun opens: "Trump's first national-security adviser, who resigned". */
const POSSESSED_BEFORE_WHO = /^['’]s?\s+(?:[\p{L}-]+\s+){0,4}[\p{L}-]+,?\s+who\s+(?:(?:had|has|have|was|is|later|then|also|eventually|quickly|\p{L}+ly)\s+)*$/u;

/** A verb whose object does the bare verb after it: "let Putin deny", "watched Russia annex Crimea". */
const CAUSATIVE_BEFORE = /\b(?:let|lets|letting|make|makes|made|making|help|helps|helped|helping|watch|watches|watched|watching|see|sees|saw|seeing)\s+$/i;

/** A verb whose object is accused of an act: "accuse Russia of …", "charged the Kremlin with …". */
const ACCUSING_BEFORE = /\b(?:accus|charg|suspect|blam|critici[sz]|condemn|fault|denounc|convict)\w*\s+(?:the\s+)?$/i;

/** What follows words said: "…, claiming the country was captive", "…, calling it a disgrace". */
const SAYING_AFTER = /^[^.;!?]{0,80}?,\s+(?:claiming|saying|calling|accusing|arguing|charging|insisting|complaining|describing|labell?ing)\b/i;

/** A question asking yes or no, after a name it may address ("Mr. Tillerson, do you believe …?"). */
const YES_NO_QUESTION = /^\W*(?:[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3},\s*)?(?:do|does|did|is|are|was|were|will|would|can|could|should|has|have|had)\s[^?]*\?\W*$/iu;

/** From a name to its verb across an apposition: "Russia, a staunch supporter of Syria's president, Bashar al-Assad, had been pressing …". */
const APPOSITION_ASIDE = new RegExp(String.raw`^\s*,\s*(?:a|an|the|one of the)\s(?:[^,;:.!?"“”]|\.(?=\S)){3,120}(?:,\s*(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4})?` + asideEnd('|been|is|was'), 'iu');

/** From a name to its verb across a reporting aside: "Russia, Trump noted, had vetoed …", "Moscow, officials say, will …". */
const REPORTING_ASIDE = new RegExp(String.raw`^\s*,\s*(?:[\p{L}.'’-]+\s+){1,5}(?:said|says|noted|notes|added|adds|argued|argues|claimed|claims|insisted|insists|wrote|writes|believes|believe|say|alleged|alleges|told\s+[\p{L}]+)\s*` + asideEnd(), 'iu');

/** Prepositions that place or time an event rather than name a participant. */
const CIRCUMSTANTIAL = new Set(['in', 'at', 'during', 'near', 'on', 'after', 'before', 'since', 'until', 'by', 'over', 'under', 'amid', 'despite', 'via', 'through', 'across', 'within', 'like', 'as']);

/**
 * The participants the dependency parse gives a verb trigger: the mentions naming its subject (its agent, for a
 * passive) and its object — the direct object, or the oblique whose preposition the lexicon names for it.
 */
function parsedParticipants(syntax: Syntax, tokens: Token[], G: GenericActors, hit: Hit, mentions: Mention[], object: string): { actor: Mention[]; recipient: Mention[]; pair?: boolean; nobody?: boolean; passive?: boolean } {
  const pred = syntax.predicate(hit.first);
  const outside = (k: number) => k < hit.first || k > hit.last;
  const at = (words: number[]) => mentions.filter((m) => words.some((k) => outside(k) && syntax.covers(m, k)));
  const naming = (i: number) => {
    const { heads, titled, modifiers } = syntax.naming(i);
    const named = at(heads);
    const title = at(titled).filter((m) => m.kind === 'person' || m.kind === 'role');
    // "US Secretary of State John Kerry": the state before a title is the title's, the person is named after it
    if (named.length && !(title.length && named.every((m) => m.kind === 'country'))) return named;
    return title.length ? title : at(modifiers);
  };
  // the parser errs on news titles and fronted phrases: a subject must come before the words and have no preposition
  const found = syntax.subject(pred);
  // (the noun a relative clause modifies keeps whatever preposition it has: "the commerce of those who oppose …")
  // (an object read as the subject of its infinitive must name someone itself, not through a "with" after it)
  const namesSomeone = (i: number) => { const { heads, modifiers } = syntax.naming(i); return at([...heads, ...modifiers]).length > 0; };
  const subj = found && (found.ifNamed ? namesSomeone(found.token) : found.passive || found.antecedent || (found.token < hit.first && !syntax.hasCase(found.token))) ? found : null;
  const active = subj && !subj.passive ? subj : null;
  const activeNames = active ? naming(active.token) : [];
  if (active) {
    const h = tokens[active.token]!;
    // "the two leaders discussed trade": the pair of an event told before, not whoever the words name nearby
    // (unless the mentions layer already knows who the two are)
    if (syntax.pair(active.token) && !activeNames.length) return { actor: [], recipient: [], pair: true };
    // "those who oppose the withdrawal": no one in particular acts, whoever is named nearby
    if (syntax.nobody(active.token)) return { actor: [], recipient: [], nobody: true };
    // "the treaty, which banned such weapons", "a law blacklisting abusers": a thing does it, no actor
    // ("which" names a thing whatever the parse hung its clause from)
    if (!activeNames.length && (h.norm === 'which' || (active.antecedent && (h.pos === 'NOUN' || h.pos === 'PROPN') && !actorNoun(h, G)))) return { actor: [], recipient: [], nobody: true };
    // "the past examples of U.S.-Russia cooperation I provided demonstrate": a thing that names no one is the subject
    // (its own subject only: one the parse lends a conjoined verb or a gerund may be another's)
    if (!activeNames.length && syntax.head[active.token] === pred && h.pos === 'NOUN' && !actorNoun(h, G) && !active.others.length && !syntax.naming(active.token).titled.length) return { actor: [], recipient: [], nobody: true };
  }
  // (a relative pronoun comes before its verb: "the agents whom it accused")
  const objects = syntax.objects(pred).filter((o) => o.token > hit.last || syntax.standsFor(o.token) !== o.token);
  const agent = objects.find((o) => o.rel === 'obl' && o.case === 'by');
  if (subj?.passive) return { actor: agent ? naming(agent.token) : [], recipient: naming(subj.token), passive: true };
  const preps = object === 'after' ? null : object.split('|');
  const direct = objects.filter((o) => o.rel !== 'obl');
  const oblique = objects.filter((o) => o.rel === 'obl' && o.case && (preps ? preps.includes(o.case) : !CIRCUMSTANTIAL.has(o.case)));
  const chosen = preps ? oblique : direct.length ? direct : oblique;
  return { actor: active ? [...activeNames, ...active.others.flatMap(naming)] : [], recipient: chosen.flatMap((o) => naming(syntax.standsFor(o.token))) };
}

/** The subject: the nearest salient mention before the trigger, with the mentions coordinated with it. */
function subjectOf(text: string, before: Mention[], isObject?: (m: Mention) => boolean): Mention[] {
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (!salientAt(text, m.start, m.end)) continue;
    // the object of a verb or a preposition is no subject: "interfered to defeat Clinton by hacking", "a major investor in Venezuela"
    if (isObject?.(m)) continue;
    // ("Moscow, and not Washington, has worked with …": a conjunct denied is none)
    if (/\bnot\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 8), m.start))) continue;
    const group = [m];
    let joinedByAnd = false;
    for (let j = i - 1; j >= 0; j--) {
      const gap = text.slice(before[j]!.end, group[0]!.start);
      // "Chancellor Merkel and President Putin": a title may stand between "and" and the name
      if (/\bnot\s/i.test(gap)) break;
      if (/^\s*(?:and|,\s*and|&)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,3}$/iu.test(gap) || /^\s*&\s*$/.test(gap)) joinedByAnd = true;
      else if (!(/^\s*,\s*$/.test(gap) && joinedByAnd)) break;
      group.unshift(before[j]!);
    }
    // "the lines between Washington and Moscow, criticizing …": a name joined to an object is an object too
    if (isObject && isObject(group[0]!)) {
      i -= group.length - 1;
      continue;
    }
    return group;
  }
  return [];
}

const PERSON_SUFFIX = /(?:man|men|woman|women|person|people|er|ers|or|ors|ist|ists|ian|ians|ant|ants|ee|ees|ent|ents|ive|ives)$/;
const ACTOR_NOUNS = new Set(['side', 'country', 'nation', 'state', 'aide', 'diplomat', 'delegation', 'team', 'campaign', 'company', 'firm', 'agency', 'department', 'office', 'committee', 'council', 'commission', 'camp', 'public', 'community', 'media', 'press', 'family', 'staff', 'crew', 'bloc', 'alliance', 'ally', 'power', 'west', 'world', 'junta', 'leadership', 'embassy', 'mission', 'unit', 'jet', 'warplane', 'plane', 'aircraft', 'drone', 'missile', 'ship', 'warship', 'tank', 'gunboat', 'helicopter', 'artillery', 'capital', 'city', 'region', 'province', 'republic', 'kingdom', 'house', 'senate', 'congress', 'board', 'body', 'organisation', 'organization', 'network', 'outlet', 'newspaper', 'paper', 'network', 'channel', 'bank', 'fund', 'group', 'majority', 'minority', 'population', 'couple', 'pair', 'both', 'duo', 'trio', 'kremlin', 'pentagon', 'doj', 'fbi', 'cia', 'forum', 'deputy', 'gunship', 'bomber', 'convoy', 'battalion', 'brigade', 'regiment', 'squad', 'patrol', 'vessel', 'boat', 'submarine', 'satellite']);

/**
 * The subject of a verb trigger is a common noun phrase that names no actor: "NATO's expansion threatens the
 * nation's security", "an American law that blacklists abusers", "the attack that killed 80 people". The noun
 * phrase right before the verb (past auxiliaries and adverbs; through a relative "that"/"which") holds no mention
 * and its head is no actor noun.
 */
function inanimateSubject(tokens: Token[], text: string, hit: Hit, c0: number, mentions: Mention[], times: TimeExpression[], G: GenericActors): boolean {
  let i = hit.first - 1;
  // an infinitive has no subject of its own ("opened fire to disperse …")
  if (i >= c0 && tokens[i]!.norm === 'to') return false;
  while (i >= c0 && (tokens[i]!.pos === 'AUX' || tokens[i]!.pos === 'ADV' || (tokens[i]!.pos === 'PART' && !/^(?:['’]s|to)$/.test(tokens[i]!.norm)))) i--;
  if (i >= c0 && /^(?:that|which)$/.test(tokens[i]!.norm)) {
    i--;
    // "the inquiry, which is investigating …"
    if (i >= c0 && tokens[i]!.norm === ',') i--;
  }
  if (i < c0) return false;
  const h = tokens[i]!;
  if (h.pos !== 'NOUN' || !/^\p{Ll}/u.test(text.slice(h.start, h.end))) return false;
  const covered = (k: number) => mentions.some((m) => m.start <= tokens[k]!.start && m.end >= tokens[k]!.end) || times.some((t) => t.start <= tokens[k]!.start && t.end >= tokens[k]!.end);
  if (covered(i)) return false;
  if (actorNoun(h, G)) return false;
  // the rest of the noun phrase: a state in it ("Turkish warplanes", "Russia's expansion") makes it an actor's
  for (let k = i - 1; k >= c0 && ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PART'].includes(tokens[k]!.pos); k--) if (covered(k)) return false;
  return true;
}

/** Whether a common noun can name someone who acts: "rebels", "officials", "the alliance", "warplanes". */
function actorNoun(h: Token, G: GenericActors): boolean {
  const lemma = h.lemma.toLowerCase();
  return G.heads.has(lemma) || G.heads.has(h.norm) || G.titles.has(h.norm) || G.quantities.has(h.norm) || ACTOR_NOUNS.has(lemma) || ACTOR_NOUNS.has(h.norm.replace(/s$/, '')) || (PERSON_SUFFIX.test(h.norm) && !/ments?$/.test(h.norm));
}

/**
 * For a state's name used before a noun ("U.S. officials", "U.S. state-of-the-art missiles"): whether the noun
 * phrase it begins names people. A name that stands alone ("received Russia") counts as people.
 */
function animateHead(tokens: Token[], text: string, m: Mention, R: Rules): boolean {
  const G = R.generic;
  let j = tokenAt(tokens, m.end);
  let head: Token | null = null;
  for (let prevEnd = m.end; j < tokens.length; j++) {
    const t = tokens[j]!;
    const gap = text.slice(prevEnd, t.start);
    // a hyphenated compound ("state-of-the-art") is one word, whatever its pieces are tagged
    if (!(gap === '' || (gap === ' ' && ['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(t.pos)))) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') head = t;
    prevEnd = t.end;
  }
  if (!head) return true;
  const lemma = head.lemma.toLowerCase();
  return AFFILIATION_NOUNS.has(head.norm) || G.heads.has(lemma) || G.heads.has(head.norm) || G.titles.has(head.norm) || R.words.people.has(lemma) || (PERSON_SUFFIX.test(head.norm) && !/ments?$/.test(head.norm));
}


/** A mention right after a preposition or a lexical verb (past a determiner): an object, not a subject. */
function objectPosition(text: string, tokens: Token[], m: Mention): 'preposition' | 'verb' | null {
  let i = tokenAt(tokens, m.start) - 1;
  // past a determiner, an adjective before a phrase that is no name of its own ("charged former Trump advisers"),
  // and a common adjective before any name ("from northern Syria")
  const adjective = (t: Token) => t.pos === 'ADJ' && ((m.kind === 'role' && !m.actor?.id) || /^\p{Ll}/u.test(text.slice(t.start, t.end)));
  while (i >= 0 && ((tokens[i]!.pos === 'DET' && tokens[i]!.norm !== 'that') || adjective(tokens[i]!))) i--;
  const t = tokens[i];
  if (!t || !/^\s*$/.test(text.slice(t.end, tokens[i + 1]!.start))) return null;
  if (t.pos === 'ADP') return /^(?:that|than|as|like|if|because|while|whether|after|before|since|until|when|although|though)$/.test(t.norm) ? null : 'preposition';
  return t.pos === 'VERB' && !BE.has(t.lemma) && !REPORTING.has(t.lemma) && !['have', 'do', 'think', 'believe', 'say', 'know', 'hope', 'fear', 'suggest', 'argue', 'note', 'mean', 'ensure', 'show', 'find', 'see'].includes(t.lemma) ? 'verb' : null;
}

/** A phrase put before the main clause: "After …", "Ahead of …". */
const FRONTED = /^\s*(?:after|following|during|before|since|at|in|on|despite|amid|ahead of)\b/i;
/** A participle put before the main clause: "After meeting", "Before talking". */
const FRONTED_PARTICIPLE = /^\s*(?:after|before|since|while|when)\s+[\p{L}]+ing$/iu;

/**
 * The subject of the main clause after a fronted phrase: the first salient mention after the next comma, with at
 * most an article and titles between ("…, Mr. Trump said", "…, the US president said").
 */
function mainSubjectAfter(text: string, tokens: Token[], hit: Hit, sentenceMentions: Mention[]): Mention[] {
  const comma = text.indexOf(',', tokens[hit.last]!.end);
  if (comma < 0) return [];
  const m = sentenceMentions.find((x) => x.start > comma && /^,\s*(?:the\s+)?(?:[\p{Lu}][\p{L}]*\.?\s+){0,2}$/u.test(text.slice(comma, x.start)) && salientAt(text, x.start, x.end));
  return m ? [m] : [];
}

/** One of `verbs` takes the trigger's noun as its object (past determiners, adjectives and numbers): "issued a denial". */
function verbTakingNoun(tokens: Token[], hit: Hit, verbs: Set<string>): boolean {
  for (let i = hit.first - 1; i >= Math.max(0, hit.first - 4); i--) {
    const t = tokens[i]!;
    if (verbs.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'AUX')) return true;
    if (!['DET', 'ADJ', 'ADV', 'NUM'].includes(t.pos)) return false;
  }
  return false;
}

/** A verb trigger in its -ing form used as a noun: after a determiner, an adjective or a possessive ("a far-reaching hacking scheme"). */
function gerundAsNoun(tokens: Token[], text: string, hit: Hit): boolean {
  if (hit.first !== hit.last || !/ing$/i.test(text.slice(tokens[hit.first]!.start, tokens[hit.first]!.end))) return false;
  const prev = tokens[hit.first - 1];
  const next = tokens[hit.first + 1];
  return !!prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || /^(?:['’]s|his|her|its|their|our|my|your)$/i.test(prev.norm));
}

const REPORTS = new Set([...REPORTING, 'tweet', 'write', 'allege', 'believe', 'suspect', 'think', 'argue', 'post', 'assert', 'contend', 'maintain', 'reckon', 'estimate']);

/** A verb of saying or believing between the subject and the trigger ("X tweeted that Y agreed", "who X alleges are backed"): X reports. */
function reporterOf(text: string, tokens: Token[], m: Mention, hit: Hit): boolean {
  // "Russia, which says it fights terrorists, bombed …": a relative clause says something of the subject
  if (/^\s*,\s*(?:which|who)\b/i.test(text.slice(m.end, m.end + 12))) return false;
  for (let i = tokenAt(tokens, m.end); i < hit.first; i++) {
    const t = tokens[i]!;
    if ((t.pos === 'VERB' || t.pos === 'NOUN') && (REPORTS.has(t.lemma) || REPORTS.has(t.norm)) && /^\p{Ll}/u.test(text.slice(t.start, t.end))) {
      // "announced that it has called off …": a pronoun after the verb takes the reporter back as the subject
      // (not an "it" that stands for nothing: "say it's too soon to tell what …")
      return !tokens.slice(i + 1, hit.first).some((x, k, rest) => /^(?:he|she|it|they|we|i)$/.test(x.norm) && !expletiveIt(rest, k));
    }
  }
  return false;
}

/** "it's too soon to tell", "it is unclear whether", "it was not possible": an "it" that stands for nothing. */
function expletiveIt(tokens: Token[], k: number): boolean {
  if (tokens[k]!.norm !== 'it') return false;
  let j = k + 1;
  if (!/^(?:is|was|['’]s|be|seems|seemed|remains|remained)$/.test(tokens[j]?.norm ?? '')) return false;
  j++;
  while (tokens[j] && (tokens[j]!.pos === 'ADV' || /^(?:not|n['’]t)$/.test(tokens[j]!.norm))) j++;
  return tokens[j]?.pos === 'ADJ' || (j > k + 2 && /^(?:to|that|whether|if)$/.test(tokens[j]?.norm ?? ''));
}

/**
 * A participle right after a common noun or a pronoun, or set off after a name, with "by" after it: "something
 * denied by both", "sanctions imposed by Congress", "Maduro, backed by Moscow,".
 */
function reducedRelative(tokens: Token[], text: string, hit: Hit): boolean {
  if (hit.trigger.nominal || hit.first !== hit.last) return false;
  let prev = tokens[hit.first - 1];
  // "Maduro, backed by Russia, …": a participle set off after a name
  if (prev?.norm === ',' && tokens[hit.first - 2]?.pos === 'PROPN') prev = tokens[hit.first - 2]!;
  else if (!prev || !['NOUN', 'PRON'].includes(prev.pos) || !/^\p{Ll}/u.test(text.slice(prev.start, prev.end)) || /^(?:i|we|you|he|she|it|they|who|that|which)$/.test(prev.norm)) return false;
  if (!/(?:ed|en|wn)$/i.test(text.slice(tokens[hit.first]!.start, tokens[hit.first]!.end))) return false;
  return /^\s*(?:\S+\s+){0,2}?by\b/i.test(text.slice(tokens[hit.last]!.end, tokens[hit.last]!.end + 40));
}

/** The verb's subject, right before it (past auxiliaries, adverbs and "not"), is a pronoun for someone the knowledge base does not know. */
function strangerPronounSubject(tokens: Token[], hit: Hit, mentions: Mention[]): boolean {
  let k = hit.first - 1;
  while (k >= 0 && (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'ADV' || tokens[k]!.norm === 'not')) k--;
  const t = tokens[k];
  return !!t && mentions.some((m) => m.kind === 'pronoun' && !m.actor && m.start === t.start);
}

/** A verb trigger of one word in -ed ("killed", "indicted"). */
function loneParticiple(tokens: Token[], text: string, hit: Hit): boolean {
  return !hit.trigger.nominal && hit.first === hit.last && /ed$/i.test(text.slice(tokens[hit.first]!.start, tokens[hit.first]!.end));
}

/** "grew to at least 36 people killed each day", "with 24 people killed": a participle after a count of people that a
 * preposition takes tells what befell them. */
function participleOfPrepositionObject(tokens: Token[], text: string, hit: Hit): boolean {
  if (!loneParticiple(tokens, text, hit)) return false;
  let k = hit.first - 1;
  if (tokens[k]?.pos !== 'NOUN') return false;
  // (over "at least", "at most")
  while (k > 0 && (['NOUN', 'NUM', 'ADJ', 'DET', 'ADV'].includes(tokens[k - 1]!.pos) || (tokens[k - 1]!.norm === 'at' && /^(?:least|most)$/.test(tokens[k]!.norm))) && hit.first - k < 7) k--;
  const counted = tokens.slice(k, hit.first).some((x) => x.pos === 'NUM' || /^(?:dozens|hundreds|thousands|scores|many|several|more|fewer)$/.test(x.norm));
  return counted && tokens[k - 1]?.pos === 'ADP' && /^(?:to|with|of|including|among)$/.test(tokens[k - 1]!.norm);
}

/**
 * "The 12 Russians indicted on Friday were targeted …": a participle after a plural noun, with the clause's own verb
 * still to come, tells of what was done to the noun by someone the words do not name.
 */
function participleBeforeItsVerb(tokens: Token[], text: string, hit: Hit): boolean {
  if (!loneParticiple(tokens, text, hit)) return false;
  const prev = tokens[hit.first - 1];
  if (!prev || !['NOUN', 'PROPN'].includes(prev.pos) || !/s$/.test(prev.norm)) return false;
  const next = tokens[hit.first + 1];
  if (!next || !['ADP', 'PUNCT'].includes(next.pos) || next.norm === ',') return false;
  for (let i = hit.first + 1; i <= hit.first + 8 && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos === 'AUX' && /^(?:were|are|have|had|will|would|could|can|may|might|must|should)$/.test(t.norm)) return true;
    if (t.pos === 'VERB' || t.pos === 'SCONJ' || t.pos === 'CCONJ' || /^[,;:.!?]$/.test(t.norm)) return false;
  }
  return false;
}

function agentlessPassive(tokens: Token[], text: string, hit: Hit, sentenceEnd: number): boolean {
  const prev = [tokens[hit.first - 1], tokens[hit.first - 2]].filter(Boolean) as Token[];
  if (!prev.some((t) => BE.has(t.lemma) || BE.has(t.norm))) return false;
  // (irregular participles too: "was shot down", "was struck", "were hit", "was cut")
  if (!/(?:ed|en|wn|ht|lt|shot|struck|hit|cut|hung|caught|held|led|fought)$/i.test(text.slice(tokens[hit.first]!.start, tokens[hit.first]!.end))) return false;
  // (within the sentence: "One marine was killed. \"The helicopter was destroyed by mortar fire\"" names no agent of the killing)
  return !/^\s*(?:\S+\s+){0,6}?by\b/i.test(text.slice(tokens[hit.last]!.end, Math.min(sentenceEnd, tokens[hit.last]!.end + 60)));
}

/** The nearest state, organisation or metonym before the trigger that owns or contains the subject. */
function stateBehindSubject(text: string, tokens: Token[], before: Mention[]): Mention[] {
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.kind !== 'country' && m.kind !== 'organisation' && m.kind !== 'metonym') continue;
    // "a rocket strike on Kiev's headquarters killed …": the owner of what a preposition names is no one's backer
    if (/^['’]s\b/.test(text.slice(m.end, m.end + 4)) && objectPosition(text, tokens, m) === 'preposition') continue;
    const after = text.slice(m.end, m.end + 4);
    const pre = text.slice(Math.max(0, m.start - 40), m.start);
    if (/^['’]s\b/.test(after) || /\b(?:thousands|hundreds|dozens|members|some|many|a group|groups|leaders|officials|inhabitants|residents|citizens|people|supporters)\s+of\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu.test(pre)) return [m];
  }
  return [];
}

/** "Putin's offer", "Lavrov's quick denial", "Russian entreaties", "Trump's announced landmark INF Treaty pullout". */
function possessorOf(text: string, tokens: Token[], hit: Hit, before: Mention[], attitude: Set<string>): Mention | null {
  const start = tokens[hit.first]!.start;
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    const between = text.slice(m.end, start);
    if (between.length > 60) break;
    if (/^['’]s\s+(?:[\p{L}\d-]+\s+){0,5}$/u.test(between)) return m;
    if ((m.kind === 'pronoun' || m.kind === 'group') && /^(?:his|her|their|its)$/i.test(m.text) && /^\s+(?:[\p{L}\d-]+\s+){0,5}$/u.test(between)) return m;
    // ("Russian diplomatic efforts", "the US will reimpose sanctions"; not "Saudi Arabia to support negotiations": a
    // stance toward talks is no part in them)
    if (m.kind === 'country' && /^(?:-led)?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(between)
      && !tokens.slice(tokenAt(tokens, m.end), hit.first).some((x) => x.start >= m.end && x.pos === 'VERB' && attitude.has(x.lemma))) return m;
    // "to attend a Trump meeting with the Chinese president": a name right before a meeting is its owner, when the
    // noun names its partner ("the Kim summit" alone leaves the owner unsaid; "how Trump deals with China" is a verb)
    if (m.kind === 'person' && hit.trigger.event === 'CONSULT' && /^\s+$/.test(between) && /^\s+(?:with|to)\s/i.test(text.slice(tokens[hit.last]!.end, tokens[hit.last]!.end + 6))) return m;
  }
  return null;
}

function objectOf(text: string, tokens: Token[], hit: Hit, after: Mention[], object: string, nominal: boolean, actor: Actor[], prepositionOnly = false): Actor[] {
  const end = tokens[hit.last]!.end;
  const preps = object === 'after' ? null : object.split('|');
  const prepRe = preps ? new RegExp(`\\b(?:${preps.join('|')})\\s+(?:[\\p{L}\\d'’”“,.-]+\\s+){0,5}$`, 'iu') : null;
  const other = (m: Mention) => actorsOf(m).filter((r) => !actor.some((x) => sameSide(x, r)));
  for (let i = 0; i < after.length; i++) {
    const m = after[i]!;
    const gap = text.slice(end, m.start);
    if (gap.length > 90) break;
    // "complained about having to attend the meeting, especially since his summit with Kim …": a clause of its own
    if (SUBORDINATE_INSIDE.test(gap)) break;
    // "support the idea that Assad must be removed", "rejected claims that Russia …": what the clause after the noun
    // names is the content of the idea, not the event's partner
    if (/\b(?:idea|notion|claim|claims|view|assertion|suggestion|allegation|allegations|report|reports|fact|belief|argument|theory|assessment|conclusion|premise|position)\s+that\s+(?:[\p{L}'’-]+\s+){0,3}$/iu.test(gap)) break;
    // "carried out the attack, and it accuses Russia …": a clause joined with a subject of its own
    if (/,\s*(?:and|but|while|whereas)\s+(?:it|he|she|they|we|this|that|its|his|her|their|the)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu.test(gap) && !/\b(?:to|with|on|against|at)\s+$/i.test(gap)) break;
    // "to attack those forces, rather than ISIS": what the event is said not to concern
    if (/\b(?:rather than|instead of|as opposed to)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu.test(text.slice(Math.max(0, m.start - 30), m.start))) continue;
    // "Heading into the meeting, Mr. Trump sharpened the lines between Washington and Moscow": a name that is no
    // object of anything opens a clause of its own, past which a noun's participants are not sought
    // (unless that name is the event's own actor: "At their summit, Biden sided with Putin")
    if (nominal && i > 0 && other(after[i - 1]!).length && !objectPosition(text, tokens, after[i - 1]!) && /,/.test(text.slice(end, after[i - 1]!.start))) break;
    const direct = /^\s*(?:[\p{L}'’-]+\s+){0,6}$/u.test(gap);
    // a noun followed straight by a name works like a verb: "meeting Putin"
    // "a visit to his ally just before Pompeo's": a name after a word of time or comparison is none of the event's
    if (/\b(?:before|after|during|since|until|than)\s+(?:the\s+)?$/i.test(gap)) continue;
    // (a threat "to target the U.S." names its target so: only a trip or a meeting has its partner after "to" as a place)
    const ok = (prepRe?.test(gap) && !(hit.trigger.event === 'CONSULT' && infinitiveTo(tokens, end, gap))) || (!prepositionOnly && ((!nominal && (direct || !preps)) || (nominal && !preps && direct) || (nominal && /^\s+$/.test(gap))));
    if (!ok) continue;
    // a direct object is the first mention after the verb: when it is on the actor's side, the event is domestic
    if (!other(m).length) {
      if (!preps && !nominal) return [];
      continue;
    }
    // "a call with U.S. Secretary of State John Kerry": the state before a title is the title's, the person is named after it
    const titled = after[i + 1];
    if (titled && m.kind === 'country' && (titled.kind === 'person' || titled.kind === 'role') && TITLE_BETWEEN.test(text.slice(m.end, titled.start))
      && actorsOf(titled).some((p) => p.country === m.actor?.country)) {
      return other(titled);
    }
    // coordinated objects: "meeting Putin, Sergey Lavrov, and other officials"
    const objects = [m];
    for (let j = i + 1; j < after.length; j++) {
      const g = text.slice(objects[objects.length - 1]!.end, after[j]!.start);
      // ("between Mr. Trump and Russian President Vladimir Putin": a title may stand before the name)
      // ("met President Barack Obama, Mr Trump's predecessor": a possessor in an apposition is none)
      // ("Lavrov and ambassador Sergey Kislyak": a title in lower case too)
      if (/^\s*(?:,|and|,\s*and)\s*(?:(?:the\s+)?(?:(?:\p{Lu}[\p{L}.-]*|ambassador|envoy|minister|president|secretary|chancellor|foreign|prime|defense|defence|counterpart|leader)\s+){1,3})?$/u.test(g) && !/^['’]s?\b/.test(text.slice(after[j]!.end, after[j]!.end + 3))) objects.push(after[j]!);
      else break;
    }
    return objects.flatMap(other);
  }
  return [];
}

/** The last "to" of a gap opens an infinitive: "a trip to Vienna to review Iran's nuclear activities" (no trip to Iran). */
function infinitiveTo(tokens: Token[], from: number, gap: string): boolean {
  const tos = [...gap.matchAll(/\bto\s+/gi)];
  const last = tos[tos.length - 1];
  if (!last || /\b(?:with|on|of|from|for|in|between|against|into|at)\s+(?:[\p{L}'’-]+\s+){0,5}$/iu.test(gap.slice(last.index! + last[0].length))) return false;
  const next = tokens[firstStartingAtOrAfter(tokens, from + last.index! + last[0].length)];
  return next?.pos === 'VERB' || next?.pos === 'AUX';
}

/** The sentence's time, when it belongs to verbs other than the trigger and none of them tells the trigger's event: unknown. */
function timeOfOtherVerbs(verbs: Token[], date: When, text: string, R: Rules): When | null {
  if (!verbs.length || verbs.some((x) => R.words.telling.has(x.lemma))) return null;
  return { ...UNKNOWN, basis: `a time of another verb: ${date.text} dates "${verbs.map((x) => text.slice(x.start, x.end)).join(' … ')}"` };
}

/** An ordinal or the like right before the trigger, which makes it an earlier event than the sentence's: "their first meeting". */
const EARLIER_BEFORE = /\b(?:earlier|previous|prior|first|last|past|former)\s+(?:[\p{L}-]+\s+)?$/iu;
/** … or another event than the sentence's: "a second meeting", "their next summit". */
const ANOTHER_BEFORE = /\b(?:second|third|another|next|new|future|follow-up)\s+(?:[\p{L}-]+\s+)?$/iu;

/** A capitalised possessor right before a noun and its modifiers: "Page's July 2016 trip". */
const STRANGER_OWNS = /(?:^|[^\p{L}.])(\p{Lu}[\p{L}-]+)['’]s?\s+(?:[\p{L}\d-]+\s+){0,3}$/u;

/** Only the words of a title between a state's name and a person's: " Secretary of State ", " envoy ". */
const TITLE_BETWEEN = /^\s+(?:(?!(?:and|or|but|nor|with|to|in|on|at|by|as|from|than|after|before|since|until|when|while|if|because|who|which|that|over|against)\s)[\p{L}.-]+\s+){1,5}$/u;

function passive(tokens: Token[], text: string, hit: Hit, after: Mention[]): Mention | null {
  if (hit.trigger.nominal) {
    const m = after[0];
    return m && /^\s*(?:\S+\s+){0,3}by\s+(?:the\s+)?$/i.test(text.slice(tokens[hit.last]!.end, m.start)) ? m : null;
  }
  const prev = [tokens[hit.first - 1], tokens[hit.first - 2]].filter(Boolean) as Token[];
  if (!prev.some((t) => BE.has(t.lemma) || BE.has(t.norm)) && !reducedRelative(tokens, text, hit)) return null;
  for (const m of after) {
    const gap = text.slice(tokens[hit.last]!.end, m.start);
    if (gap.length > 80) break;
    // "hosted by a third-party provider and used by Clinton's office": the first "by" names the agent
    if ((gap.match(/\bby\b/gi) ?? []).length > 1) break;
    if (/\bby\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}$/iu.test(gap)) return m;
  }
  return null;
}

function cueBefore(tokens: Token[], from: number, to: number, cues: string[][]): boolean {
  return cueAt(tokens, from, to, cues) >= 0;
}

/** Where the last cue between `from` and `to` begins, or -1. */
function cueAt(tokens: Token[], from: number, to: number, cues: string[][]): number {
  let at = -1;
  for (let i = from; i <= to; i++) {
    // "based on his peace plan and on an agreement": a cue noun says it only of what it governs ("plans to", "an offer of");
    // a name is no cue ("Theresa May", "in May")
    if ((tokens[i]!.pos === 'NOUN' && !/^(?:to|for|of)$/.test(tokens[i + 1]?.norm ?? '')) || tokens[i]!.pos === 'PROPN') continue;
    if (cues.some((cue) => cue.every((w, k) => tokens[i + k] && (tokens[i + k]!.lemma === w || tokens[i + k]!.norm === w)))) at = i;
  }
  return at;
}

/**
 * An uncertainty cue before the trigger ("unclear whether", "reportedly"), unless a time word puts the trigger in a
 * circumstance of its own: "questioned whether a deal was possible … after meeting Putin" (the meeting took place).
 */
function uncertainOf(tokens: Token[], from: number, first: number, R: Rules): boolean {
  const cue = cueAt(tokens, from, first - 1, R.cues.uncertain);
  if (cue < 0) return false;
  for (let i = cue + 1; i < first; i++) if (R.words.circumstance.has(tokens[i]!.norm)) return false;
  return true;
}

/** An open-question cue ("unclear", "whether") before a planning cue, both before the trigger: the question holds the plan. */
const OPEN_QUESTION = new Set(['unclear', 'uncertain', 'whether', 'unknown']);
function openQuestion(tokens: Token[], text: string, hit: Hit, sentenceStart: number, R: Rules): boolean {
  const from = afterSubordinateBreak(tokens, text, sentenceStart, hit.first);
  const cue = cueAt(tokens, from, hit.first - 1, R.cues.uncertain);
  if (cue < 0 || !OPEN_QUESTION.has(tokens[cue]!.norm) || !uncertainOf(tokens, from, hit.first, R)) return false;
  return cueBefore(tokens, cue + 1, hit.first - 1, R.cues.planned);
}

/** A noun with a preposition of its own between a cue and the trigger: "expectations for (the trip)". */
function nounComplementBetween(tokens: Token[], cue: number, first: number): boolean {
  for (let i = cue + 1; i < first - 1; i++) if (tokens[i]!.pos === 'NOUN' && tokens[i + 1]!.pos === 'ADP' && tokens[i + 1]!.norm !== 'of') return true;
  return false;
}

const SAID_TYPES = new Set<PloverType>(['ACCUSE', 'REJECT', 'PROTEST']);

/** A comma and a conjunction that open a clause of its own: "It's unclear whether X, as Trump said after his meeting …". */
const SUBORDINATE_BREAK = /^,\s*(?:as|because|since|while|whereas|although|though|but|when|if|especially|even)\b/i;
const SUBORDINATE_INSIDE = new RegExp(SUBORDINATE_BREAK.source.slice(1), 'i');

/**
 * The first token after the last subordinate break between `from` and the trigger: what the clause before it
 * says ("it's unclear whether …", "backlash in Washington") is not said of the trigger after it.
 */
function afterSubordinateBreak(tokens: Token[], text: string, from: number, first: number): number {
  let start = from;
  for (let i = from; i < first; i++) if (tokens[i]!.norm === ',' && SUBORDINATE_BREAK.test(text.slice(tokens[i]!.start, tokens[i]!.start + 12))) start = i + 1;
  return start;
}

/** "no evidence that …", "little sign that …", "without proof that …", ending right before the trigger's clause. */
const NO_EVIDENCE_THAT = /\b(?:no|not any|not|little|scant|without|never)\s+(?:[\p{L}-]+\s+){0,3}(?:evidence|proof|sign|signs|indication|indications|basis)\b[^.;:!?]{0,120}?\b(?:that|of)\b[^.;:!?]{0,80}$/iu;

function statusOf(tokens: Token[], text: string, hit: Hit, clause: [number, number], R: Rules, sentenceStart: number): { status: EventStatus; negated: boolean } {
  const from = Math.max(clause[0], hit.first - 6);
  const to = hit.first - 1;
  // ("fired for failing to disclose talks with Russia's ambassador": the negation is another verb's, unless that verb
  // tells the noun's event, "did not hold talks")
  const negation = cueAt(tokens, Math.max(clause[0], hit.first - 3), to, R.cues.negation);
  let negated = negation >= 0 && !(hit.trigger.nominal && tokens.slice(negation + 1, hit.first).some((x) => x.pos === 'VERB' && !R.words.telling.has(x.lemma)));
  let status: EventStatus = hit.trigger.status ?? 'occurred';
  // "reversed a decision to sign a trade deal", "dropped plans to visit": the intention was given up
  if (undoneIntention(tokens, hit, clause[0], R)) return { status: 'cancelled', negated };
  // "officials have seen no evidence that the campaign cooperated with Russia": what no evidence shows is not
  // reported as done
  if (status === 'occurred' && NO_EVIDENCE_THAT.test(text.slice(tokens[Math.max(0, sentenceStart)]!.start, tokens[hit.first]!.start))) {
    return { status: 'uncertain', negated: true };
  }
  if (status === 'occurred' && hit.trigger.nominal) {
    // "his meeting with Putin would be the easiest", "the talks will resume": the noun's own predicate
    const modal = predicateModal(tokens, hit, clause, sentenceStart);
    if (modal) return { status: modal, negated };
  }
  if (status === 'occurred') {
    // "offered sharp criticism", "offered a rebuttal": a word said is not offered, it is said (ACCUSE, REJECT, PROTEST)
    // ("sought to minimize expectations for the trip": the trip is another noun's complement, not what is sought)
    const proposal = cueAt(tokens, from, to, R.cues.proposed);
    if (proposal >= 0 && !(hit.trigger.nominal && SAID_TYPES.has(hit.trigger.event)) && !nounComplementBetween(tokens, proposal, hit.first)) status = 'proposed';
    // "has backed attacking North Korea", "favours striking Syria": an act argued for, not done
    else if (advocatedGerund(tokens, hit, clause[0], R)) status = 'proposed';
    // "at their planned meeting", "the upcoming summit": the noun's own modifier says it, whatever the clause's "would"
    else if (hit.trigger.nominal && cueBefore(tokens, Math.max(clause[0], hit.first - 1), to, R.cues.planned)) status = 'planned';
    else if (cueBefore(tokens, clause[0], to, R.cues.hypothetical) && /\bif\b|\bwould\b|\bcould\b|\bunless\b|\bin case\b/i.test(text.slice(tokens[clause[0]]!.start, tokens[hit.first]!.start))) status = 'hypothetical';
    else if (obligationOrGeneric(tokens, text, hit, clause, from, R)) status = 'hypothetical';
    // "restricts Trump's authority to lift sanctions": a power to act is no act
    else if (infinitive(tokens, hit) && hit.first >= 2 && R.words.capacity.has(tokens[hit.first - 2]!.lemma.toLowerCase())) status = 'hypothetical';
    // "weighed attacking Assad", "is considering a visit": an option, not an act
    else if (cueBefore(tokens, Math.max(clause[0], hit.first - 3), to, R.cues.considered)) status = 'hypothetical';
    // "it's unclear what they will agree to", "unclear whether Trump will go": a plan that is an open question
    else if (openQuestion(tokens, text, hit, sentenceStart, R)) status = 'uncertain';
    // "will meet leaders from Israel and France to discuss Iran": an infinitive is as planned as its clause
    else if (cueBefore(tokens, infinitive(tokens, hit) ? afterSubordinateBreak(tokens, text, Math.max(clause[0], sentenceStart), hit.first) : from, to, R.cues.planned)) status = 'planned';
    // "is set to hold a series of group and one-on-one meetings": a noun is as planned as the verb that takes it
    else if ((hit.trigger.nominal || tokens[hit.first]!.pos === 'NOUN') && plannedVerb(tokens, hit, clause[0], R)) status = 'planned';
    else if (uncertainOf(tokens, afterSubordinateBreak(tokens, text, sentenceStart, hit.first), hit.first, R)) status = 'uncertain';
    else if (cueBefore(tokens, from, to, R.cues.wanted)) status = 'proposed';
  }
  return { status, negated };
}

/** A gerund trigger right after a verb that argues for it (an adverb may come between): "backed attacking". */
function advocatedGerund(tokens: Token[], hit: Hit, c0: number, R: Rules): boolean {
  if (!/ing$/.test(tokens[hit.first]!.norm)) return false;
  let k = hit.first - 1;
  while (k > c0 && tokens[k]!.pos === 'ADV') k--;
  // ("government-supported hacking" is a compound adjective)
  const cue = cueAt(tokens, Math.max(c0, k - 1), k, R.cues.advocated);
  return cue >= 0 && !/^[-–]$/.test(tokens[cue - 1]?.norm ?? '');
}

/**
 * The verb whose object phrase a nominal trigger ends, when a planning cue comes right before it ("set to hold a
 * series of … meetings", "plans to attend the summit"). The phrase between them holds only nominal words.
 */
function plannedVerb(tokens: Token[], hit: Hit, c0: number, R: Rules): boolean {
  for (let i = hit.first - 1; i >= Math.max(c0, hit.first - 12); i--) {
    const t = tokens[i]!;
    if (t.pos === 'VERB') return cueBefore(tokens, Math.max(c0, i - 3), i - 1, R.cues.planned);
    if (!NOMINAL_WORD.has(t.pos) && !/^[-–]$/.test(t.norm)) return false;
  }
  return false;
}
const NOMINAL_WORD = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ', 'ADP', 'PRON']);

/** An infinitive trigger of an intention noun an undoing verb governs: "scrapped plans to visit", "reversed a decision to sign". */
function undoneIntention(tokens: Token[], hit: Hit, c0: number, R: Rules): boolean {
  if (!infinitive(tokens, hit)) return false;
  const noun = hit.first - 2;
  if (noun < c0 || !R.words.intention.has(tokens[noun]!.lemma.toLowerCase())) return false;
  return cueBefore(tokens, Math.max(c0, noun - 4), noun - 1, [...R.cues.undone, ...R.cues.cancelled]);
}

/** Whether the trigger is a verb's infinitive: "to discuss". */
function infinitive(tokens: Token[], hit: Hit): boolean {
  const prev = tokens[hit.first - 1];
  return !hit.trigger.nominal && prev?.norm === 'to' && prev.pos === 'PART';
}

/** The first auxiliary after a nominal trigger's noun phrase, when it is a modal: will/would → planned, may/might/could → uncertain. */
function predicateModal(tokens: Token[], hit: Hit, clause: [number, number], sentenceStart: number): EventStatus | null {
  for (let i = hit.last + 1; i <= Math.min(clause[1], hit.last + 8); i++) {
    const t = tokens[i]!;
    // ("the talks would resume", told as someone's word, is planned; "sanctions would damage the economy" a case,
    // but "the summit would be a good time" presupposes the summit)
    if (t.norm === 'would' && !/^(?:be|have)$/.test(tokens[i + 1]?.norm ?? '') && !tokens.slice(sentenceStart, hit.first).some((x) => reportsClause(x.norm))) return 'hypothetical';
    if (/^(?:will|would|shall|'ll|’ll)$/.test(t.norm)) return 'planned';
    // ("a press conference with Prime Minister May": a name, not a modal)
    if (/^(?:may|might|could)$/.test(t.norm) && t.pos === 'AUX') return 'uncertain';
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT' || /^(?:that|which|who)$/.test(t.norm)) return null;
  }
  return null;
}

/**
 * Words that make an event a requirement or a generic case, not something that happened: an obligation just
 * before it ("Russia must withdraw", "should be released"), a requirement it is the object or the subject of
 * ("the law requires that Moscow allow …", "getting Russia to agree will require …"), a generic agent ("for any
 * president to refuse").
 */
function obligationOrGeneric(tokens: Token[], text: string, hit: Hit, clause: [number, number], from: number, R: Rules): boolean {
  if (cueBefore(tokens, from, hit.first - 1, R.cues.obligation)) return true;
  if (cueBefore(tokens, clause[0], hit.first - 1, R.cues.generic)) return true;
  const requires = (i: number) => tokens[i]!.lemma === 'require' || tokens[i]!.norm === 'requires';
  for (let i = clause[0]; i < hit.first; i++) if (requires(i)) return true;
  // a gerund or a noun before "will require"/"requires", or in a gerund clause before it ("Getting Russia to agree
  // requires …"): the event is what is required
  const word = (i: number) => text.slice(tokens[i]!.start, tokens[i]!.end);
  if (hit.trigger.nominal || /ing$/i.test(word(hit.first)) || /^\p{Lu}\p{Ll}+ing$/u.test(word(clause[0]))) {
    for (let i = hit.last + 1; i <= Math.min(clause[1], hit.last + 8); i++) if (requires(i)) return true;
  }
  return false;
}

/**
 * A time inside the trigger's own phrase, after it and before any comma, clause or verb of its own: "the next meeting
 * on Tuesday", not "their first meeting since Trump took office in January 2017" nor "his visit highlights the gas
 * shipped last month".
 */
function timeOfItsPhrase(date: When, tokens: Token[], hit: Hit, times: TimeExpression[], text: string): boolean {
  const after = tokens[hit.last]!.end;
  return !!date.earliest && times.some((x) => x.start >= after && x.text === date.text && !/[,;:.!?]/.test(text.slice(after, x.start))
    && !text.slice(after, x.start).toLowerCase().split(/[^\p{L}]+/u).some((w) => CLAUSE_OPENERS.has(w) || w === 'who' || w === 'which')
    && !tokens.slice(hit.last + 1, firstStartingAtOrAfter(tokens, x.start)).some((k) => k.pos === 'VERB' && !/(?:ing|ed)$/.test(k.norm)));
}

/**
 * The date: the time expression nearest the trigger in its sentence (DATE or TIME, not durations); else the
 * last one of the earlier sentences of the same paragraph; else unknown. Never the publication date.
 */
function dateOf(times: TimeExpression[], tokens: Token[], hit: Hit, s: { start: number; end: number }, sentences: Analysis['sentences'], text: string, era: Era | null, published: string | null): { date: When; steps: number } {
  const pos = tokens[hit.first]!.start;
  // ("after the Sept. 11 attacks": an event known by its date dates itself, not what is told around it)
  const anotherEvent = (t: TimeExpression) => t.basis.endsWith(KNOWN_BY) && !(t.start <= pos && pos < t.end);
  const usable = times.filter((t) => (t.type === 'DATE' || t.type === 'TIME') && (t.earliest || t.latest || t.value) && !yearOfAnotherNoun(t, tokens, hit, text) && !datesTheSaying(t, pos, text) && !anotherEvent(t));
  const inSentence = usable.filter((t) => t.start >= s.start && t.end <= s.end);
  // "WASHINGTON, Jan 27 — … spoke on Tuesday": the dateline says when the report was filed; the sentence's own
  // time expression dates the event when it has one
  const own = inSentence.filter((t) => !inDateline(t, s, text));
  const all = own.length ? own : inSentence;
  // "the G7 meeting in June, especially if a meeting with Putin on July 16 …": a time in the trigger's own clause first
  const breaks = [...text.slice(s.start, s.end).matchAll(new RegExp(SUBORDINATE_INSIDE.source, 'gi'))].map((b) => s.start + b.index!);
  const sameClause = all.filter((t) => !breaks.some((b) => (b > t.start) !== (b > pos)));
  const here = sameClause.length ? sameClause : all;
  if (here.length) {
    const t = here.reduce((best, x) => (Math.abs(x.start - pos) < Math.abs(best.start - pos) ? x : best));
    if (!t.earliest && era) {
      const placed = placeInEra(t, era);
      if (placed) return { date: placed, steps: 0 };
    }
    return { date: { earliest: t.earliest, latest: t.latest, text: t.text, basis: t.basis }, steps: 0 };
  }
  if (toldAsBefore(text, s.start, pos)) return { date: UNKNOWN, steps: 0 };
  const para = text.lastIndexOf('\n\n', s.start);
  // (a goal set for later, "a carbon-free future by 2050", dates nothing told in another sentence)
  const earlier = usable.filter((t) => t.end <= s.start && t.start > para && !(published && t.earliest && t.earliest > published));
  const t = earlier[earlier.length - 1];
  if (t) return { date: { earliest: t.earliest, latest: t.latest, text: t.text, basis: `${t.basis}; from an earlier sentence of the same paragraph` }, steps: 1 };
  void sentences;
  return { date: UNKNOWN, steps: 0 };
}

/**
 * "called the summit a success in a tweet on Thursday", "Trump said Tuesday that …": a time of a saying dates the
 * saying, not the event it speaks of.
 */
function datesTheSaying(t: TimeExpression, pos: number, text: string): boolean {
  // "Trump said Tuesday that he misspoke … over his press conference with Putin": the day right after a verb of
  // saying before the trigger is the saying's
  if (t.end <= pos && /\b(?:said|says|told\s+[\p{L}]+|announced|added|stated|wrote|tweeted|insisted|acknowledged|conceded)\s+(?:on\s+)?$/iu.test(text.slice(Math.max(0, t.start - 30), t.start))) return true;
  if (t.start <= pos || t.start - pos > 120) return false;
  return /\b(?:in|during)\s+(?:a|an|his|her|their|its|the)\s+(?:[\p{L}-]+\s+)?(?:tweet|statement|interview|speech|post|letter|op-ed|address|remarks)\b[^,;.!?]{0,25}$/iu.test(text.slice(pos, t.start));
}

/**
 * "24 hours after his news conference with Putin", "in the aftermath of the summit": an event the sentence puts before what
 * it tells; the dates of the events told around it are not its date.
 */
function toldAsBefore(text: string, sentenceStart: number, pos: number): boolean {
  return /\b(?:after|following|since|(?:aftermath|wake) of)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu.test(text.slice(Math.max(sentenceStart, pos - 40), pos));
}

/** A time expression in a dateline: a place in capitals at the sentence's start, the date, then a dash. */
function inDateline(t: TimeExpression, s: { start: number }, text: string): boolean {
  return /^\s*\p{Lu}[\p{Lu}\s.'’-]+(?:\([^)]*\))?,\s*$/u.test(text.slice(s.start, t.start)) && /^\s*(?:\([^)]*\)\s*)?[—–-]/.test(text.slice(t.end, t.end + 24));
}

/**
 * A verb in the simple present ("visits", "meets") dated by a bare weekday: news tells a schedule that way
 * ("Obama visits Laos Monday"); a past event would take the past tense.
 */
function futuratePresent(tokens: Token[], text: string, hit: Hit, date: When, clause: [number, number], times: TimeExpression[]): boolean {
  const t = tokens[hit.first]!;
  const prev = tokens[hit.first - 1];
  if (hit.trigger.nominal || !/s$/.test(t.norm) || t.norm === t.lemma || !prev || prev.pos === 'AUX') return false;
  // ("Obama visits/NOUN Laos": a verb wink read as a noun still follows its subject; "seven strikes" is a noun)
  if (t.pos !== 'VERB' && !['PROPN', 'PRON'].includes(prev.pos)) return false;
  // (the weekday of the trigger's own words, with no punctuation between: not of an earlier sentence or another clause)
  const own = times.some((x) => x.text === date.text && x.start >= tokens[clause[0]]!.start && x.end <= tokens[clause[1]]!.end
    && !/[,;:.!?—–()]/.test(x.start > t.end ? text.slice(t.end, x.start) : text.slice(x.end, t.start)));
  // (a weekday that is the day of writing tells what happens today)
  const w = weekdayOf(date);
  return own && !!w && date.earliest !== w.reference;
}

/**
 * A weekday said after the words of a planned event ("will be meeting Lavrov on Tuesday", "expected to meet him
 * on Wednesday") is the next such day, whatever tense the rest of the sentence has.
 */
function aheadIfPlanned(date: When, after: number, times: TimeExpression[]): When {
  const t = times.find((x) => x.text === date.text && x.start >= after && x.earliest === date.earliest);
  const w = weekdayOf(date);
  if (!t || !w || w.side !== 'before' || !date.earliest || date.earliest === w.reference) return date;
  const next = new Date(Date.parse(date.earliest) + 7 * 86400000).toISOString().slice(0, 10);
  return { ...date, earliest: next, latest: next, basis: `the ${w.day} on or after the reference date ${w.reference} (the event is planned)` };
}

/** A date resolved from a bare weekday, as the time resolver's basis tells it: the day, and the side of the reference date. */
function weekdayOf(date: When): { day: string; side: 'before' | 'after'; reference: string } | null {
  const m = /^the (\w+day) on or (before|after)(?: \([^)]*\))? the reference date (\d{4}-\d{2}-\d{2})/.exec(date.basis ?? '');
  return m ? { day: m[1]!, side: m[2] as 'before' | 'after', reference: m[3]! } : null;
}

/**
 * A year used as a modifier names when something else happened: "the 2016 election", "Russia's 2014 annexation".
 * It dates the event only when the noun it modifies is the event's trigger ("the 2018 Helsinki summit").
 */
function yearOfAnotherNoun(t: TimeExpression, tokens: Token[], hit: Hit, text: string): boolean {
  // "Ukraine's May 25 elections", "the September 11 attacks": a day used as a modifier after a possessive or an article
  const day = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}$/.test(t.text);
  if (!/^\d{4}$/.test(t.text) && !day) return false;
  if (day && !/(?:\bthe|['’]s)\s*$/i.test(text.slice(Math.max(0, t.start - 6), t.start))) return false;
  let i = tokenAt(tokens, t.end);
  const next = tokens[i];
  if (!next || !['NOUN', 'ADJ', 'PROPN'].includes(next.pos)) return false;
  const determined = /(?:\b(?:the|a|an|its|his|her|their|our|this|that)|['’]s?)\s*$/i.test(text.slice(Math.max(0, t.start - 12), t.start));
  // "In 2016 Russia interfered": a capitalised word after a bare year begins the clause
  if (!determined && (next.pos === 'PROPN' || /^\p{Lu}/u.test(text.slice(next.start, next.end)))) return false;
  // the noun phrase the year modifies
  while (tokens[i] && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[i]!.pos) && /^\s*$/.test(text.slice(i > 0 ? tokens[i - 1]!.end : 0, tokens[i]!.start).replace(/-/g, ''))) {
    if (i >= hit.first && i <= hit.last) return false;
    i++;
  }
  return true;
}

const tokenAt = firstStartingAtOrAfter;

interface Era {
  from: string;
  to: string | null;
  basis: string;
}

/**
 * When a document has no date, the offices its descriptions presuppose still bound when it was written: a text
 * that calls Biden "the White House incumbent" was written during his presidency. The intersection of those
 * terms is the document's era (null when it presupposes nothing).
 */
function presupposedEra(a: Analysis): Era | null {
  if (a.document.published.earliest) return null;
  const roles = a.mentions.filter((m) => m.kind === 'role' && m.tenure?.length);
  // offices held once bound the era; offices held several times only have to be compatible with it
  const single = roles.filter((m) => m.tenure!.length === 1);
  if (!single.length) return null;
  let from = '';
  let to: string | null = null;
  for (const m of single) {
    const t = m.tenure![0]!;
    if (t.from > from) from = t.from;
    if (t.to && (!to || t.to < to)) to = t.to;
  }
  if (to && to < from) return null;
  const overlaps = (t: { from: string; to: string | null }) => (!to || t.from <= to) && (!t.to || t.to >= from);
  const fitting = roles.filter((m) => m.tenure!.some(overlaps));
  const why = unique(fitting.map((m) => `"${m.text}" → ${m.actor?.name}`));
  return { from, to, basis: `${why.join(', ')}: written between ${from} and ${to ?? 'now'}` };
}

/**
 * A month with no year ("In late January" in an undated text), placed at its first occurrence in the document's
 * era: the earliest reading the text allows. Said as an estimate.
 */
const MAX_ERA_YEARS = 5;

/** A participant the knowledge base knows in office, though in none of those offices at the time given. */
function outOfOffice(p: Actor, when: When, kb: KnowledgeBase): boolean {
  const person = p.id ? kb.person(p.id) : undefined;
  return !!person?.positions.length && !!when.earliest && !kb.positionsAt(person, when).length;
}

function placeInEra(t: TimeExpression, era: Era): When | null {
  const m = /^XXXX-(\d{2})$/.exec(t.value ?? '');
  if (!m) return null;
  // an era of many years ("Nato commander" and Merkel: 2000–2018) leaves the year a guess, not an estimate
  const span = Date.parse(era.to ?? new Date().toISOString().slice(0, 10)) - Date.parse(era.from);
  if (span > MAX_ERA_YEARS * 365.25 * 86400000) return null;
  const month = +m[1]!;
  const [y0, m0] = era.from.split('-').map(Number) as [number, number];
  const year = month >= m0 ? y0 : y0 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  let d0 = 1;
  let d1 = last;
  if (/\bearly\b/i.test(t.text)) d1 = 10;
  else if (/\bmid(?:dle)?\b/i.test(t.text)) [d0, d1] = [11, 20];
  else if (/\blate\b/i.test(t.text)) d0 = 21;
  const p = (n: number) => String(n).padStart(2, '0');
  const earliest = `${year}-${p(month)}-${p(d0)}`;
  const latest = `${year}-${p(month)}-${p(d1)}`;
  if (latest < era.from || (era.to && earliest > era.to)) return null;
  return { earliest, latest, text: t.text, basis: `estimate: the first ${t.text} in the era the text presupposes (${era.basis})`, estimate: true };
}

function locationOf(text: string, tokens: Token[], hit: Hit, sStart: number, sEnd: number, kb: KnowledgeBase): string | null {
  if (hit.trigger.event !== 'CONSULT' && hit.trigger.event !== 'AGREE') return null;
  const sentence = text.slice(sStart, sEnd);
  const isPlace = (w: string) => kb.metonymByText.has(w.toLowerCase()) || kb.countryByName.has(w.toLowerCase()) || /^(Geneva|Helsinki|Vienna|Davos|Sochi|Istanbul|Camp David|Singapore|Hanoi|Astana|Minsk|Rome|Paris|Munich|Brussels)$/.test(w);
  const before = text.slice(Math.max(sStart, tokens[hit.first]!.start - 40), tokens[hit.first]!.start);
  const adj = /([\p{Lu}][\p{L}]+)\s+(?:[\p{Ll}]+\s+)?$/u.exec(before);
  if (adj && isPlace(adj[1]!) && hit.trigger.nominal) return adj[1]!;
  // "in Paris", "at Camp David", "in the Finnish capital Helsinki", "in the Finnish capital, Helsinki"
  const re = /\b(?:in|at)\s+(?:the\s+(?:[\p{Lu}][\p{L}]+\s+)?(?:capital|city|resort|town)\s*,?\s+)?([\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)?)/gu;
  // the place nearest the trigger, a city before a country ("met Lavrov in Moscow to talk about the war in Syria")
  const pos = tokens[hit.first]!.start - sStart;
  const breaks = [...sentence.matchAll(new RegExp(SUBORDINATE_BREAK.source.slice(1), 'gi'))].map((b) => b.index!);
  let best: { place: string; score: number } | null = null;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const place = m[1]!;
    if (!isPlace(place) || /^(January|February|March|April|May|June|July|August|September|October|November|December)$/.test(place)) continue;
    // "the backlash in Washington, as Trump said after his meeting …": a place across a clause break is not the meeting's
    if (breaks.some((b) => (b > m!.index) !== (b > pos))) continue;
    const score = Math.abs(m.index - pos) + (kb.countryByName.has(place.toLowerCase()) ? 200 : 0);
    if (!best || score < best.score) best = { place, score };
  }
  if (best) return best.place;
  return null;
}

/**
 * A state named only to locate a city is a place, not a participant: "Helsinki, Finland", "the Finnish capital".
 */
function locatesOnly(text: string, m: Mention, kb: KnowledgeBase): boolean {
  if (m.kind !== 'country') return false;
  if (/^\s+(?:capital|city|town|resort|port)\b/i.test(text.slice(m.end, m.end + 12))) return true;
  // "a US-based reporter", "a London-based think tank": where someone lives or works, not who they are
  if (/^[-–]based\b/i.test(text.slice(m.end, m.end + 7))) return true;
  const city = /([\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)?),\s*$/u.exec(text.slice(Math.max(0, m.start - 30), m.start))?.[1];
  if (!city || kb.countryByName.has(city.toLowerCase()) || !kb.metonymByText.has(city.toLowerCase())) return false;
  // "Moscow, Russia and China" is a list
  return !/^\s*(?:,\s*[^,.;]{1,40}?)?\s(?:and|or)\s/.test(text.slice(m.end, m.end + 50).split(/[.;]/)[0]!.replace(/,\s*(?:for|to|on|in|at|where|which|who)\b.*$/, ''));
}

function attributionOf(text: string, sStart: number, sEnd: number, a: Analysis, quote: Quote | undefined, actor: Actor[], trigger: { start: number; end: number }): Actor | string | null {
  const sentence = text.slice(sStart, sEnd);
  const acc = /\b[Aa]ccording to\s+((?:the\s+)?[\p{Lu}][^,.;]{1,60})/u.exec(sentence);
  if (acc) return acc[1]!.trim();
  // whoever the text has say the words that carry the event ("The Kremlin said Putin congratulated Biden")
  const reporting =
    quote ??
    a.quotes.find((q) => q.content.start <= trigger.start && q.content.end >= trigger.end) ??
    a.quotes.find((q) => q.content.start <= sStart + 5 && q.content.end >= sEnd - 5);
  if (reporting?.speaker && !actor.some((x) => sameActor(x, reporting.speaker!))) return reporting.speaker.name ?? reporting.speaker.text ?? null;
  return null;
}

/**
 * Words said after an event that change what it is: "the trip … was scuttled" cancels the proposed visit
 * reported just before; "It's unclear whether he made the call" makes the call uncertain; a denial makes the
 * claim it denies a denied event.
 */
function applyLaterStatus(drafts: Draft[], tokens: Token[], sentences: Analysis['sentences'], ranges: Array<[number, number]>, text: string, R: Rules): void {
  sentences.forEach((s, si) => {
    const [t0, t1] = ranges[si]!;
    // "called for the summit to be cancelled", "urged Kyiv to scrap the deal": a cancellation asked for, not made
    const asked = (k: number) => drafts.some((d) => d.sentence === si && (d.event === 'REQUEST' || d.status === 'proposed') && d.hit.last < k && k - d.hit.last <= 12);
    let cancelled = false;
    for (let k = t0; k <= t1 && !cancelled; k++) if (cueBefore(tokens, k, k, R.cues.cancelled) && !asked(k) && cancelsAnOccasion(tokens, k, t1, R)) cancelled = true;
    const uncertain = /\b(?:unclear|uncertain|not clear|unknown) (?:whether|if)\b/i.test(text.slice(s.start, s.end));
    if (!cancelled && !uncertain) return;
    const target = [...drafts].reverse().find((d) => d.actor.length && d.sentence <= si && d.sentence >= si - 2 && (cancelled ? d.status === 'proposed' || d.status === 'planned' : d.event === 'CONSULT' && d.sentence < si));
    if (target) {
      target.status = cancelled ? 'cancelled' : 'uncertain';
      if (target.sentence !== si) target.evidence.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    }
    // the events of this very sentence that only restate the cancelled one are not new events
    if (cancelled) for (const d of drafts) if (d.sentence === si && d !== target && d.event === 'CONSULT' && !d.recipient.length) d.actor = [];
  });
  for (const d of drafts) {
    if (!d.hit.trigger.denies) continue;
    for (const other of drafts) {
      if (other === d || other.sentence !== d.sentence || other.hit.first <= d.hit.last) continue;
      if (!deniedByIt(text, tokens, d.hit, other.hit)) continue;
      other.status = 'denied';
    }
  }
}

/**
 * A cancelling word at `k` that is said of an event: in the passive ("the trip was scuttled", "has been postponed")
 * or with an event's noun or a pronoun right after it ("cancelled his visit", "postponed it"). "Abandoned its
 * traditional role" cancels nothing.
 */
function cancelsAnOccasion(tokens: Token[], k: number, t1: number, R: Rules): boolean {
  if ([tokens[k - 1], tokens[k - 2]].some((t) => t && (t.lemma === 'be' || t.norm === 'been'))) return true;
  for (let i = k + 1; i <= Math.min(t1, k + 8); i++) {
    if (R.words.occasion.has(tokens[i]!.lemma.toLowerCase()) || R.words.occasion.has(tokens[i]!.norm)) return true;
    if (tokens[i]!.pos === 'VERB' || (tokens[i]!.pos === 'PUNCT' && !/^['’]$/.test(tokens[i]!.norm))) return false;
  }
  return false;
}

/**
 * Is the event of `other` what the denial `denial` denies? "denied that troops had attacked", "denied meeting
 * Kislyak and discussing sanctions" — yes; "denied involvement and accused the US", "denied it, but warned …" — the
 * second finite verb is said by the denier as a fact of its own: no.
 */
function deniedByIt(text: string, tokens: Token[], denial: Hit, other: Hit): boolean {
  const between = text.slice(tokens[denial.last]!.end, tokens[other.first]!.start);
  if (/\b(?:but|while|whereas|instead|although|though|yet)\b|[;:—–]/i.test(between)) return false;
  const word = text.slice(tokens[other.first]!.start, tokens[other.first]!.end);
  // ("has repeatedly denied any connection … and has rejected British demands": an auxiliary of its own too)
  return !(!other.trigger.nominal && !/ing$/i.test(word) && /(?:^|[\s,])and\s+(?:(?:has|have|had|is|are|was|were|did|does|do|will|would)\s+)?(?:(?:also|then|later|instead|even|repeatedly|again|\p{L}+ly)\s+)?$/iu.test(between));
}

const PROPOSAL_TYPES = new Set<PloverType>(['AGREE', 'REQUEST']);
/** Measures taken against someone: proposing one is no offer to agree. */
const HOSTILE = new Set<PloverType>(['SANCTION', 'THREATEN', 'COERCE', 'ASSAULT', 'MOBILIZE']);
const NEEDS_PARTNER = new Set<PloverType>(['CONSULT', 'AGREE', 'COOPERATE', 'SUPPORT', 'REQUEST', 'ACCUSE']);

/**
 * A trigger that is the complement of the one before it — "urged arranging another meeting", "proposed going to
 * Moscow and meeting with Putin", "agreed to assist" — is part of that event, not an event of its own. A
 * proposal or request for a meeting is a proposed event; an offer takes the meeting's mode and the people to
 * be met.
 */
/** A relative clause in the past right after a noun: "(the talks) they started …", "(the meeting) that was held …". */
const PAST_RELATIVE = /^\s+(?:that|which)?\s*(?:they|he|she|the two|both(?: sides| leaders)?|the leaders|it|was|were)\s+(?:\w+ly\s+)?(?:had\s+)?(?:started|began|begun|held|opened|launched|had|attended|conducted|was held|were held|took place)\b/i;

function absorbComplements(drafts: Draft[], tokens: Token[], text: string, times: TimeExpression[]): void {
  let governor: Draft | null = null;
  let prev: Draft | null = null;
  for (const d of drafts) {
    if (!prev || prev.sentence !== d.sentence) governor = null;
    const between = prev && prev.sentence === d.sentence ? text.slice(tokens[prev.hit.last]!.end, tokens[d.hit.first]!.start) : null;
    const linked = between !== null && between.length <= 45 && !/[;:.!?”“"()—–]/.test(between) && !/,\s*(?:but|while|as|which|who)\b/.test(between);
    // "would ask Putin about it at their planned meeting": a meeting that sets the scene is no complement
    const setting = between !== null && /\b(?:at|during|after|before|following|ahead of)\s+(?:[\p{L}-]+\s+){0,3}$/iu.test(between);
    // what is refused did not happen: "declined to resign", "refused to withdraw its troops"
    // what is rejected or threatened is not reported as done: "rejected talks with Kyiv", "threatened to withdraw"
    const refused = !!prev && prev.event === 'REJECT' && !!between && (/^\s*to\s*$/i.test(between) || (d.hit.trigger.nominal && /^\s*(?:(?:the|a|an|any|further|new|more|direct|his|her|its|their)\s+)*$/i.test(between)));
    // (also "threatened not to endorse")
    const threatened = !!prev && prev.event === 'THREATEN' && !!between && /^\s*(?:not\s+)?to\s*$/i.test(between);
    // "to continue the talks they started in Helsinki": the talks the relative clause tells of already happened
    const told = PAST_RELATIVE.test(text.slice(tokens[d.hit.last]!.end, tokens[d.hit.last]!.end + 40));
    if (told && prev && prev.sentence === d.sentence) {
      // its participants are the pair the sentence is about ("they"), its time the clause's own
      const g = governor ?? prev;
      if (d.hit.trigger.symmetric && !d.recipient.length && g.actor.length && g.recipient.length) {
        d.actor = g.actor.map((x) => ({ ...x }));
        d.recipient = g.recipient.map((x) => ({ ...x }));
      }
      d.status = 'occurred';
      const clauseEnd = text.slice(tokens[d.hit.last]!.end).search(/[,;.!?]/);
      const own = times.find((t) => t.start >= tokens[d.hit.last]!.end && (clauseEnd < 0 || t.end <= tokens[d.hit.last]!.end + clauseEnd) && (t.earliest || t.latest));
      if (own) d.date = { earliest: own.earliest, latest: own.latest, text: own.text, basis: `${own.basis}; the clause that tells of it` };
    }
    if (linked && !setting && !told && (governor || (prev && (PROPOSAL_TYPES.has(prev.event) || prev.status === 'proposed' || refused || threatened)))) {
      const g: Draft = governor ?? prev!;
      // "proposing to impose a massive tariff on Chinese goods": a measure against someone proposed is that measure,
      // proposed, not an offer of agreement
      if (g.event === 'AGREE' && g.status === 'proposed' && g.hit.trigger.event === 'AGREE' && HOSTILE.has(d.event) && /^\s*(?:to\s+)?$/i.test(between!)) {
        d.status = 'proposed';
        if (!d.actor.length) d.actor = g.actor.map((x) => ({ ...x }));
        g.actor = [];
        governor = null;
        prev = d;
        continue;
      }
      governor = g;
      if ((refused || threatened) && !g.recipient.length) g.recipient = d.recipient.filter((r) => !g.actor.some((x) => sameSide(x, r)));
      if (g.event === 'REQUEST' || g.status === 'proposed') {
        if (d.event === 'CONSULT' || d.event === 'AGREE') g.status = 'proposed';
        g.mode ??= d.mode;
        if (g.event === 'AGREE') {
          const people = d.recipient.filter((r) => r.id && !g.recipient.some((x) => x.id === r.id));
          if (people.length) g.recipient = [...g.recipient.filter((r) => r.id || !people.some((p) => p.country === r.country)), ...people];
          // "offered to negotiate with Armenia": the offer is made to whom the offered event is with
          else if (!g.recipient.length) g.recipient = d.recipient.filter((r) => !g.actor.some((x) => sameSide(x, r)));
        }
      }
      d.actor = [];
      prev = d;
      continue;
    }
    governor = null;
    prev = d;
  }
}

/** A meeting reported beside a trip of the same person is part of the visit. */
function propagateVisitMode(drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.event !== 'CONSULT' || d.mode) continue;
    const trip = drafts.find((x) => x !== d && x.sentence === d.sentence && x.mode === 'visit' && x.actor.some((a) => d.actor.some((b) => sameActor(a, b)) || d.recipient.some((b) => sameActor(a, b))));
    if (trip) d.mode = 'visit';
  }
}

/** Bolton meeting Putin and Lavrov is two meetings: one record per person met. */
function splitMeetings(drafts: Draft[]): Draft[] {
  return drafts.flatMap((d) => {
    const people = d.recipient.filter((r) => r.id);
    if (d.event !== 'CONSULT' || people.length < 2) return [d];
    return people.map((p) => ({ ...d, recipient: [p] }));
  });
}

/** Withdrawing from a treaty, or rejecting it, is directed at its other parties (KB topics name them). */
function agreementParties(drafts: Draft[], kb: KnowledgeBase): void {
  const parties = new Map(kb.topics.filter((t) => t.parties?.length).map((t) => [t.topic, t.parties!]));
  for (const d of drafts) {
    if (d.recipient.length || !d.actor.length || !['RETREAT', 'REJECT', 'SANCTION'].includes(d.event)) continue;
    const own = new Set(d.actor.map((a) => a.country));
    const others = unique(d.topics.flatMap((t) => parties.get(t) ?? [])).filter((c) => !own.has(c));
    d.recipient = others.map((c) => ({ text: c, name: kb.country(c)?.name ?? c, country: c, sector: 'GOV', role: null, id: null }));
  }
}

/**
 * An event the sentence gives no date for takes the date of the event just reported (within three sentences)
 * that shares a participant with it: the follow-up of a call, the request made at a meeting.
 */
const MAX_DATE_STEPS = 2;

function inheritDates(drafts: Draft[], text: string, tokens: Token[]): void {
  const paragraphOf = (d: Draft) => {
    const at = d.evidence[0]!.start;
    const start = text.lastIndexOf('\n\n', at);
    return { start, quoteOnly: /^["“]/.test(text.slice(start < 0 ? 0 : start + 2, at + 1).trimStart()) };
  };
  drafts.forEach((d, i) => {
    if (d.date.earliest || !d.actor.length || d.dateWithheld) return;
    if (toldAsBefore(text, d.evidence[0]!.start, tokens[d.hit.first]!.start)) return;
    const para = paragraphOf(d);
    const shares = (x: Draft) => [...x.actor, ...x.recipient].some((a) => a.id && [...d.actor, ...d.recipient].some((b) => b.id === a.id));
    const near = (x: Draft) => paragraphOf(x).start === para.start || (para.quoteOnly && x.evidence[0]!.start < d.evidence[0]!.start) || x.sentence === d.sentence - 1;
    // (a few steps from the time the text gives: a date handed on and on drifts away from its words)
    const prev = drafts.slice(0, i).reverse().find((x) => x.sentence >= d.sentence - 3 && x.date.earliest && x.dateSteps < MAX_DATE_STEPS && x.actor.length && shares(x) && near(x));
    if (prev) {
      d.date = { ...prev.date, basis: `${prev.date.basis ?? ''}; the date of the related event just before it`.replace(/^; /, '') };
      d.dateSteps = prev.dateSteps + 1;
    }
  });
}

/** An agentless "extending New START was agreed on" after a call: the call's participants agreed. */
const BOTH_SIDES = /\b(?:both|the two)\s+(?:sides|leaders|countries|presidents|men|ministers|governments|nations|delegations|states)\s+(?:\w+\s+){0,5}$/i;

function carryOverParticipants(drafts: Draft[], tokens: Token[], text: string): void {
  drafts.forEach((d, i) => {
    if (d.actor.length || d.recipient.length || !d.symmetric) return;
    // "both sides agreed …" names the pair of the last two-sided event even some sentences back
    const pair = BOTH_SIDES.test(text.slice(Math.max(0, tokens[d.hit.first]!.start - 40), tokens[d.hit.first]!.start));
    // "urged Russia to abide by the peace agreement": a noun no one is named to is a thing referred to, not the
    // last meeting's outcome
    if (d.hit.trigger.nominal && !pair) return;
    const reach = pair ? 10 : 3;
    const prev = drafts.slice(0, i).reverse().find((p) => p.sentence >= d.sentence - reach && p.symmetric && p.actor.length && p.recipient.length);
    if (prev) {
      d.actor = prev.actor.map((x) => ({ ...x }));
      d.recipient = prev.recipient.map((x) => ({ ...x }));
    }
  });
}

/**
 * A meeting noun with one side named ("when he last faced off with Putin at a summit"), right after a meeting of
 * that side's just told: the pair of that meeting. (After carryOverParticipants, so nothing else takes them on.)
 */
function completeOneSidedMeetings(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    if (d.recipient.length || d.actor.length !== 1 || d.event !== 'CONSULT' || !d.hit.trigger.nominal || d.ofBody) return;
    const prev = drafts.slice(0, i).reverse().find((p) => p.sentence >= d.sentence - 1 && p.event === 'CONSULT' && p.actor.length && p.recipient.length);
    const x = d.actor[0]!;
    if (prev && [...prev.actor, ...prev.recipient].some((y) => (x.id && y.id ? x.id === y.id : x.country === y.country))) {
      d.actor = prev.actor.map((a) => ({ ...a }));
      d.recipient = prev.recipient.map((a) => ({ ...a }));
    }
  });
}

/**
 * "The Helsinki summit", "the meeting in Geneva": a meeting named by its city alone, with no one named to it, in a
 * report about two states' leaders is theirs — the head of state or government the document names most often and
 * the one it names most often of another state (the first named at least twice). A subject the noun was given
 * ("critics said the Helsinki summit …") gives way to them.
 */
function placeNamedMeetings(drafts: Draft[], mentions: Mention[], kb: KnowledgeBase, tokens: Token[], text: string): void {
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // a definite one, a meeting the reader knows ("the Helsinki summit", "last week's summit in Geneva"), not "a confab in Rome"
  // (not "the NATO summit in Brussels": a name before the noun says whose meeting it is)
  const definite = (d: Draft) => new RegExp(`(?:\\b[Tt]he|['’]s)\\s+(?:[\\p{Ll}-]+\\s+){0,2}(?:${esc(d.location!)}\\s+)?$`, 'u').test(text.slice(Math.max(0, tokens[d.hit.first]!.start - 50), tokens[d.hit.first]!.start));
  // named by the city itself: "the Helsinki summit", "the summit in Helsinki" (not "the meeting took place in Prague")
  const byCity = (d: Draft) => {
    const before = text.slice(Math.max(0, tokens[d.hit.first]!.start - 40), tokens[d.hit.first]!.start);
    const after = text.slice(tokens[d.hit.last]!.end, tokens[d.hit.last]!.end + 60);
    return before.endsWith(`${d.location} `) || new RegExp(`^\\s+(?:in|at)\\s+(?:the\\s+[\\p{L}]+\\s+capital,?\\s+)?${esc(d.location!)}\\b`, 'u').test(after);
  };
  const anchors = drafts.filter((d) => d.event === 'CONSULT' && d.hit.trigger.placeNamed && !d.mode && !d.recipient.length
    && !!d.location && !kb.countryByName.has(d.location.toLowerCase()) && definite(d) && byCity(d));
  // "a scheduled meeting with Putin in Helsinki": one leader named, in a city; the other side is the leader of
  // another state the report is about
  const halves = drafts.filter((d) => d.event === 'CONSULT' && d.hit.trigger.placeNamed && !d.mode && !d.actor.length && d.recipient.length === 1
    && !!d.recipient[0]!.id && !!d.location && !kb.countryByName.has(d.location.toLowerCase())
    && new RegExp(`^[^,;.]{0,60}\\b(?:in|at)\\s+${esc(d.location)}\\b`, 'u').test(text.slice(tokens[d.hit.last]!.end, tokens[d.hit.last]!.end + 80)));
  if (!anchors.length && !halves.length) return;
  const counts = new Map<string, { actor: Actor; n: number }>();
  for (const m of mentions) {
    if ((m.kind !== 'person' && m.kind !== 'role') || !m.actor?.id || !m.actor.country) continue;
    const p = kb.person(m.actor.id);
    if (!p?.positions.some((x) => x.role === 'head_of_state' || x.role === 'head_of_government')) continue;
    const c = counts.get(m.actor.id) ?? { actor: { ...m.actor, text: m.text }, n: 0 };
    c.n++;
    counts.set(m.actor.id, c);
  }
  const ranked = [...counts.values()].sort((x, y) => y.n - x.n || (x.actor.id! < y.actor.id! ? -1 : 1));
  for (const d of halves) {
    const other = ranked.find((c) => c.actor.country !== d.recipient[0]!.country);
    if (other && other.n >= 2) d.actor = [{ ...other.actor }];
  }
  // "The Helsinki summit prepares … and Trump is looking forward to his meeting with Putin": a meeting of two told in
  // the same sentence is the one the city names, whoever else the report names most
  const told = (d: Draft) => drafts.find((x) => x !== d && x.sentence === d.sentence && x.event === 'CONSULT' && x.actor.length && x.recipient.length);
  const rest = anchors.filter((d) => {
    const pair = told(d);
    if (pair) [d.actor, d.recipient] = [pair.actor.map((a) => ({ ...a })), pair.recipient.map((a) => ({ ...a }))];
    return !pair;
  });
  const first = ranked[0];
  const second = ranked.find((c) => c.actor.country !== first?.actor.country);
  if (!first || !second || first.n < 2) return;
  // the subject a noun was given ("critics said the Helsinki summit …", "after the Helsinki summit, Coats said") is
  // not its participant, unless it is one of the two
  for (const d of rest) {
    const [x, y] = d.actor.some((a) => a.id === second.actor.id) ? [second, first] : [first, second];
    d.actor = [{ ...x.actor }];
    d.recipient = [{ ...y.actor }];
  }
}

function signature(d: Draft): string {
  const k = (x: Actor) => x.id ?? x.country ?? x.name ?? '?';
  const a = unique(d.actor.map(k)).sort();
  const r = unique(d.recipient.map(k)).sort();
  return d.symmetric ? unique([...a, ...r]).sort().join('+') : `${a.join('+')}>${r.join('+')}`;
}

/** Participants that may be the same: a person matches the same person, a state matches its own people. */
function compatibleParticipants(e: { actor: Actor[]; recipient: Actor[]; symmetric: boolean }, d: Draft): boolean {
  const fits = (x: Actor, ys: Actor[]) => ys.some((y) => (x.id && y.id ? x.id === y.id : x.country === y.country));
  const all = (xs: Actor[], ys: Actor[]) => xs.length > 0 && xs.every((x) => fits(x, ys));
  if (d.symmetric || e.symmetric) {
    const a = [...e.actor, ...e.recipient];
    const b = [...d.actor, ...d.recipient];
    return all(b, a) || all(a, b);
  }
  return (all(d.actor, e.actor) || all(e.actor, d.actor)) && (all(d.recipient, e.recipient) || all(e.recipient, d.recipient));
}

/**
 * An undated meeting the text places ("talked in Helsinki") is not a dated one told sentences away without that place
 * ("a meeting in Hamburg in 2017"): the same people meet more than once.
 */
function placedApart(e: EventRecord & { lastSentence: number }, d: Draft): boolean {
  if (Math.abs(e.lastSentence - d.sentence) <= 2 || !e.date.earliest === !d.date.earliest) return false;
  const [undated, dated] = e.date.earliest ? [d, e] : [e, d];
  return !!undated.location && dated.location !== undated.location;
}

/** Two tellings the text gives to different sources ("according to the White House" / "the Kremlin said") are two accounts, not one record. */
function toldByOthers(a: EventRecord['attributedTo'], b: EventRecord['attributedTo']): boolean {
  if (!a || !b) return false;
  const who = (x: Actor | string) => (typeof x === 'string' ? x : x.country && x.sector !== 'MED' ? x.country : (x.name ?? x.text ?? '')).toLowerCase();
  return who(a) !== who(b);
}

function datesCompatible(a: When, b: When): boolean {
  if (!a.earliest || !b.earliest) return true;
  return a.earliest <= (b.latest ?? b.earliest) && b.earliest <= (a.latest ?? a.earliest);
}

/** One record per event per document: same type, same participants, compatible dates and status. */
function merge(drafts: Draft[], docId: string): EventRecord[] {
  const out: Array<EventRecord & { sig: string; lastSentence: number }> = [];
  for (const d of drafts) {
    const sig = signature(d);
    const same = out.find(
      (e) =>
        // (within a type other than a meeting, a different CAMEO code is another act: an intent to meet is no agreement
        // reached; a visit and the talks held on it are one meeting)
        (e.sig === sig || (e.event === d.event && (e.event === 'CONSULT' || e.cameo === d.cameo || !e.cameo || !d.cameo) && Math.abs(e.lastSentence - d.sentence) <= 2 && compatibleParticipants(e, d))) &&
        datesCompatible(e.date, d.date) && !placedApart(e, d) && !toldByOthers(e.attributedTo, d.attributedTo) &&
        ((e.event === d.event && (e.status === d.status || e.status === 'occurred' || d.status === 'occurred')) ||
          // one proposal told twice in a sentence ("urged a meeting, saying it would be useful to offer dialogue")
          (e.status === 'proposed' && d.status === 'proposed' && e.evidence[0]!.start === d.evidence[0]!.start)),
    );
    if (same) {
      for (const ev of d.evidence) if (!same.evidence.some((x) => x.start === ev.start)) same.evidence.push(ev);
      // (a meeting told the other way round, "Lavrov met Blinken" after "Blinken met Lavrov", keeps each on one side)
      const known = same.symmetric ? [...same.actor, ...same.recipient] : [];
      same.actor = preferPeople(same.actor, d.actor.filter((x) => !known.some((y) => samePerson(x, y))));
      same.recipient = preferPeople(same.recipient, d.recipient.filter((x) => !known.some((y) => samePerson(x, y))));
      // what a report imagines ("you would have thought he had …") does not date what it reports
      if (!same.date.earliest && d.date.earliest && (d.status !== 'hypothetical' || same.status === 'hypothetical')) same.date = d.date;
      same.mode ??= d.mode;
      same.location ??= d.location;
      same.attributedTo ??= d.attributedTo;
      if (d.status === 'cancelled' || d.status === 'denied') same.status = d.status;
      same.topics = unique([...same.topics, ...d.topics]);
      same.context = unique([...same.context, ...d.context]);
      same.confidence = Math.min(1, same.confidence + 0.05);
      same.lastSentence = d.sentence;
      continue;
    }
    out.push({
      sig,
      lastSentence: d.sentence,
      id: `${docId}:e${out.length + 1}`,
      document: docId,
      event: d.event,
      mode: d.mode,
      context: d.context,
      cameo: d.cameo,
      actor: d.actor,
      // records merged across sentences can bring a participant to both sides; one does nothing to oneself
      recipient: d.recipient.filter((r) => !d.actor.some((a) => a.name === r.name && a.country === r.country)),
      symmetric: d.symmetric,
      date: d.date,
      status: d.status,
      negated: d.negated,
      topics: d.topics,
      location: d.location,
      attributedTo: d.attributedTo,
      evidence: d.evidence,
      confidence: confidence(d),
    });
  }
  return out.map(({ sig: _sig, lastSentence: _l, ...e }) => e);
}

/** The union of two participant lists, where a named person replaces the bare state they act for. */
/** Whether `x` is already told by `y`: the same known person, or a state (no person) of a participant's state. */
function samePerson(x: Actor, y: Actor): boolean {
  return x.id && y.id ? x.id === y.id : !x.id && y.country === x.country;
}

function preferPeople(a: Actor[], b: Actor[]): Actor[] {
  const out = [...a];
  for (const x of b) {
    if (out.some((y) => samePerson(x, y))) continue;
    if (x.id) {
      const i = out.findIndex((y) => !y.id && y.country === x.country);
      if (i >= 0) out.splice(i, 1, x);
      else out.push(x);
    } else out.push(x);
  }
  return out;
}

function confidence(d: Draft): number {
  let c = 0.4;
  if (d.actor.some((a) => a.id)) c += 0.2;
  else if (d.actor.length) c += 0.1;
  if (d.recipient.length) c += 0.2;
  if (d.date.earliest) c += 0.1;
  if (!d.hit.trigger.nominal) c += 0.1;
  return Math.round(Math.min(1, c) * 100) / 100;
}

function uniqueActors(actors: Actor[]): Actor[] {
  return actors.filter((a, i) => actors.findIndex((b) => sameActor(a, b)) === i);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
