/**
 * The analysis pipeline over one Document, spaCy-style: each component reads the document and the annotations
 * before it and adds its own spans. Documents not in English are returned with a warning and no annotations.
 */
import type { Analysis } from '../model/annotations.ts';
import type { Document } from '../model/document.ts';
import { Gazetteer } from '../kb/gazetteer.ts';
import { defaultKnowledgeBase, type KnowledgeBase } from '../kb/knowledge-base.ts';
import { findMentions } from './mentions.ts';
import { findQuotes } from './quotes.ts';
import { codeEvents } from './events.ts';
import { tokenize } from './sentences.ts';
import { resolveTimes } from './time.ts';
import { usePlaces } from '../link/link.ts';

export interface AnalysisContext {
  kb: KnowledgeBase;
  gazetteer: Gazetteer;
}

let sharedContext: AnalysisContext | null = null;

/** The bundled knowledge base and its gazetteer, built once per process (about a second). */
export function defaultContext(): AnalysisContext {
  if (!sharedContext) {
    const kb = defaultKnowledgeBase();
    sharedContext = { kb, gazetteer: new Gazetteer(kb) };
    placesFrom(kb);
  }
  return sharedContext;
}

/** Linking compares places through the KB: "Helsinki" and "Finland" are one place at country level. */
function placesFrom(kb: KnowledgeBase): void {
  usePlaces(
    (w) => kb.metonymByText.get(w.toLowerCase())?.country ?? kb.countryByName.get(w.toLowerCase()) ?? null,
    (w) => kb.countryByName.has(w.toLowerCase()),
  );
}

/** A context whose knowledge base also holds positions a user imported into their database. */
export function contextWith(kb: KnowledgeBase): AnalysisContext {
  placesFrom(kb);
  return { kb, gazetteer: new Gazetteer(kb) };
}

export function analyze(document: Document, ctx: AnalysisContext = defaultContext()): Analysis {
  const empty: Analysis = { document, sentences: [], tokens: [], mentions: [], times: [], topics: [], quotes: [], events: [], warnings: [] };
  if (document.language && document.language !== 'en') {
    return { ...empty, warnings: [`not analysed: the document is in ${document.language}`] };
  }
  const { text, sections } = document;
  const { sentences, tokens } = tokenize(text, sections);
  const { mentions, topics } = findMentions(text, tokens, sentences, sections, ctx.gazetteer);
  const times = resolveTimes(text, sections);
  const quotes = findQuotes(text, sentences, tokens, mentions, document.id);
  const analysis: Analysis = { document, sentences, tokens, mentions, times, topics, quotes, events: [], warnings: [] };
  analysis.events = codeEvents(analysis, ctx.kb);
  return analysis;
}
