/**
 * Across documents: one real event, the reports that mention it, and how each source and each side told it.
 */
import type { Actor, EventRecord, EventStatus, PloverType } from './annotations.ts';
import type { When } from './document.ts';

/** A per-document event record with what linking needs to know about its document. */
export interface EventMention extends EventRecord {
  outlet: string | null;
  title: string | null;
  /** the document's publication date: an event reported in it happened no later */
  published: When;
}

/** Words of one account, with where they are. */
export interface Passage {
  document: string;
  start: number;
  end: number;
  text: string;
}

/** How one source (a document) or one side within it (the Kremlin's readout, the White House's) told the event. */
export interface Account {
  document: string;
  outlet: string | null;
  /** whose account: a state (ISO3) when the text attributes it to one side, else null for the outlet's own telling */
  side: string | null;
  /** who the words are attributed to, as the text names them ("the Kremlin's website") */
  attributedTo: string | null;
  status: EventStatus;
  date: When;
  topics: string[];
  /** quotations of participants the account carries */
  quotes: Array<{ speaker: string | null; text: string; start: number; end: number }>;
  /** loaded or characterising words ("firm support", "fake news", "businesslike and frank") */
  characterisations: string[];
  /** -1 … 1 from the tone lexicon */
  tone: number;
  passages: Passage[];
}

export type DivergenceKind = 'topic' | 'contradiction' | 'status' | 'date' | 'participants';

export interface Divergence {
  kind: DivergenceKind;
  /** what differs, in words */
  description: string;
  /** evidence from each side */
  evidence: Passage[];
}

export interface LinkedEvent {
  /** stable: derived from the mentions it merges, whatever order they arrived in */
  id: string;
  event: PloverType;
  mode: string | null;
  status: EventStatus;
  date: When;
  actor: Actor[];
  recipient: Actor[];
  symmetric: boolean;
  topics: string[];
  location: string | null;
  /** ids of the per-document event records it merges */
  mentions: string[];
  documents: string[];
  accounts: Account[];
  divergences: Divergence[];
}
