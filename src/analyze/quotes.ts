/**
 * Who said what. Three kinds of reported speech, each with a speaker, the reporting words (the cue) and the
 * content:
 *   direct    a quotation set off by quote marks — “…”, "…", ‘…’ — with its cue before it ("Lavrov said:",
 *             "…, saying\n\n“…”"), after it ("“…,” he said", "“…,” said Lavrov"), or none at all when it carries
 *             on the quotation before it (the next quote of the paragraph, or a paragraph made only of a
 *             quotation right after a paragraph with an attributed quote);
 *   mixed     a partial quotation inside reported speech: "Biden expressed “firm support” for …", "the NYT said
 *             Bolton “rejected …”", "Lavrov “gave detailed explanations …”";
 *   indirect  reported speech without quote marks: "X said (that) …", "according to X, …", "X urged Y to …",
 *             "…, X told reporters", "X denied …".
 *
 * The speaker is the actor of a resolved mention (a group gives its first member); words that are no known
 * actor but plainly name a source — an outlet, "a senior administration official", "the Kremlin's website",
 * "US analysts" — become an Actor built from those words. Quote marks are paired per paragraph first, and
 * nothing inside a quotation is read as a cue or a speaker ("As President Putin said …" inside a quote stays
 * the quoting speaker's words). Work is linear in the tokens of each sentence: no scan of the whole text per
 * quote. The word lists are data, in rules/quotes.yaml.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Actor, Mention, MentionKind, Quote, QuoteKind, Sector, Sentence, Token } from '../model/annotations.ts';
import { firstStartingAtOrAfter, lastStartingAtOrBefore, type Span } from '../model/document.ts';

// ── rules ────────────────────────────────────────────────────────────────────────────────────────────────────

type CueClass = 'speech' | 'claim' | 'accuse' | 'urge' | 'demand' | 'label' | 'aside' | 'according';
type ContentKind = 'clause' | 'object_to' | 'np' | 'none';

interface CueEntry {
  cls: CueClass;
  content: ContentKind;
  inverts: boolean;
  listener: boolean;
}

interface Rules {
  /** one-word cues by lower-cased token */
  single: Map<string, CueEntry>;
  /** multi-word cues by their first word, longest first */
  multi: Map<string, Array<{ words: string[]; entry: CueEntry }>>;
  quotedAs: Set<string>;
  /** head noun (one or two words) → sector of the speaker it names; 'inherit' takes a mention's sector */
  nounSector: Map<string, Sector | null | 'inherit'>;
  documentNouns: Set<string>;
  listenerNouns: Set<string>;
  listenerVerbs: Set<string>;
  outlets: RegExp;
  determiners: Set<string>;
  titleWords: Set<string>;
  fillers: Set<string>;
  negations: Set<string>;
  skippablePrepositions: Set<string>;
  timeWords: Set<string>;
}

interface RulesFile {
  cues: Record<Exclude<CueClass, 'according'>, { content: ContentKind; inverts?: boolean; listener?: boolean; words: string[] }>;
  according_to: string[];
  quoted_as: string[];
  speaker_nouns: Record<string, string[]>;
  document_nouns: string[];
  listener_nouns: string[];
  listener_verbs: string[];
  outlets: string[];
  determiners: string[];
  title_words: string[];
  fillers: string[];
  negations: string[];
  skippable_prepositions: string[];
  time_words: string[];
}

const SECTORS = new Set<string>(['GOV', 'MIL', 'LEG', 'JUD', 'ELI', 'OPP', 'MED', 'BUS', 'CVL', 'REB', 'IGO', 'NGO', 'SPY', 'DIP']);

