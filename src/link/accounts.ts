/**
 * Accounts and divergences of a linked event. Each document that reports the event gives an account — its own
 * telling — and, where it attributes parts of its report to one side ("according to the Kremlin's website",
 * what Biden said), one account per side. An account's passages are the evidence of the event and of the other
 * events the same document reports around it between the same states (the "readout"). Divergences compare
 * accounts: a topic only one side mentions, words that say they disagree, a different status, date or person.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Actor, Analysis, EventRecord } from '../model/annotations.ts';
import type { Account, Divergence, LinkedEvent, Passage } from '../model/linked.ts';
import type { When } from '../model/document.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';

interface Language {
  characterising: { positive: string[]; negative: string[] };
  loaded: string[];
  contradiction: string[];
  event_words: Record<string, string[]>;
}

let lang: { positive: RegExp; negative: RegExp; loaded: RegExp; contradiction: RegExp; eventWords: Map<string, RegExp> } | null = null;

function phrases(words: string[]): RegExp {
  const esc = words.map(String).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).sort((a, b) => b.length - a.length);
  return new RegExp(`\\b(?:${esc.join('|')})\\b`, 'gi');
}

export function language() {
  if (!lang) {
    const l = parseYaml(readFileSync(new URL('./rules/language.yaml', import.meta.url), 'utf8')) as Language;
    lang = { positive: phrases(l.characterising.positive), negative: phrases(l.characterising.negative), loaded: phrases(l.loaded), contradiction: phrases(l.contradiction), eventWords: new Map(Object.entries(l.event_words).map(([t, ws]) => [t, phrases(ws)])) };
  }
  return lang;
}

function matchesOf(re: RegExp, text: string): string[] {
  return [...text.matchAll(re)].map((m) => m[0].toLowerCase().replace(/\s+/g, ' '));
}

/** The events of the same document told around this one between the same states: its readout. */
function readout(a: Analysis, e: EventRecord): EventRecord[] {
  const states = new Set([...e.actor, ...e.recipient].map((x) => x.country));
  const first = e.evidence[0]!.start;
  const firstSentence = a.sentences.findIndex((s) => s.end > first);
  const last = a.sentences[Math.min(a.sentences.length - 1, firstSentence + 15)]?.end ?? Infinity;
  return a.events.filter((o) => {
    if (o === e) return true;
    const os = [...o.actor, ...o.recipient].map((x) => x.country);
    const start = o.evidence[0]!.start;
    return start >= first && start <= last && os.some((c) => states.has(c)) && os.filter((c) => states.has(c)).length >= Math.min(2, states.size);
  });
}

