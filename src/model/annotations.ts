/**
 * Annotations the analysis pipeline adds to a Document. Each is a span (UTF-16 offsets into `Document.text`);
 * none copies text except a `text` field kept for readers of the JSON.
 */
import type { Day, Document, Span, When } from './document.ts';

export interface Sentence extends Span {
  /** index of the document section it lies in */
  section: number;
}

export interface Token extends Span {
  /** Universal POS tag (wink-nlp): NOUN, PROPN, VERB, ADP, … */
  pos: string;
  /** lower-cased normal form */
  norm: string;
  /** dictionary form: "spoke" → "speak", "entreaties" → "entreaty" */
  lemma: string;
}

/** PLOVER/CAMEO-style sector of an actor. */
export type Sector = 'GOV' | 'MIL' | 'LEG' | 'JUD' | 'ELI' | 'OPP' | 'MED' | 'BUS' | 'CVL' | 'REB' | 'IGO' | 'NGO' | 'SPY' | 'DIP';

/** Who an expression refers to: a person, a state, an organisation, or a part of a state. */
export interface Actor {
  /** the words in the document */
  text?: string;
  /** canonical name, e.g. "Vladimir Putin", "Russia", "NATO" */
  name: string | null;
  /** ISO 3166-1 alpha-3, or an organisation code such as NATO, UN, EU */
  country: string | null;
  sector: Sector | null;
  /** office held at the reference date, e.g. "Minister of Foreign Affairs of Russia" */
  role: string | null;
  /** knowledge-base id (Wikidata Q-id where known) */
  id: string | null;
}

export type MentionKind =
  | 'person' // a named person: "Sergey Lavrov", "Lavrov"
  | 'country' // a state by name or demonym: "Russia", "Russian"
  | 'metonym' // a place or building standing for a government: "the Kremlin", "Washington"
  | 'organisation' // "NATO", "the Security Council"
  | 'role' // a description resolved through an office: "Russia's top diplomat"
  | 'pronoun' // "he", "she"
  | 'group'; // "both diplomats", "the two men": several people at once

export interface Mention extends Span {
  text: string;
  kind: MentionKind;
  /** null when nothing in the knowledge base or the text says who it is */
  actor: Actor | null;
  /** for groups: every member */
  members?: Actor[];
  /** how the actor was found, e.g. "surname of Sergey Lavrov, named earlier", "foreign_minister of RUS on 2017-06-26" */
  basis?: string;
  /** for a role description: the terms of the office it denotes (one of which the text presupposes was current) */
  tenure?: Array<{ from: Day; to: Day | null }>;
}

/** A time expression resolved against its section's reference date. */
export interface TimeExpression extends Span {
  text: string;
  earliest: Day | null;
  latest: Day | null;
  /** TIMEX3-style value: 2018-10-23, 2014-12, 2014-FA, P1M, PRESENT_REF; null when not representable */
  value: string | null;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** how it was resolved, e.g. "weekday before the dateline 2018-10-25" */
  basis: string;
}

/** A topic the text is about: an agreement, an issue, a place of conflict (KB topics). */
export interface TopicMention extends Span {
  text: string;
  /** canonical name, e.g. "New START", "election interference" */
  topic: string;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export interface Quote {
  id: string;
  kind: QuoteKind;
  /** who said it, when the text says so; null for unattributed quotes */
  speaker: Actor | null;
  /** the words naming the speaker ("Lavrov", "he", "a senior administration official", "the Kremlin's website") */
  speakerSpan: Span | null;
  /** the reporting words: said, according to, urged */
  cue: Span | null;
  content: Span;
}

export interface Analysis {
  document: Document;
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  times: TimeExpression[];
  topics: TopicMention[];
  quotes: Quote[];
  events: EventRecord[];
  /** problems found while analysing, said so a person can act on them */
  warnings: string[];
}

/** PLOVER event types (DESIGN.md, Ontology). */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** Whether the event happened, as the text tells it. Offers and invitations are `proposed`; a denied claim is `denied`. */
export type EventStatus = 'occurred' | 'planned' | 'proposed' | 'cancelled' | 'denied' | 'uncertain' | 'hypothetical';

export interface Evidence extends Span {
  text: string;
  /** the words inside the span that name the event ("met", "the Helsinki summit"); absent for a passage that only
   * tells something of an event named elsewhere (a later sentence saying it was called off) */
  trigger?: Span;
}

/** One diplomatic event as one document reports it (all its mentions in the document merged). */
export interface EventRecord {
  id: string;
  document: string;
  event: PloverType;
  /** PLOVER mode, e.g. phone, visit, third-party, multilateral for CONSULT */
  mode: string | null;
  /** PLOVER contexts: diplomatic, cbrn, election, cyber, military, human_rights… */
  context: string[];
  cameo: string | null;
  actor: Actor[];
  recipient: Actor[];
  /** a call or a meeting has participants, not a direction: actor and recipient may be read either way */
  symmetric: boolean;
  date: When;
  status: EventStatus;
  negated: boolean;
  /** agreements and issues it is about (KB topics, canonical names) */
  topics: string[];
  location: string | null;
  /** who the document says reported it */
  attributedTo: Actor | string | null;
  /** the words that carry it; the first is the main one */
  evidence: Evidence[];
  confidence: number;
}