/** Lower-cased words as the tokenizer splits them: "n't" and "'s" apart, apostrophes kept as written. */
function words(phrase: string): string[] {
  return phrase.toLowerCase().split(/\s+/).filter(Boolean);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function loadQuoteRules(path: URL = new URL('./rules/quotes.yaml', import.meta.url)): Rules {
  const file = parseYaml(readFileSync(path, 'utf8')) as RulesFile;
  const single = new Map<string, CueEntry>();
  const multi = new Map<string, Array<{ words: string[]; entry: CueEntry }>>();
  const add = (phrase: string, entry: CueEntry) => {
    const w = words(phrase);
    if (w.length === 1) {
      if (!single.has(w[0]!)) single.set(w[0]!, entry);
      return;
    }
    const list = multi.get(w[0]!) ?? [];
    list.push({ words: w, entry });
    list.sort((a, b) => b.words.length - a.words.length);
    multi.set(w[0]!, list);
  };
  for (const [cls, c] of Object.entries(file.cues)) {
    const entry: CueEntry = { cls: cls as CueClass, content: c.content, inverts: !!c.inverts, listener: !!c.listener };
    for (const w of c.words) add(String(w), entry);
  }
  const according: CueEntry = { cls: 'according', content: 'clause', inverts: false, listener: false };
  for (const w of file.according_to) add(w, according);
  const nounSector = new Map<string, Sector | null | 'inherit'>();
  for (const [group, nouns] of Object.entries(file.speaker_nouns)) {
    const sector = group === 'inherit' ? 'inherit' : SECTORS.has(group) ? (group as Sector) : null;
    for (const n of nouns) if (!nounSector.has(String(n).toLowerCase())) nounSector.set(String(n).toLowerCase(), sector);
  }
  const outlets = [...file.outlets].map(String).sort((a, b) => b.length - a.length).map(escapeRe);
  return {
    single,
    multi,
    quotedAs: new Set(file.quoted_as.map((w) => w.toLowerCase())),
    nounSector,
    documentNouns: new Set(file.document_nouns.map((w) => w.toLowerCase())),
    listenerNouns: new Set(file.listener_nouns.map((w) => w.toLowerCase())),
    listenerVerbs: new Set(file.listener_verbs.map((w) => w.toLowerCase())),
    outlets: new RegExp(`(?<![\\p{L}\\p{N}])(?:${outlets.join('|')})(?![\\p{L}\\p{N}])`, 'u'),
    determiners: new Set(file.determiners.map((w) => String(w).toLowerCase())),
    titleWords: new Set(file.title_words.map((w) => w.toLowerCase())),
    fillers: new Set(file.fillers.map((w) => w.toLowerCase())),
    negations: new Set(file.negations.map((w) => String(w).toLowerCase())),
    skippablePrepositions: new Set(file.skippable_prepositions.map((w) => w.toLowerCase())),
    timeWords: new Set(file.time_words.map((w) => w.toLowerCase())),
  };
}

let rules: Rules | null = null;
const R = (): Rules => (rules ??= loadQuoteRules());

/** Whether a word is a verb that reports a clause ("said", "announced", "claims"): its subject speaks what follows. */
export function reportsClause(word: string): boolean {
  const cue = R().single.get(word.toLowerCase());
  return !!cue && cue.content === 'clause' && cue.cls !== 'according';
}

// ── fixed patterns ───────────────────────────────────────────────────────────────────────────────────────────

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
const GENDERED_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its']);
/** words a resolver may wrongly take for a name ("He" as the surname of Liu He): treated as pronouns */
const PRONOUN_WORDS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'they', 'them', 'their', 'it', 'its', 'we', 'i', 'us', 'our']);
const OBJECT_PRONOUNS = new Set(['me', 'us', 'him', 'her', 'them', 'you']);
const PERSONISH: ReadonlySet<MentionKind> = new Set(['person', 'role', 'pronoun', 'group']);
const SPEAKER_PREPOSITIONS = new Set(['for', 'of', 'to', 'at', 'from', 'with', 'in']);
/** say-verbs: their object is a report ("said the agreement …"), hardly ever a thing */
const SAY_WORDS = new Set(['said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'telling', 'added', 'adds', 'add', 'adding']);
const NOMINAL_PREPOSITIONS = new Set(['of', 'about', 'for', 'without', 'against', 'than', 'like']);
const BE_FORMS = new Set(['be', 'being', 'been', 'was', 'were', 'is', 'are', "'s", '’s']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const CLAUSE_PUNCT = new Set([',', ';', ':', '—', '–', '-', '(', ')']);
const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;
const WORD = /[\p{L}\p{N}]+/gu;
const LINE_BREAK = /[^\S\n]*\n\s*/g;

// ── working state ────────────────────────────────────────────────────────────────────────────────────────────

interface Found {
  actor: Actor | null;
  span: Span;
  /** found as the subject of the clause or through an earlier quotation, not right next to the cue */
  distant?: boolean;
}

/** A phrase of tokens [first, last] whose head word decides what it names. */
interface Phrase {
  first: number;
  last: number;
  head: number;
}

interface Cue {
  first: number;
  /** last token of the reporting words, listener included ("told me") */
  last: number;
  entry: CueEntry;
  participle: boolean;
}

interface Quotation {
  /** offset of the opening mark */
  open: number;
  /** offset just after the closing mark (the paragraph end when the quotation runs on) */
  closeEnd: number;
  content: Span;
  para: number;
  opensPara: boolean;
  /** no closing mark before the paragraph ends */
  openEnded: boolean;
  words: number;
  /** results */
  speaker: Found | null;
  cue: Span | null;
  kind: QuoteKind;
  attributed: boolean;
  weak: boolean;
  /** attributed by a signature line below it */
  signed: boolean;
  drop: boolean;
}

interface Ctx {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  /** token → index of the (longest) mention covering it, or -1 */
  mentionOf: Int32Array;
  mentionTok: Array<[number, number]>;
  /** token → index + 1 of the quotation it lies in, 0 outside quotations */
  quoteOf: Int32Array;
  /** token → sentence index, -1 outside every sentence */
  sentOf: Int32Array;
  sentLo: number[];
  sentHi: number[];
  quotations: Quotation[];
  paragraphs: Span[];
  /** speakers attributed so far, for pronouns nothing resolved */
  spoken: Array<{ pos: number; section: number; actor: Actor }>;
  usedCues: Set<number>;
}

// ── entry point ──────────────────────────────────────────────────────────────────────────────────────────────

export function findQuotes(text: string, sentences: Sentence[], tokens: Token[], mentions: Mention[], docId: string): Quote[] {
  if (!sentences.length || !tokens.length) return [];
  const ctx = context(text, sentences, tokens, mentions);
  findQuotations(ctx);
  ctx.quotations.forEach((q, qi) => attributeOne(ctx, q, qi));
  const indirect = indirectSpeech(ctx);
  carryOver(ctx, indirect);
  const out: Array<Omit<Quote, 'id'>> = [...indirect];
  for (const q of ctx.quotations) {
    if (q.drop) continue;
    out.push({ kind: q.kind, speaker: q.speaker?.actor ?? null, speakerSpan: q.speaker?.span ?? null, cue: q.cue, content: q.content });
  }
  out.sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
  return out.map((q, i) => ({ id: `${docId}:q${i + 1}`, ...q }));
}

function context(text: string, sentences: Sentence[], tokens: Token[], mentions: Mention[]): Ctx {
  const sentOf = new Int32Array(tokens.length).fill(-1);
  const sentLo: number[] = [];
  const sentHi: number[] = [];
  sentences.forEach((s, i) => {
    const lo = lowerBound(tokens, s.start);
    const hi = lowerBound(tokens, s.end);
    sentLo.push(lo);
    sentHi.push(hi);
    for (let t = lo; t < hi; t++) sentOf[t] = i;
  });
  const mentionOf = new Int32Array(tokens.length).fill(-1);
  const mentionTok: Array<[number, number]> = [];
  mentions.forEach((m, i) => {
    const lo = lowerBound(tokens, m.start);
    let hi = lowerBound(tokens, m.end);
    if (hi <= lo) hi = lo + 1;
    mentionTok.push([lo, hi - 1]);
    for (let t = lo; t < hi && t < tokens.length; t++) {
      const other = mentionOf[t]!;
      if (other < 0 || mentions[other]!.end - mentions[other]!.start < m.end - m.start) mentionOf[t] = i;
    }
  });
  // a token keeps only a mention that starts and ends on token boundaries it covers
  for (let t = 0; t < tokens.length; t++) {
    const mi = mentionOf[t]!;
    if (mi >= 0 && (t < mentionTok[mi]![0] || t > mentionTok[mi]![1])) mentionOf[t] = -1;
  }
  return {
    text, sentences, tokens, mentions, mentionOf, mentionTok, quoteOf: new Int32Array(tokens.length), sentOf, sentLo, sentHi,
    quotations: [], paragraphs: paragraphsOf(text, sentences), spoken: [], usedCues: new Set(),
  };
}

/** First token that starts at or after pos. */
const lowerBound = firstStartingAtOrAfter;

function sentenceAt(ctx: Ctx, pos: number): number {
  const found = lastStartingAtOrBefore(ctx.sentences, pos);
  return found >= 0 && pos < ctx.sentences[found]!.end ? found : -1;
}

/** The analysed text of each section (from its first sentence to its last) cut at line breaks. */
function paragraphsOf(text: string, sentences: Sentence[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < sentences.length) {
    let j = i;
    while (j + 1 < sentences.length && sentences[j + 1]!.section === sentences[i]!.section) j++;
    const end = sentences[j]!.end;
    let start = sentences[i]!.start;
    LINE_BREAK.lastIndex = start;
    let m: RegExpExecArray | null;
    while ((m = LINE_BREAK.exec(text)) && m.index < end) {
      if (m.index > start) out.push({ start, end: m.index });
      start = m.index + m[0].length;
    }
    if (start < end) out.push({ start, end });
    i = j + 1;
  }
  return out;
}

// ── quotation marks ─────────────────────────────────────────────────────────────────────────────────────────

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const OPEN_CONTEXT = /[\s([{—–\-/“‘"'«]/;

/** Pairs quote marks paragraph by paragraph; quotations inside a quotation are part of it. */
function findQuotations(ctx: Ctx): void {
  const { text } = ctx;
  ctx.paragraphs.forEach((p, pi) => {
    let open = -1;
    let mark = '';
    const push = (closeAt: number, closeEnd: number, openEnded: boolean) => {
      let s = open + 1;
      let e = closeAt;
      while (s < e && isSpace(text[s])) s++;
      while (e > s && (isSpace(text[e - 1]) || text[e - 1] === ',')) e--;
      const n = text.slice(s, e).match(WORD)?.length ?? 0;
      if (n > 0 && !(openEnded && n < 3)) {
        ctx.quotations.push({
          open, closeEnd, content: { start: s, end: e }, para: pi, opensPara: open === p.start, openEnded, words: n,
          speaker: null, cue: null, kind: 'direct', attributed: false, weak: false, signed: false, drop: false,
        });
      }
      open = -1;
    };
    for (let i = p.start; i < p.end; i++) {
      const c = text[i]!;
      if (open < 0) {
        const prev = i > p.start ? text[i - 1] : undefined;
        const startsWord = prev === undefined || OPEN_CONTEXT.test(prev);
        if (c === '“' || c === '«' || c === '„') open = i;
        else if ((c === '"' || c === '‘') && startsWord && !isSpace(text[i + 1]) && !/\d/.test(text[i + 1] ?? '')) open = i;
        if (open >= 0) mark = c;
        continue;
      }
      if (mark === '“' || mark === '„') {
        if (c === '”' || (c === '"' && !isLetter(text[i + 1])) || (mark === '„' && c === '“')) push(i, i + 1, false);
      } else if (mark === '«') {
        if (c === '»') push(i, i + 1, false);
      } else if (mark === '"') {
        if (c === '"') push(i, i + 1, false);
      } else if (c === '’' && !isLetter(text[i + 1]) && !isSpace(text[i - 1])) {
        // "the allies’ plan": an s-plural possessive, not the end of the quotation
        if (!(text[i - 1] === 's' && / [a-z]/.test(text.slice(i + 1, i + 3)))) push(i, i + 1, false);
      }
    }
    if (open >= 0 && (mark === '“' || mark === '«' || mark === '„')) push(p.end, p.end, true);
  });
  // the tokens of each quotation, marks included
  ctx.quotations.forEach((q, qi) => {
    for (let t = lowerBound(ctx.tokens, q.open); t < ctx.tokens.length && ctx.tokens[t]!.start < q.closeEnd; t++) ctx.quoteOf[t] = qi + 1;
  });
}

// ── attribution of quotations ──────────────────────────────────────────────────────────────────────────────

/**
 * Quotations that name no speaker of their own carry one over: a quotation running on into the next paragraph
 * takes the speaker of its continuation; quote paragraphs above a signature line ("Harry Enten, CNN") take
 * the name; a quotation opening its sentence or paragraph takes the last speaker reported in its paragraph or
 * the paragraph before ("Bruce Plant said there was little need …¶¶“If you are out hunting …”").
 */
function carryOver(ctx: Ctx, indirect: Array<Omit<Quote, 'id'>>): void {
  const qs = ctx.quotations;
  for (let qi = qs.length - 1; qi >= 0; qi--) {
    const q = qs[qi]!;
    if (q.attributed) continue;
    const next = qs[qi + 1];
    const linked = next && next.attributed && next.opensPara && next.para === q.para + 1;
    if (linked && q.openEnded) {
      settle(ctx, q, next.speaker, next.cue, q.opensPara ? 'direct' : 'mixed', next.weak);
    } else if (closesPara(ctx, q)) {
      const signed = signature(ctx, q.para + 1);
      if (signed) settle(ctx, q, signed, null, q.opensPara ? 'direct' : 'mixed');
      else if (linked && q.opensPara && next.cue === null && next.signed) settle(ctx, q, next.speaker, null, 'direct');
      if (signed || (linked && next.signed)) q.signed = true;
    }
  }
  // reports in document order: attributed quotations and indirect speech
  const events: Array<{ pos: number; q: Quotation | null; speaker: Found | null }> = [
    ...qs.map((q) => ({ pos: q.open, q, speaker: null })),
    ...indirect.map((r) => ({ pos: r.content.start, q: null, speaker: r.speakerSpan ? { actor: r.speaker, span: r.speakerSpan } : null })),
  ].sort((a, b) => a.pos - b.pos);
  const lastInPara = new Map<number, Found>();
  for (const e of events) {
    const para = e.q ? e.q.para : paragraphAt(ctx, e.pos);
    if (!e.q) {
      if (e.speaker?.actor) lastInPara.set(para, e.speaker);
      continue;
    }
    const q = e.q;
    if (!q.attributed) {
      const opensSentence = trivial(ctx, ...beforeFrame(ctx, q));
      const before = leadsPara(ctx, q) ? lastInPara.get(q.para - 1) : undefined;
      const from = lastInPara.get(q.para) ?? before;
      if (from && sameSection(ctx, from.span.start, q.open)) settle(ctx, q, from, null, opensSentence ? 'direct' : 'mixed', true);
    }
    if (q.attributed && q.speaker?.actor) lastInPara.set(q.para, q.speaker);
  }
  for (const q of qs) {
    if (titleBefore(ctx, q) || (!q.attributed && q.words <= 3) || (q.weak && q.words <= 3)) q.drop = true;
    if (!q.attributed && !q.drop) q.kind = q.opensPara || trivial(ctx, ...beforeFrame(ctx, q)) ? 'direct' : 'mixed';
  }
}

function paragraphAt(ctx: Ctx, pos: number): number {
  return lastStartingAtOrBefore(ctx.paragraphs, pos);
}

/** The quotation opens its paragraph, at most after a conjunction or a colon ("And: “…”"). */
function leadsPara(ctx: Ctx, q: Quotation): boolean {
  if (q.opensPara) return true;
  const [lo, hi] = beforeFrame(ctx, q);
  return lo < ctx.tokens.length && ctx.tokens[lo]!.start === ctx.paragraphs[q.para]!.start && trivial(ctx, lo, hi);
}

/** Only punctuation follows the quotation in its paragraph. */
function closesPara(ctx: Ctx, q: Quotation): boolean {
  const p = ctx.paragraphs[q.para]!;
  return /^[\s.,;:!?…–—-]*$/.test(ctx.text.slice(q.closeEnd, p.end));
}

const SIGNATURE = /^[—–-]?\s*(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,4})\s*(?:,\s*[^,.!?“”"]{2,60})?$/u;

/** A short line naming the author of the quotation above it: "Harry Enten, CNN", "— Jennifer Rubin, Washington Post". */
function signature(ctx: Ctx, para: number): Found | null {
  const p = ctx.paragraphs[para];
  if (!p || p.end - p.start > 90) return null;
  const m = SIGNATURE.exec(ctx.text.slice(p.start, p.end));
  if (!m) return null;
  const nameEnd = p.start + m.index + m[0].indexOf(m[1]!) + m[1]!.length;
  const last = lowerBound(ctx.tokens, nameEnd) - 1;
  const first = lowerBound(ctx.tokens, p.start);
  if (last < first || ctx.sentOf[last]! < 0) return null;
  const np = npBackward(ctx, last, first);
  return np ? speakerOfNP(ctx, np.first, np.last, np.head) : null;
}

function sameSection(ctx: Ctx, a: number, b: number): boolean {
  const sa = sentenceAt(ctx, a);
  const sb = sentenceAt(ctx, b);
  return sa >= 0 && sb >= 0 && ctx.sentences[sa]!.section === ctx.sentences[sb]!.section;
}

function titleBefore(ctx: Ctx, q: Quotation): boolean {
  const t = lowerBound(ctx.tokens, q.open) - 1;
  return t >= 0 && R().titleWords.has(ctx.tokens[t]!.norm);
}

function settle(ctx: Ctx, q: Quotation, speaker: Found | null, cue: Span | null, kind: QuoteKind, weak = false): void {
  q.speaker = speaker;
  q.cue = cue;
  q.kind = kind;
  q.attributed = true;
  q.weak = weak;
  if (speaker?.actor) {
    const s = sentenceAt(ctx, q.open);
    ctx.spoken.push({ pos: q.open, section: s >= 0 ? ctx.sentences[s]!.section : -1, actor: speaker.actor });
  }
}

/** Tokens of the sentence before the quotation, back to the sentence start or the previous quotation. */
function beforeFrame(ctx: Ctx, q: Quotation): [number, number] {
  const hi = lowerBound(ctx.tokens, q.open);
  const s = sentenceAt(ctx, q.open);
  let lo = s >= 0 ? ctx.sentLo[s]! : hi;
  for (let t = hi - 1; t >= lo; t--) {
    if (ctx.quoteOf[t]) {
      lo = t + 1;
      break;
    }
  }
  return [lo, hi];
}

/** Tokens after the quotation, to the end of its sentence or the next quotation. */
function afterFrame(ctx: Ctx, q: Quotation): [number, number] {
  const lo = lowerBound(ctx.tokens, q.closeEnd);
  if (q.openEnded) return [lo, lo];
  const s = sentenceAt(ctx, q.closeEnd - 1);
  let hi = s >= 0 ? ctx.sentHi[s]! : lo;
  for (let t = lo; t < hi; t++) {
    if (ctx.quoteOf[t]) {
      hi = t;
      break;
    }
  }
  return [lo, Math.max(lo, hi)];
}

/** Nothing but punctuation, conjunctions and adverbs ("But “…”", "And, of course, “…”"). */
function trivial(ctx: Ctx, lo: number, hi: number): boolean {
  for (let t = lo; t < hi; t++) {
    const tk = ctx.tokens[t]!;
    if (!(tk.pos === 'PUNCT' || tk.pos === 'CCONJ' || tk.pos === 'ADV' || tk.pos === 'SYM')) return false;
  }
  return true;
}

function attributeOne(ctx: Ctx, q: Quotation, qi: number): void {
  const { tokens } = ctx;
  const [bLo, bHi] = beforeFrame(ctx, q);
  const [aLo, aHi] = afterFrame(ctx, q);
  const lastCue = lastCueIn(ctx, bLo, bHi);

  // 1. a cue that leads into the quotation: "he said:", "…, saying\n\n“…”", "told reporters “…”"
  if (lastCue && lastCue.entry.cls !== 'label') {
    let from = lastCue.last + 1;
    if (lastCue.entry.cls === 'according') {
      const np = npForward(ctx, from, bHi);
      from = np ? np.last + 1 : from;
    }
    const tail = leadTail(ctx, from, bHi);
    if (tail) {
      const speaker = cueSpeaker(ctx, lastCue, bLo, bHi);
      if (speaker) {
        const between = ctx.text.slice(tokens[lastCue.last]!.end, q.open);
        const startsSentence = /^[\p{Lu}(]/u.test(ctx.text.slice(q.content.start, q.content.start + 1));
        const direct = !tail.that && (tail.punct || between.includes('\n') || startsSentence);
        useCue(ctx, lastCue);
        settle(ctx, q, speaker, cueSpan(ctx, lastCue), direct ? 'direct' : 'mixed');
        return;
      }
    }
  }

  // 2. a colon: the speaker is the subject before it ("Lavrov had a blunt message:")
  const lastBefore = bHi - 1;
  if (lastBefore >= bLo && tokens[lastBefore]!.norm === ':') {
    const speaker = subjectBefore(ctx, lastBefore, bLo) ?? nearestPersonMention(ctx, bLo, lastBefore);
    if (speaker) {
      settle(ctx, q, speaker, null, 'direct');
      return;
    }
  }

  // 3. a cue after it: "“…,” he said", "“…,” said Lavrov", "“…,” a senior official told me"
  const trailing = trailingCue(ctx, q, aLo, aHi);
  if (trailing) {
    useCue(ctx, trailing.cue);
    settle(ctx, q, trailing.speaker, cueSpan(ctx, trailing.cue), trivial(ctx, bLo, bHi) ? 'direct' : 'mixed');
    return;
  }

  // 4. a partial quotation governed by the nearest cue before it: "the NYT said Bolton “rejected …”"
  if (lastCue) {
    let speaker: Found | null = null;
    let cue: Cue | null = lastCue;
    // a new clause with its own subject between the cue and the quotation: "…, and Tillerson “welcomed …”"
    const boundary = clauseBoundary(ctx, lastCue.last + 1, bHi);
    if (boundary >= 0) {
      speaker = npRightBefore(ctx, bHi, boundary, q) ?? subjectBefore(ctx, bHi, boundary);
      if (speaker) cue = null;
    }
    // passive: "after being called a “liar” by the minister" (the agent after "by" speaks)
    if (!speaker && lastCue.entry.cls === 'label' && lastCue.first > bLo && BE_FORMS.has(tokens[lastCue.first - 1]!.norm) && aLo < aHi && tokens[aLo]!.norm === 'by') {
      const np = npForward(ctx, aLo + 1, aHi);
      speaker = np ? speakerOfNP(ctx, np.first, np.last, np.head) : null;
    }
    if (!speaker && cue) speaker = cueSpeaker(ctx, lastCue, bLo, bHi);
    if (speaker) {
      if (cue) useCue(ctx, cue);
      settle(ctx, q, speaker, cue ? cueSpan(ctx, cue) : null, 'mixed');
      return;
    }
  }

  // 5. the speaker right before the quoted predicate: "Lavrov “gave detailed explanations …”", "His “discussion …”"
  //    (a possessive before a quotation is the person just quoted, when there is one)
  const possessive = bHi - 1 >= bLo && POSSESSIVE_PRONOUNS.has(tokens[bHi - 1]!.norm) && tokens[bHi - 1]!.pos === 'PRON';
  const quotedJustBefore = possessive ? previousSpeaker(ctx, qi) : null;
  const right = quotedJustBefore ? { ...quotedJustBefore, span: { start: tokens[bHi - 1]!.start, end: tokens[bHi - 1]!.end } } : npRightBefore(ctx, bHi, bLo, q);
  if (right) {
    settle(ctx, q, right, null, 'mixed', true);
    return;
  }

  // 6. the subject of the clause the quotation ends: "Both diplomats agreed to continue contacts, “on …”"
  if (!trivial(ctx, bLo, bHi)) {
    const subject = subjectBefore(ctx, bHi, bLo);
    if (subject) {
      settle(ctx, q, subject, null, 'mixed', true);
      return;
    }
  }

  // 7. the quotation before it in the same paragraph (same sentence or the next): a continuation
  for (let pi = qi - 1; pi >= 0 && ctx.quotations[pi]!.para === q.para; pi--) {
    const prev = ctx.quotations[pi]!;
    if (prev.attributed && prev.speaker) {
      // "had been “targeted …” and “should be released …”": the second part of the same report
      const sameReport = trivial(ctx, bLo, bHi) && bLo > ctx.sentLo[Math.max(0, sentenceAt(ctx, q.open))]!;
      if (sameReport) settle(ctx, q, prev.speaker, prev.cue, prev.kind, prev.weak);
      else settle(ctx, q, prev.speaker, null, trivial(ctx, bLo, bHi) ? 'direct' : 'mixed', true);
      return;
    }
  }
}

/** The speaker of the last attributed quotation in this paragraph or the one before. */
function previousSpeaker(ctx: Ctx, qi: number): Found | null {
  const para = ctx.quotations[qi]!.para;
  for (let k = qi - 1; k >= 0 && ctx.quotations[k]!.para >= para - 1; k--) {
    const prev = ctx.quotations[k]!;
    if (prev.attributed && prev.speaker?.actor) return prev.speaker;
  }
  return null;
}

function useCue(ctx: Ctx, cue: Cue): void {
  ctx.usedCues.add(cue.first);
}

function cueSpan(ctx: Ctx, cue: Cue): Span {
  return { start: ctx.tokens[cue.first]!.start, end: ctx.tokens[cue.last]!.end };
}

/** What may stand between a leading cue and the quotation: punctuation, "that", a prepositional phrase. */
function leadTail(ctx: Ctx, lo: number, hi: number): { that: boolean; punct: boolean } | null {
  let that = false;
  let punct = false;
  let pp = false;
  for (let t = lo; t < hi; t++) {
    const tk = ctx.tokens[t]!;
    if (tk.pos === 'PUNCT' && CLAUSE_PUNCT.has(tk.norm)) {
      punct = true;
      pp = false;
    } else if (tk.norm === 'that' && !pp) that = true;
    else if (tk.pos === 'ADP') pp = true;
    else if (pp && (NP_POS.has(tk.pos) || tk.pos === 'DET' || ctx.mentionOf[t]! >= 0)) continue;
    else if (tk.pos === 'ADV' && R().fillers.has(tk.norm)) continue;
    else return null;
  }
  return { that, punct };
}

/** ", and …" or ";": a new clause starts; returns the token after the boundary, or -1. */
function clauseBoundary(ctx: Ctx, lo: number, hi: number): number {
  let found = -1;
  for (let t = lo; t < hi; t++) {
    const tk = ctx.tokens[t]!;
    if (tk.norm === ';' || (tk.norm === ',' && t + 1 < hi && (ctx.tokens[t + 1]!.norm === 'and' || ctx.tokens[t + 1]!.norm === 'but'))) found = t + 1;
  }
  return found;
}

/**
 * A cue after the quotation: the first verb after it is a reporting verb — "“…,” he said", "“…,” said Lavrov",
 * "“…,” a senior official told me", "“…,” Jim Finberg, a lawyer for the unions, said", "“…,” in Denmark, he says".
 * A quotation that ends its sentence ("“… it!” Trump tweeted, …") is followed into the next sentence, where
 * the cue must then close its clause.
 */
function trailingCue(ctx: Ctx, q: Quotation, lo: number, hi: number): { speaker: Found; cue: Cue } | null {
  const { tokens } = ctx;
  let strict = false;
  if (lo >= hi && !q.openEnded) {
    const s = sentenceAt(ctx, q.closeEnd - 1);
    const next = s + 1;
    if (s < 0 || next >= ctx.sentences.length || paragraphAt(ctx, ctx.sentences[next]!.start) !== q.para) return null;
    lo = ctx.sentLo[next]!;
    hi = ctx.sentHi[next]!;
    strict = true;
  }
  for (let t = lo; t < Math.min(hi, lo + 25); t++) {
    if (ctx.quoteOf[t]) return null;
    const tk = tokens[t]!;
    const cue = cueAt(ctx, t, hi, true);
    if (cue) {
      if (cue.entry.cls === 'label') return null;
      if (strict) {
        const e = objectEnd(ctx, afterCue(ctx, cue, hi), hi);
        const np = npForward(ctx, cue.last + 1, hi);
        const ends = (x: number) => x >= hi || tokens[x]!.pos === 'PUNCT';
        if (!ends(e) && !(np && ends(np.last + 1))) return null;
      }
      const speaker = cueSpeaker(ctx, cue, lo, hi);
      return speaker ? { speaker, cue } : null;
    }
    if ((tk.pos === 'VERB' || tk.pos === 'AUX') && !R().fillers.has(tk.norm)) return null;
  }
  return null;
}

/** Past a short object that is not the clause end: "told FoxNews.com", "told MSNBC’s". */
function objectEnd(ctx: Ctx, t: number, hi: number): number {
  if (t >= hi || ctx.tokens[t]!.pos === 'PUNCT' || ctx.quoteOf[t]) return t;
  const np = npForward(ctx, t, Math.min(hi, t + 6));
  if (!np) return t;
  let e = np.last + 1;
  while (e < hi && POSSESSIVE.has(ctx.tokens[e]!.norm)) e++;
  return e;
}

/** The token after a cue and a short adverbial ("said on Monday", "told me in an interview"). */
function afterCue(ctx: Ctx, cue: Cue, hi: number): number {
  let t = cue.last + 1;
  let pp = false;
  while (t < hi) {
    const tk = ctx.tokens[t]!;
    if (tk.pos === 'ADV' || (tk.pos === 'ADP' && R().skippablePrepositions.has(tk.norm))) pp = tk.pos === 'ADP' || pp;
    else if (!(pp && (NP_POS.has(tk.pos) || tk.pos === 'DET'))) break;
    t++;
  }
  return t;
}

// ── cues ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The cue starting at token i. wink tags some reporting verbs as nouns ("Katz notes.", "Trump claims they …"):
 * such a word still counts right after a name or a pronoun when no noun follows it; `loose` (right after a
 * quotation) takes any tag.
 */
function cueAt(ctx: Ctx, i: number, hi: number, loose = false): Cue | null {
  const { tokens } = ctx;
  if (ctx.quoteOf[i]) return null;
  const norm = tokens[i]!.norm;
  const rules = R();
  for (const m of rules.multi.get(norm) ?? []) {
    const last = i + m.words.length - 1;
    if (last >= hi) continue;
    let ok = true;
    for (let k = 1; k < m.words.length && ok; k++) ok = tokens[i + k]!.norm === m.words[k] && !ctx.quoteOf[i + k];
    if (ok) return { first: i, last, entry: m.entry, participle: norm.endsWith('ing') && m.entry.cls !== 'according' };
  }
  const entry = rules.single.get(norm);
  if (!entry) return null;
  // "the United States", "Secretary of State": a capitalised word inside a sentence is a name
  if (/^\p{Lu}/u.test(ctx.text[tokens[i]!.start]!) && i > 0 && ctx.sentOf[i - 1] === ctx.sentOf[i] && tokens[i - 1]!.pos !== 'PUNCT') return null;
  if (tokens[i]!.pos !== 'VERB' && !loose) {
    // "Katz notes.", "Trump claims they …": an -s form right after a subject, with no noun after it
    const before = i > 0 ? tokens[i - 1]! : null;
    const after = i + 1 < tokens.length ? tokens[i + 1]! : null;
    const bm = before ? ctx.mentionOf[i - 1]! : -1;
    const named = before && !ctx.quoteOf[i - 1] && (bm >= 0 ? ctx.mentions[bm]!.kind !== 'country' : (before.pos === 'PROPN' && /^\p{Lu}/u.test(ctx.text[before.start]!)) || (before.pos === 'PRON' && PERSONAL_PRONOUNS.has(before.norm)));
    const subject = named && subjectPosition(ctx, bm >= 0 ? ctx.mentionTok[bm]![0] : i - 1, Math.max(0, ctx.sentLo[ctx.sentOf[i]!] ?? 0));
    const verbal = !after || !['NOUN', 'ADJ', 'ADP', 'PROPN', 'VERB', 'AUX', 'PART'].includes(after.pos);
    if (!(tokens[i]!.pos === 'NOUN' || tokens[i]!.pos === 'PROPN') || !/[^s]s$/.test(norm) || !subject || !verbal) return null;
  }
  // "refused to say", "needless to say": not a report; "Trump's announced pullout", "the said agreement": an adjective
  const prev = i > 0 ? tokens[i - 1]! : null;
  if (prev && (prev.norm === 'to' || POSSESSIVE.has(prev.norm) || prev.pos === 'DET')) return null;
  // "hard-pressed", "so-called": part of a compound
  if (prev && prev.norm === '-' && prev.end === tokens[i]!.start) return null;
  let last = i;
  if (entry.listener && rules.listenerVerbs.has(norm)) last = listenerEnd(ctx, i, hi);
  return { first: i, last, entry, participle: norm.endsWith('ing') };
}

/** "told me", "told reporters", "told a news conference", "told Lavrov", "told TASS" */
function listenerEnd(ctx: Ctx, cueTok: number, hi: number): number {
  const { tokens } = ctx;
  const t = cueTok + 1;
  if (t >= hi || ctx.quoteOf[t]) return cueTok;
  const tk = tokens[t]!;
  if (tk.pos === 'PRON') return OBJECT_PRONOUNS.has(tk.norm) ? t : cueTok;
  const np = npForward(ctx, t, Math.min(hi, t + 5));
  if (!np) return cueTok;
  const headMention = ctx.mentionOf[np.last]!;
  const words = ctx.text.slice(tokens[np.first]!.start, tokens[np.last]!.end);
  if (headMention >= 0 || R().listenerNouns.has(tokens[np.last]!.norm) || R().outlets.test(words)) return np.last;
  return cueTok;
}

function lastCueIn(ctx: Ctx, lo: number, hi: number): Cue | null {
  let found: Cue | null = null;
  for (let t = lo; t < hi; t++) {
    const c = cueAt(ctx, t, hi);
    if (c) {
      found = c;
      t = c.last;
    }
  }
  return found;
}

// ── speakers ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Who speaks through a cue. `lo`/`hi` bound the search (the sentence, or the frame before a quotation). */
function cueSpeaker(ctx: Ctx, cue: Cue, lo: number, hi: number): Found | null {
  const { tokens } = ctx;
  const rules = R();
  if (cue.entry.cls === 'according') {
    const np = npForward(ctx, cue.last + 1, Math.max(hi, sentenceEnd(ctx, cue.last)));
    return np ? speakerOfNP(ctx, np.first, np.last, np.head) : null;
  }
  // "TASS quoted Lavrov as saying", "Lavrov was quoted as saying"
  if (cue.participle && cue.first - 1 >= lo && tokens[cue.first - 1]!.norm === 'as') {
    const k = cue.first - 2;
    if (k >= lo && rules.quotedAs.has(tokens[k]!.norm)) {
      const back = skipFillersBack(ctx, k - 1, lo);
      const np = back.at >= lo ? npBackward(ctx, back.at, lo) : null;
      if (np) return speakerOfNP(ctx, np.first, np.last, np.head);
    } else if (k >= lo) {
      const np = npBackward(ctx, k, lo);
      if (np && np.first - 1 >= lo && rules.quotedAs.has(tokens[np.first - 1]!.norm)) return speakerOfNP(ctx, np.first, np.last, np.head);
      // "Cohen quotes/NOUN Trump as saying": the tagger made the verb a noun of the phrase; the one quoted follows it
      if (np) for (let q = np.last - 1; q >= np.first; q--) if (rules.quotedAs.has(tokens[q]!.norm)) return speakerOfNP(ctx, q + 1, np.last, np.head);
    }
  }
  const back = skipFillersBack(ctx, cue.first - 1, lo);
  if (back.negated) return null;
  // "Gabbard was asked whether …": the subject of a passive is the hearer
  if (!cue.participle && cue.entry.cls !== 'label' && cue.first - 1 >= lo && BE_FORMS.has(tokens[cue.first - 1]!.norm) && tokens[cue.first - 1]!.pos === 'AUX') return null;
  const j = back.at;
  // "the idea of publicly announcing …": a gerund that names an act, not a report
  if (cue.participle && j >= lo && tokens[j]!.pos === 'ADP' && NOMINAL_PREPOSITIONS.has(tokens[j]!.norm)) return null;
  const inverts = cue.entry.inverts && !cue.participle && (j < lo || tokens[j]!.pos === 'PUNCT' || ctx.quoteOf[j]! > 0);
  if (!cue.participle && j >= lo && tokens[j]!.norm === ',') {
    // "…, said Lavrov."
    if (inverts) {
      const end = sentenceEnd(ctx, cue.last);
      const np = npForward(ctx, cue.last + 1, end);
      const f = np && (np.last + 1 >= end || tokens[np.last + 1]!.pos === 'PUNCT') ? speakerOfNP(ctx, np.first, np.last, np.head) : null;
      if (f) return f;
    }
    // appositive: "Lavrov, Russia's foreign minister, said"; "Sen. John Thune, R-S.D., who flagged …, blasted";
    // "Sgt. Stephanie Cazares with the 1st Armored Division, at Fort Bliss, Texas, said": the subject opens the clause
    let start = j - 1;
    while (start > lo && j - start < 40 && !ctx.quoteOf[start - 1] && tokens[start - 1]!.norm !== ';' && !(tokens[start - 1]!.pos === 'CCONJ' && tokens[start - 2]?.norm === ',')) start--;
    if (tokens[start]!.pos === 'ADP' || tokens[start]!.pos === 'SCONJ' || tokens[start]!.pos === 'ADV') {
      // past an introductory phrase: "In a statement, …"
      let c = start;
      while (c < j && tokens[c]!.norm !== ',') c++;
      start = c < j ? c + 1 : start;
    }
    const subject = start < j ? npForward(ctx, start, j) : null;
    // …followed by its appositive or a prepositional phrase, not by a verb of its own ("Russia will respond, Lavrov, …, said")
    const then = subject ? tokens[subject.last + 1] : undefined;
    const f = subject && then && (then.norm === ',' || then.pos === 'ADP') ? speakerOfNP(ctx, subject.first, subject.last, subject.head) : null;
    if (f) return f;
    for (let k = j - 1; k >= Math.max(lo, j - 12); k--) {
      if (ctx.quoteOf[k]) break;
      if (tokens[k]!.norm !== ',') continue;
      const np = npBackward(ctx, k - 1, lo);
      const near = np ? speakerOfNP(ctx, np.first, np.last, np.head) : null;
      if (near) return near;
    }
  }
  if (j >= lo && !ctx.quoteOf[j] && tokens[j]!.pos !== 'PUNCT' && tokens[j]!.pos !== 'CCONJ') {
    let np = npBackward(ctx, j, lo);
    // "Lavrov on Monday said": skip a short prepositional phrase
    if (np && np.first - 1 >= lo && rules.skippablePrepositions.has(tokens[np.first - 1]!.norm)) {
      const before = skipFillersBack(ctx, np.first - 2, lo);
      const np2 = before.at >= lo ? npBackward(ctx, before.at, lo) : null;
      if (np2 && speakerOfNP(ctx, np2.first, np2.last, np2.head)) np = np2;
    }
    if (np) {
      const f = speakerOfNP(ctx, np.first, np.last, np.head);
      const absolute = np.first - 1 >= lo && tokens[np.first - 1]!.norm === 'with';
      if (f && (!cue.participle || opensClause(ctx, np.first, lo) || absolute)) return f;
      if (!f && !cue.participle) return null;
    }
  }
  // "…, said Lavrov." (not "… and said he …")
  if (inverts) {
    const np = npForward(ctx, cue.last + 1, Math.max(hi, sentenceEnd(ctx, cue.last)));
    if (np) {
      const f = speakerOfNP(ctx, np.first, np.last, np.head);
      if (f) return f;
    }
  }
  // "“…,” adding:": the speaker of the quotation just before
  let k = cue.first - 1;
  while (k >= 0 && tokens[k]!.pos === 'PUNCT' && (tokens[k]!.norm === ',' || tokens[k]!.norm === ':') && !ctx.quoteOf[k]) k--;
  if (k >= 0 && ctx.quoteOf[k] && ctx.sentOf[k] === ctx.sentOf[cue.first]) {
    const prev = ctx.quotations[ctx.quoteOf[k]! - 1]!;
    if (prev.attributed && prev.speaker) return { ...prev.speaker, distant: true };
  }
  // "Putin urged …, saying", "Putin congratulated Biden, and said": the subject of the clause
  const subject = subjectBefore(ctx, cue.first, Math.max(lo, ctx.sentLo[ctx.sentOf[cue.first]!] ?? lo));
  return subject ? { ...subject, distant: true } : null;
}

function sentenceEnd(ctx: Ctx, t: number): number {
  const s = ctx.sentOf[t]!;
  return s >= 0 ? ctx.sentHi[s]! : t + 1;
}

/** The phrase starts a clause: after a comma, a dash, a quotation or at the sentence start. */
function opensClause(ctx: Ctx, first: number, lo: number): boolean {
  if (first <= lo) return true;
  const prev = ctx.tokens[first - 1]!;
  return (prev.pos === 'PUNCT' && CLAUSE_PUNCT.has(prev.norm)) || ctx.quoteOf[first - 1]! > 0;
}

function skipFillersBack(ctx: Ctx, t: number, lo: number): { at: number; negated: boolean } {
  const rules = R();
  let negated = false;
  while (t >= lo && !ctx.quoteOf[t]) {
    const tk = ctx.tokens[t]!;
    if (rules.negations.has(tk.norm)) negated = true;
    else if (tk.norm === 'to' || POSSESSIVE.has(tk.norm)) break;
    else if (!(tk.pos === 'ADV' || tk.pos === 'AUX' || rules.fillers.has(tk.norm))) break;
    t--;
  }
  return { at: t, negated };
}

const isNpToken = (ctx: Ctx, t: number) => {
  const tk = ctx.tokens[t]!;
  return NP_POS.has(tk.pos) || POSSESSIVE.has(tk.norm) || (tk.norm === '-' && ctx.tokens[t - 1]?.end === tk.start && ctx.tokens[t + 1]?.start === tk.end);
};

/** A noun phrase ending at token `end`: a mention, a pronoun, or determiner + modifiers + head noun. */
function npBackward(ctx: Ctx, end: number, lo: number): Phrase | null {
  const { tokens } = ctx;
  if (end < lo || ctx.quoteOf[end]) return null;
  const head = tokens[end]!;
  if (head.pos === 'PRON' && ctx.mentionOf[end]! < 0) return PERSONAL_PRONOUNS.has(head.norm) || POSSESSIVE_PRONOUNS.has(head.norm) ? { first: end, last: end, head: end } : null;
  const rules = R();
  // a speaker noun tagged otherwise still heads the phrase ("the military/ADJ said")
  if (ctx.mentionOf[end]! < 0 && !(head.pos === 'NOUN' || head.pos === 'PROPN' || rules.nounSector.has(head.norm))) return null;
  let first = end;
  let t = end;
  while (t >= lo && !ctx.quoteOf[t] && end - t < 12) {
    const mi = ctx.mentionOf[t]!;
    if (mi >= 0 && t < end && (ctx.mentions[mi]!.kind === 'pronoun' || ctx.tokens[t]!.pos === 'PRON')) break;
    if (mi >= 0) {
      first = Math.max(lo, ctx.mentionTok[mi]![0]);
      t = first - 1;
      continue;
    }
    const tk = tokens[t]!;
    if (tk.pos === 'DET' || (tk.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(tk.norm))) {
      if (rules.determiners.has(tk.norm)) first = t;
      break;
    }
    if (!isNpToken(ctx, t)) break;
    first = t;
    t--;
  }
  // "On Monday Lavrov said": a day or month name is no part of the speaker
  while (first < end && (rules.timeWords.has(tokens[first]!.norm) || POSSESSIVE.has(tokens[first]!.norm) || tokens[first]!.pos === 'NUM' && ctx.mentionOf[first]! < 0 && rules.timeWords.has(tokens[first + 1]?.norm ?? ''))) first++;
  // "One person close to the White House", "a spokesman for the Russian Foreign Ministry": the noun before the
  // preposition heads the phrase
  const adp = first - 1;
  if (adp > lo && SPEAKER_PREPOSITIONS.has(tokens[adp]!.norm) && !ctx.quoteOf[adp]) {
    let h = adp - 1;
    if (h > lo && tokens[h]!.norm === 'close') h--;
    if (!ctx.quoteOf[h] && ctx.mentionOf[h]! < 0 && rules.nounSector.has(tokens[h]!.norm) && tokens[h]!.pos !== 'PROPN') {
      const np = npBackward(ctx, h, lo);
      if (np) return { first: np.first, last: end, head: h };
    }
  }
  return { first, last: end, head: end };
}

/** A noun phrase starting at token `start` (after "according to", "by", a closing quotation mark). */
function npForward(ctx: Ctx, start: number, hi: number): Phrase | null {
  const { tokens } = ctx;
  if (start >= hi || ctx.quoteOf[start]) return null;
  const tk = tokens[start]!;
  if (tk.pos === 'PRON' && ctx.mentionOf[start]! < 0) return PERSONAL_PRONOUNS.has(tk.norm) ? { first: start, last: start, head: start } : null;
  let t = start;
  if (tk.pos === 'DET' || (tk.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(tk.norm))) {
    if (!R().determiners.has(tk.norm) && ctx.mentionOf[start]! < 0) return null;
    t++;
  }
  let last = -1;
  let ofChain = false;
  let prevMention: Mention | null = null;
  while (t < hi && !ctx.quoteOf[t]) {
    const mi = ctx.mentionOf[t]!;
    if (mi >= 0) {
      const m = ctx.mentions[mi]!;
      // "told CNN he …", "told Lavrov Russia would …": a pronoun, or a state after a person, starts a new phrase
      const after = ctx.tokens[ctx.mentionTok[mi]![1] + 1];
      const goesOn = after && ((after.pos === 'PROPN' && /^\p{Lu}/u.test(ctx.text[after.start]!)) || POSSESSIVE.has(after.norm));
      if (t > start && (m.kind === 'pronoun' || ctx.tokens[t]!.pos === 'PRON' || (prevMention && PERSONISH.has(prevMention.kind) && (m.kind === 'country' || m.kind === 'metonym') && !goesOn))) break;
      prevMention = m;
      last = Math.min(hi - 1, ctx.mentionTok[mi]![1]);
      t = last + 1;
      continue;
    }
    prevMention = null;
    const tk = ctx.tokens[t]!;
    // "Department of Health and Human Services press secretary Caitlin Oakley" (but not "Amrita Sen of Energy Aspects")
    if ((tk.norm === 'of' || (tk.norm === 'and' && ofChain)) && last >= 0 && t + 1 < hi && /^\p{Lu}/u.test(ctx.text[ctx.tokens[t + 1]!.start]!) && (ofChain || R().nounSector.has(ctx.tokens[last]!.norm))) {
      ofChain = true;
      t++;
      continue;
    }
    if (!isNpToken(ctx, t)) break;
    if (tk.pos === 'NOUN' || tk.pos === 'PROPN' || R().nounSector.has(tk.norm)) last = t;
    t++;
  }
  return last >= start ? { first: start, last, head: last } : null;
}

/** The phrase as a speaker, or null when it names none. */
function speakerOfNP(ctx: Ctx, first: number, end: number, headAt = end): Found | null {
  const { tokens, text } = ctx;
  const rules = R();
  const last = headAt;
  const head = tokens[last]!;
  const span = { start: tokens[first]!.start, end: tokens[end]!.end };
  const mi = ctx.mentionOf[last]!;
  if (mi >= 0) return fromMention(ctx, mi);
  if (head.pos === 'PRON') {
    if (GENDERED_PRONOUNS.has(head.norm)) return { actor: resolvePronoun(ctx, last, 0), span };
    // "it" names no speaker; "I" and "we" outside a quotation are the author
    return head.norm === 'they' || head.norm === 'their' ? { actor: null, span } : null;
  }
  if (rules.timeWords.has(head.norm)) return null;
  const words = text.slice(span.start, head.end);
  const h2 = last > first ? `${tokens[last - 1]!.norm} ${head.norm}` : '';
  const sector = rules.nounSector.get(h2) ?? rules.nounSector.get(head.norm);
  const outlet = rules.outlets.test(words);
  if (sector !== undefined && !outlet) {
    // "Lavrov's statement said", "his spokesman said": the owner speaks
    if (rules.documentNouns.has(head.norm)) {
      for (let t = first; t < last; t++) {
        if (POSSESSIVE.has(tokens[t]!.norm) && t > first) {
          const owner = ctx.mentionOf[t - 1]!;
          if (owner >= 0 && PERSONISH.has(ctx.mentions[owner]!.kind)) {
            const f = fromMention(ctx, owner);
            if (f.actor) return { actor: f.actor, span };
          }
        }
      }
      if (tokens[first]!.pos === 'PRON' && GENDERED_PRONOUNS.has(tokens[first]!.norm)) {
        const owner = ctx.mentionOf[first]! >= 0 ? fromMention(ctx, ctx.mentionOf[first]!).actor : resolvePronoun(ctx, first, 0);
        if (owner) return { actor: owner, span };
      }
    }
    return { actor: built(ctx, first, end, sector === 'inherit' ? mentionSector(ctx, first, end) : sector), span };
  }
  if (outlet) return { actor: built(ctx, first, end, 'MED'), span };
  // a name the knowledge base does not know: "Navalny said", "Putin spokesman Dmitry Peskov said" (the name)
  const capitalised = (t: number) => tokens[t]!.pos === 'PROPN' && /^\p{Lu}/u.test(text[tokens[t]!.start]!);
  if (!capitalised(last)) return null;
  let r = last;
  while (r > first && (capitalised(r - 1) || (tokens[r - 1]!.norm === '-' && r - 2 >= first && capitalised(r - 2)))) r--;
  if (r === first + 1 && tokens[first]!.pos === 'DET') r = first;
  return { actor: built(ctx, r, last, null), span: { start: tokens[r]!.start, end: head.end } };
}

function built(ctx: Ctx, first: number, last: number, sector: Sector | null): Actor {
  const { tokens } = ctx;
  const text = ctx.text.slice(tokens[first]!.start, tokens[last]!.end);
  let country: string | null = null;
  for (let t = first; t <= last && !country; t++) {
    const mi = ctx.mentionOf[t]!;
    if (mi >= 0) country = ctx.mentions[mi]!.actor?.country ?? ctx.mentions[mi]!.members?.[0]?.country ?? null;
  }
  return { text, name: text.replace(LEADING_ARTICLE, ''), country, sector, role: null, id: null };
}

function mentionSector(ctx: Ctx, first: number, last: number): Sector | null {
  for (let t = first; t <= last; t++) {
    const mi = ctx.mentionOf[t]!;
    if (mi >= 0 && ctx.mentions[mi]!.actor?.sector) return ctx.mentions[mi]!.actor!.sector;
  }
  return null;
}

function fromMention(ctx: Ctx, mi: number): Found {
  const m = ctx.mentions[mi]!;
  const span = { start: m.start, end: m.end };
  const first = ctx.mentionTok[mi]![0];
  const word = m.text.toLowerCase();
  if (PRONOUN_WORDS.has(word) && (m.kind !== 'pronoun' || !m.actor)) {
    return { actor: GENDERED_PRONOUNS.has(word) ? resolvePronoun(ctx, first, 0) : null, span };
  }
  if (m.kind === 'group') {
    const a = m.members?.[0] ?? m.actor;
    return { actor: a ? { ...a } : null, span };
  }
  if (m.actor) return { actor: { ...m.actor }, span };
  return { actor: { text: m.text, name: m.text.replace(LEADING_ARTICLE, ''), country: null, sector: null, role: null, id: null }, span };
}

/**
 * A he/she the mentions leave unresolved: the first person in subject position in this sentence before it,
 * else in the two sentences before, else the last speaker of the section. A stop-gap: the mention resolver
 * normally resolves pronouns, and its answer is used whenever it gives one.
 */
function resolvePronoun(ctx: Ctx, tok: number, depth: number): Actor | null {
  const s = ctx.sentOf[tok]!;
  if (s < 0 || depth > 6) return null;
  const section = ctx.sentences[s]!.section;
  for (let k = s; k >= Math.max(0, s - 2); k--) {
    if (ctx.sentences[k]!.section !== section) break;
    const lo = ctx.sentLo[k]!;
    const hi = k === s ? tok : ctx.sentHi[k]!;
    for (let t = lo; t < hi; t++) {
      const mi = ctx.mentionOf[t]!;
      if (mi < 0 || ctx.quoteOf[t]) continue;
      const [first, last] = ctx.mentionTok[mi]!;
      t = Math.max(t, last);
      const m = ctx.mentions[mi]!;
      if (!PERSONISH.has(m.kind) || !subjectPosition(ctx, first, lo)) continue;
      if (PRONOUN_WORDS.has(m.text.toLowerCase()) && (m.kind !== 'pronoun' || !m.actor)) {
        if (GENDERED_PRONOUNS.has(m.text.toLowerCase())) return resolvePronoun(ctx, first, depth + 1);
        continue;
      }
      const a = m.kind === 'group' ? m.members?.[0] ?? m.actor : m.actor;
      if (a) return { ...a };
    }
  }
  const pos = ctx.tokens[tok]!.start;
  let best: { pos: number; actor: Actor } | null = null;
  for (const x of ctx.spoken) if (x.section === section && x.pos < pos && (!best || x.pos > best.pos)) best = x;
  return best ? { ...best.actor } : null;
}

/** Not the object of a preposition: "with Trump", "of his talks", "from Blinken". */
function subjectPosition(ctx: Ctx, first: number, lo: number): boolean {
  let t = first - 1;
  while (t >= lo && !ctx.quoteOf[t] && (isNpToken(ctx, t) || ctx.tokens[t]!.pos === 'DET' || ctx.mentionOf[t]! >= 0)) t--;
  if (t < lo) return true;
  const tk = ctx.tokens[t]!;
  return !(tk.pos === 'ADP' || tk.pos === 'SCONJ' || tk.pos === 'VERB');
}

/** The nearest speaker that is the subject of a verb before token `end`: "Putin formally congratulated …". */
function subjectBefore(ctx: Ctx, end: number, lo: number): Found | null {
  const { tokens } = ctx;
  const rules = R();
  for (let i = end - 1; i >= lo; i--) {
    if (ctx.quoteOf[i]) continue;
    const tk = tokens[i]!;
    const mi = ctx.mentionOf[i]!;
    const candidate =
      (mi >= 0 && ctx.mentionTok[mi]![1] === i) ||
      (mi < 0 && tk.pos === 'PROPN' && /^\p{Lu}/u.test(ctx.text[tk.start]!) && tokens[i + 1]?.pos !== 'PROPN') ||
      (tk.pos === 'PRON' && PERSONAL_PRONOUNS.has(tk.norm) && tk.norm !== 'it') ||
      (tk.pos === 'NOUN' && rules.nounSector.has(tk.norm));
    if (!candidate) continue;
    // a verb must follow, after adverbs: "Putin formally congratulated", "Lavrov has said", "Lavrov had a message"
    let n = i + 1;
    // "The country's embassy in Washington issued …"
    if (n < end && tokens[n]!.pos === 'ADP' && !ctx.quoteOf[n]) {
      const pp = npForward(ctx, n + 1, Math.min(end, n + 6));
      if (pp) n = pp.last + 1;
    }
    while (n < end && !ctx.quoteOf[n] && (tokens[n]!.pos === 'ADV' || (tokens[n]!.pos === 'PART' && !POSSESSIVE.has(tokens[n]!.norm)))) n++;
    if (n >= end || ctx.quoteOf[n] || !(tokens[n]!.pos === 'VERB' || tokens[n]!.pos === 'AUX')) continue;
    const np = npBackward(ctx, i, lo);
    if (!np || !subjectPosition(ctx, np.first, lo)) continue;
    const f = speakerOfNP(ctx, np.first, np.last, np.head);
    if (f) return f;
  }
  return null;
}

/** A speaker immediately before a quotation that goes on with its predicate: "Lavrov “gave …”", "His “discussion …”". */
function npRightBefore(ctx: Ctx, hi: number, lo: number, q: Quotation): Found | null {
  const t = hi - 1;
  if (t < lo || !/^[\p{Ll}(]/u.test(ctx.text.slice(q.content.start, q.content.start + 1))) return null;
  const tk = ctx.tokens[t]!;
  if (tk.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(tk.norm) && tk.norm !== 'its') {
    const mi = ctx.mentionOf[t]!;
    return mi >= 0 ? fromMention(ctx, mi) : { actor: resolvePronoun(ctx, t, 0), span: { start: tk.start, end: tk.end } };
  }
  const np = npBackward(ctx, t, lo);
  if (!np || !subjectPosition(ctx, np.first, lo)) return null;
  return speakerOfNP(ctx, np.first, np.last, np.head);
}

function nearestPersonMention(ctx: Ctx, lo: number, hi: number): Found | null {
  for (let t = hi - 1; t >= lo; t--) {
    const mi = ctx.mentionOf[t]!;
    if (mi >= 0 && !ctx.quoteOf[t] && PERSONISH.has(ctx.mentions[mi]!.kind)) return fromMention(ctx, mi);
  }
  return null;
}

// ── indirect speech ──────────────────────────────────────────────────────────────────────────────────────────

interface Frame {
  cue: Cue;
  /** first token of the cue's frame: its speaker when that stands before it */
  start: number;
}

function indirectSpeech(ctx: Ctx): Array<Omit<Quote, 'id'>> {
  const out: Array<Omit<Quote, 'id'>> = [];
  const { tokens } = ctx;
  for (let s = 0; s < ctx.sentences.length; s++) {
    const lo = ctx.sentLo[s]!;
    const hi = ctx.sentHi[s]!;
    const cues: Cue[] = [];
    for (let t = lo; t < hi; t++) {
      const c = cueAt(ctx, t, hi);
      if (c) {
        cues.push(c);
        t = c.last;
      }
    }
    if (!cues.length) continue;
    const found = cues.map((cue) => ({ cue, speaker: cue.entry.cls === 'label' ? null : cueSpeaker(ctx, cue, lo, hi) }));
    const frames: Frame[] = found.filter(({ cue, speaker }) => speaker && cue.entry.content !== 'none').map(({ cue, speaker }) => {
      // the frame opens at its speaker when the speaker stands right before the cue ("…, DLT saying")
      let start = cue.first;
      if (speaker && !speaker.distant && speaker.span.end <= tokens[cue.first]!.start) start = Math.max(lo, lowerBound(tokens, speaker.span.start));
      // "his spokeswoman said": the determiner opens the frame
      while (start > lo && (tokens[start - 1]!.pos === 'DET' || POSSESSIVE_PRONOUNS.has(tokens[start - 1]!.norm) || tokens[start - 1]!.pos === 'ADJ')) start--;
      // "…, and the ministers said …", "… and says …": the conjunction and comma belong to the new report
      if (start > lo && tokens[start - 1]!.pos === 'CCONJ') start--;
      if (start > lo && tokens[start - 1]!.norm === ',') start--;
      return { cue, start };
    });
    found.forEach(({ cue, speaker }, i) => {
      if (cue.entry.content === 'none' || ctx.usedCues.has(cue.first) || !speaker?.actor) return;
      const content = indirectContent(ctx, cue, speaker, frames, frames.findIndex((f) => f.cue === cue), lo, hi);
      if (!content) return;
      out.push({ kind: 'indirect', speaker: speaker.actor, speakerSpan: speaker.span, cue: cueSpan(ctx, cue), content });
      ctx.spoken.push({ pos: content.start, section: ctx.sentences[s]!.section, actor: speaker.actor });
    });
  }
  return out;
}

function indirectContent(ctx: Ctx, cue: Cue, speaker: Found, frames: Frame[], i: number, lo: number, hi: number): Span | null {
  const { tokens } = ctx;
  const frameStart = frames[i]!.start;
  let from: number;
  let to: number;
  const speakerAfter = speaker.span.start >= tokens[cue.last]!.end;
  const afterSpeaker = speakerAfter ? lowerBound(tokens, speaker.span.end) : cue.last + 1;
  const tail = afterCue(ctx, { ...cue, last: afterSpeaker - 1 }, hi);
  const ends = (t: number) => t >= hi || (tokens[t]!.pos === 'PUNCT' && /^[.!?]+$/.test(tokens[t]!.norm));
  // "…, his spokeswoman said, because …": a report set between commas reports the clause before it
  const parenthetical = frameStart > lo && tokens[frameStart]!.norm === ',' && tail < hi && tokens[tail]!.norm === ',' && !speakerAfter;
  if ((ends(tail) || parenthetical) && frameStart > lo && (tokens[frameStart]!.norm === ',' || cue.entry.cls === 'according')) {
    // "…, Lavrov said." / "…, according to three officials."
    from = lo;
    to = frameStart;
  } else {
    from = cue.entry.cls === 'according' ? afterSpeaker : cue.last + 1;
    if (cue.entry.cls === 'according' && from < hi && tokens[from]!.norm === ',') from++;
    // "said (in a statement on Monday) that …" (not "rejected Western claims that …": that object is the content)
    for (let t = from; t < Math.min(hi, from + 8) && cue.entry.content !== 'np'; t++) {
      const tk = tokens[t]!;
      if (tk.norm === 'that' && (tk.pos === 'SCONJ' || tk.pos === 'PRON' || tk.pos === 'DET')) {
        from = t + 1;
        break;
      }
      if (!(tk.pos === 'ADP' || tk.pos === 'DET' || tk.pos === 'ADV' || NP_POS.has(tk.pos)) || ctx.quoteOf[t]) break;
    }
    // "said on Monday the talks failed": past a short prepositional phrase; a preposition left over means the
    // verb took a prepositional object ("would ask for exceptions to the policy"), not a clause
    if (cue.entry.content !== 'np' && cue.entry.cls !== 'according' && from < hi && tokens[from]!.pos === 'ADP') {
      let t = from + 1;
      if (t < hi && tokens[t]!.pos === 'DET') t++;
      while (t < hi && t - from <= 5 && NP_POS.has(tokens[t]!.pos)) t++;
      if (t >= hi || t === from + 1 || ['ADP', 'PUNCT', 'VERB', 'AUX', 'PART'].includes(tokens[t]!.pos)) return null;
      from = t;
    }
    to = hi;
    // another report cuts this one only where it opens a clause: "…, DLT saying …", "…, according to …"
    for (const f of frames) if (f.start >= from && f.start < to && f !== frames[i] && (CLAUSE_PUNCT.has(tokens[f.start]!.norm) || tokens[f.start]!.pos === 'CCONJ')) to = f.start;
    for (let t = from; t < to; t++) {
      const tk = tokens[t]!;
      const q = ctx.quoteOf[t];
      if (tk.norm === ';' || (cue.entry.content === 'np' && tk.norm === ',') || (q && !ctx.quotations[q - 1]!.drop && ctx.quotations[q - 1]!.kind === 'direct')) {
        to = t;
        break;
      }
    }
  }
  // trim punctuation at both ends
  while (from < to && tokens[from]!.pos === 'PUNCT' && !ctx.quoteOf[from]) from++;
  while (to > from && tokens[to - 1]!.pos === 'PUNCT' && !ctx.quoteOf[to - 1]) to--;
  if (to - from < 2) return null;
  if (!contentFits(ctx, cue.entry.content, from, to, SAY_WORDS.has(tokens[cue.first]!.norm))) return null;
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

function contentFits(ctx: Ctx, kind: ContentKind, from: number, to: number, say: boolean): boolean {
  let words = 0;
  let verb = false;
  let toVerb = false;
  let aside = false;
  for (let t = from; t < to; t++) {
    const tk = ctx.tokens[t]!;
    if (tk.pos !== 'PUNCT') words++;
    // "wrote the largest check — $2.5 million — followed by …": the verb after a dash is not the clause's
    if (!verb && (tk.norm === '—' || tk.norm === '–' || tk.norm === '(')) aside = true;
    if ((tk.pos === 'VERB' || tk.pos === 'AUX') && !aside) verb = true;
    if (tk.pos === 'VERB' && (ctx.tokens[t - 1]?.norm === 'to' || (t === from && tk.norm.endsWith('ing')))) toVerb = true;
  }
  if (words < 2) return false;
  // a clause has a verb; wink sometimes tags one as a noun ("said the agreement rested/NOUN on …"), so after
  // "said" (which hardly takes a plain object) a longer stretch that opens like a subject passes too
  const first = ctx.tokens[from]!.pos;
  if (kind === 'clause') return verb || (say && words >= 4 && ['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ'].includes(first));
  if (kind === 'object_to') return toVerb;
  return true;
}