/** Which side an event's telling belongs to: who it is attributed to, else who speaks or acts in it. */
function sideOf(o: EventRecord, kb: KnowledgeBase): { side: string | null; by: string | null } {
  const attr = o.attributedTo;
  if (attr) {
    const name = typeof attr === 'string' ? attr : attr.name ?? attr.text ?? '';
    if (typeof attr !== 'string' && attr.country && attr.sector !== 'MED') return { side: attr.country, by: name };
    const words = name.replace(/['’]s\b.*$/, '').replace(/^the\s+/i, '').toLowerCase();
    const c = kb.metonymByText.get(words)?.country ?? kb.countryByName.get(words) ?? null;
    return { side: c, by: name };
  }
  // statements (accusations, support, requests) are their actor's telling
  if (['ACCUSE', 'SUPPORT', 'REQUEST', 'REJECT', 'THREATEN'].includes(o.event)) {
    const speaker = o.actor.find((x) => x.id) ?? o.actor[0];
    if (speaker?.country) return { side: speaker.country, by: speaker.name };
  }
  return { side: null, by: null };
}

function passage(a: Analysis, start: number, end: number): Passage {
  return { document: a.document.id, start, end, text: a.document.text.slice(start, end) };
}

/** The accounts of one document's report of the event. */
export function documentAccounts(a: Analysis, e: EventRecord, kb: KnowledgeBase): Account[] {
  const L = language();
  const groups = new Map<string, { by: string | null; events: EventRecord[] }>();
  for (const o of readout(a, e)) {
    const { side, by } = o === e && !o.attributedTo ? { side: null, by: null } : sideOf(o, kb);
    const k = side ?? '';
    const g = groups.get(k) ?? { by, events: [] };
    g.by ??= by;
    g.events.push(o);
    groups.set(k, g);
  }
  const accounts: Account[] = [];
  for (const [side, g] of groups) {
    const passages = uniquePassages(g.events.flatMap((o) => o.evidence.map((ev) => passage(a, ev.start, ev.end))));
    const text = passages.map((p) => p.text).join(' ');
    const pos = matchesOf(L.positive, text);
    const neg = matchesOf(L.negative, text);
    const quotes = a.quotes.filter((q) => q.kind !== 'indirect' && passages.some((p) => q.content.start >= p.start && q.content.end <= p.end));
    accounts.push({
      document: a.document.id,
      outlet: a.document.outlet,
      side: side || null,
      attributedTo: g.by,
      status: g.events.includes(e) ? e.status : g.events[0]!.status,
      date: g.events.includes(e) ? e.date : g.events[0]!.date,
      topics: [...new Set(g.events.flatMap((o) => o.topics))],
      quotes: quotes.map((q) => ({ speaker: q.speaker?.name ?? null, text: a.document.text.slice(q.content.start, q.content.end), start: q.content.start, end: q.content.end })),
      characterisations: [...new Set([...pos, ...neg, ...quotes.filter((q) => q.content.end - q.content.start < 30).map((q) => a.document.text.slice(q.content.start, q.content.end))])],
      tone: pos.length + neg.length ? (pos.length - neg.length) / (pos.length + neg.length) : 0,
      passages,
    });
  }
  return accounts.sort((x, y) => (x.side ?? '').localeCompare(y.side ?? ''));
}

function uniquePassages(ps: Passage[]): Passage[] {
  const seen = new Set<number>();
  return ps.filter((p) => !seen.has(p.start) && seen.add(p.start)).sort((x, y) => x.start - y.start);
}

function sameActors(a: Actor[], b: Actor[]): boolean {
  const ids = (xs: Actor[]) => new Set(xs.filter((x) => x.id).map((x) => x.id));
  const x = ids(a);
  const y = ids(b);
  if (!x.size || !y.size) return true;
  return [...x].some((i) => y.has(i));
}

/** Divergences between the accounts of one linked event. */
export function divergences(accounts: Account[], analyses: Map<string, Analysis>, mentions: EventRecord[]): Divergence[] {
  const out: Divergence[] = [];
  const L = language();
  const sides = accounts.filter((x) => x.side);
  // a topic only one side's account mentions
  for (const x of sides) {
    for (const t of x.topics) {
      const others = sides.filter((y) => y.side !== x.side);
      if (others.length && others.every((y) => !y.topics.includes(t))) {
        out.push({
          kind: 'topic',
          description: `only the ${x.side} side's account (${x.attributedTo ?? x.side}) mentions ${t}`,
          evidence: [x.passages.find((p) => p.text.toLowerCase().includes(t.toLowerCase().split(' ')[0]!)) ?? x.passages[0]!, ...others.map((y) => y.passages[0]!)],
        });
      }
    }
  }
  // words that say the accounts disagree, where the text says it of this event
  for (const [doc, a] of analyses) {
    const own = mentions.filter((m) => m.document === doc);
    const spans = accounts.filter((x) => x.document === doc).flatMap((x) => x.passages);
    const first = Math.min(...spans.map((p) => p.start));
    for (const [k, s] of a.sentences.entries()) {
      if (s.start < first || s.start > first + 4000) continue;
      const text = a.document.text.slice(s.start, s.end);
      const hits = matchesOf(L.contradiction, text);
      const mentionsBoth = /\b(?:summar|account|readout|version|statement|claim|said|says|denial|denied)/i.test(text);
      if (hits.length && mentionsBoth && concernsEvent(a, k, own)) {
        out.push({ kind: 'contradiction', description: `the text says the accounts disagree ("${hits[0]}")`, evidence: [{ document: doc, start: s.start, end: s.end, text }] });
      }
    }
  }
  // different status, date or people across documents
  for (let i = 0; i < mentions.length; i++) {
    for (let j = i + 1; j < mentions.length; j++) {
      const a = mentions[i]!;
      const b = mentions[j]!;
      if (a.document === b.document) continue;
      const ev = [a.evidence[0]!, b.evidence[0]!].map((e, k) => ({ document: (k ? b : a).document, ...e }));
      if (a.status !== b.status && !announcedThenHeld(a, b)) out.push({ kind: 'status', description: `one report says ${a.status}, another ${b.status}`, evidence: ev });
      // dates differ only when both reports state a day for it themselves, and apart by more than a day
      if (statesDay(a.date) && statesDay(b.date) && Math.abs(Date.parse(a.date.earliest!) - Date.parse(b.date.earliest!)) > 86400000) {
        out.push({ kind: 'date', description: `dated ${a.date.earliest} in one report and ${b.date.earliest} in another`, evidence: ev });
      }
      if (!sameActors([...a.actor, ...a.recipient], [...b.actor, ...b.recipient])) out.push({ kind: 'participants', description: 'the reports name different people', evidence: ev });
    }
  }
  return out.slice(0, 50);
}

/**
 * Whether sentence k of a document is about the event its records there report: it is (or follows at once) a
 * sentence the event's evidence is in, or it names one of the event's participants together with a word for an
 * event of its type ("the call", "the summit") or one of its topics. A denial about something else the article
 * also tells ("he denied the report about his business") is no disagreement about the event.
 */
export function concernsEvent(a: Analysis, k: number, own: EventRecord[]): boolean {
  const s = a.sentences[k]!;
  const inSentence = (sp: { start: number; end: number }, x: { start: number; end: number }) => sp.start < x.end && sp.end > x.start;
  for (const e of own) {
    for (const ev of e.evidence) {
      if (inSentence(ev, s)) return true;
      const prev = a.sentences[k - 1];
      if (prev && inSentence(ev, prev)) return true;
    }
  }
  const ids = new Set(own.flatMap((e) => [...e.actor, ...e.recipient]).map((x) => x.id).filter((x): x is string => !!x));
  const states = new Set(own.flatMap((e) => [...e.actor, ...e.recipient]).filter((x) => !x.id && x.country).map((x) => x.country!));
  const named = (x: Actor) => (x.id ? ids.has(x.id) : !!x.country && states.has(x.country));
  const names = a.mentions.some((m) => m.start >= s.start && m.end <= s.end && ((m.actor && named(m.actor)) || (m.members ?? []).some(named)));
  if (!names) return false;
  const topics = new Set(own.flatMap((e) => e.topics));
  if (a.topics.some((t) => t.start >= s.start && t.end <= s.end && topics.has(t.topic))) return true;
  const text = a.document.text.slice(s.start, s.end);
  return own.some((e) => { const re = language().eventWords.get(e.event); return !!re && matchesOf(re, text).length > 0; });
}

/** A day the report's own sentence gives ("on Monday", "July 16"), not one inherited or read off "now". */
function statesDay(w: When): boolean {
  return !!w.earliest && w.earliest === w.latest && !!w.text && !/earlier sentence|related event|same trip|the present|unspecified|estimate|is planned/i.test(w.basis ?? '');
}

/** A report that announced the event before it took place and one that tells it held do not disagree. */
function announcedThenHeld(a: EventRecord, b: EventRecord): boolean {
  const ahead = (s: string) => s === 'planned' || s === 'proposed';
  return (ahead(a.status) && b.status === 'occurred') || (ahead(b.status) && a.status === 'occurred');
}

/** Fills a linked event's accounts and divergences from the analyses of its documents. */
export function describe(ev: LinkedEvent, analyses: Map<string, Analysis>, kb: KnowledgeBase): LinkedEvent {
  const mentions: EventRecord[] = [];
  const accounts: Account[] = [];
  const used = new Map<string, Analysis>();
  for (const id of ev.mentions) {
    const doc = id.slice(0, id.lastIndexOf(':'));
    const a = analyses.get(doc);
    const e = a?.events.find((x) => x.id === id);
    if (!a || !e) continue;
    mentions.push(e);
    used.set(doc, a);
    accounts.push(...documentAccounts(a, e, kb));
  }
  return { ...ev, accounts, divergences: divergences(accounts, used, mentions) };
}
