/**
 * Linking event mentions of different documents into real events. Two mentions are the same event when their
 * types agree, their participants agree (the same states on each side, and no two different people for one
 * state), their dates overlap — or, when one is undated, stronger evidence (shared people and a shared mode,
 * topic or place) — and neither reports a habit ("they talk often"). Decisions are pairwise and symmetric and
 * events are the connected components, so the result does not depend on the order documents arrive in, and a
 * new document links in without recomputing the rest (LinkIndex.add).
 */
import { createHash } from 'node:crypto';
import type { Actor, Analysis, EventStatus, PloverType } from '../model/annotations.ts';
import type { When } from '../model/document.ts';
import type { EventMention, LinkedEvent } from '../model/linked.ts';

/** How many days apart two reports of one visit may date it. */
const TRIP_DAYS = 3;

const HABIT = /\b(?:often|regularly|frequently|routinely|repeatedly|usually|always|every (?:day|week|month|year)|on a regular basis)\b/i;

function countries(xs: Actor[]): Set<string> {
  return new Set(xs.map((a) => a.country).filter((c): c is string => !!c));
}

function people(xs: Actor[]): Actor[] {
  return xs.filter((a) => a.id);
}

function intersects<T>(a: Set<T>, b: Set<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function day(s: string): number {
  return Date.parse(s) / 86400000;
}

function datesOverlap(a: When, b: When, slackDays = 1): boolean {
  return day(a.earliest!) <= day(b.latest ?? b.earliest!) + slackDays && day(b.earliest!) <= day(a.latest ?? a.earliest!) + slackDays;
}

const known = (w: When) => !!w.earliest;

/** A date given as a span longer than this ("in 2018", "this year") says little about which event it is. */
const VAGUE_DAYS = 31;

function spanDays(w: When): number {
  return w.earliest && w.latest ? day(w.latest) - day(w.earliest) : 0;
}

/** A document's events as mentions to link: each record with what linking needs of its document. */
export function mentionsOf(a: Pick<Analysis, 'document' | 'events'>): EventMention[] {
  const { outlet, title, published } = a.document;
  return a.events.map((e) => ({ ...e, outlet, title, published }));
}

/**
 * The type a mention links as: a meeting announced ("will meet", an invitation to visit) is coded AGREE with
 * CAMEO 036 (intent to meet), and it is the meeting reports of CONSULT describe once held.
 */
export function linkType(m: EventMention): string {
  return m.event === 'AGREE' && m.cameo === '036' && (m.status === 'planned' || m.status === 'proposed') ? 'CONSULT' : m.event;
}

/** Whether two mentions report the same real event: the same answer whichever is asked about first. */
export function sameEvent(a: EventMention, b: EventMention): boolean {
  return a.id <= b.id ? sameEventOrdered(a, b) : sameEventOrdered(b, a);
}

function sameEventOrdered(a: EventMention, b: EventMention): boolean {
  if (a.document === b.document || linkType(a) !== linkType(b)) return false;
  if (a.evidence.some((e) => HABIT.test(e.text)) || b.evidence.some((e) => HABIT.test(e.text))) return false;

  // participants: the same states, each side (either way round when the event is symmetric)
  const all = (m: EventMention) => [...m.actor, ...m.recipient];
  const symmetric = a.symmetric || b.symmetric;
  const sidesAgree = symmetric
    ? setEq(countries(all(a)), countries(all(b))) || (intersects(countries(a.actor), countries(all(b))) && intersects(countries(a.recipient), countries(all(b))) && countries(all(a)).size >= 2 && countries(all(b)).size >= 2)
    : intersects(countries(a.actor), countries(b.actor)) && (a.recipient.length === 0 || b.recipient.length === 0 ? a.recipient.length === b.recipient.length : intersects(countries(a.recipient), countries(b.recipient)));
  if (!sidesAgree) return false;
  // two different people for the same state: two different meetings
  for (const c of countries(all(a))) {
    const pa = new Set(people(all(a)).filter((x) => x.country === c).map((x) => x.id));
    const pb = new Set(people(all(b)).filter((x) => x.country === c).map((x) => x.id));
    if (pa.size && pb.size && !intersects(pa, pb)) return false;
  }
  const sharedPeople = people(all(a)).filter((x) => people(all(b)).some((y) => y.id === x.id)).length;

  if (known(a.date) && known(b.date)) {
    // a trip spans days, and reports date it by arrival, meetings or departure
    const trip = linkType(a) === 'CONSULT' && (a.mode === 'visit' || b.mode === 'visit' || (!!a.location && !!b.location && samePlace(a.location, b.location)));
    // "this year" overlaps every day of the year: a vague date links to a precise one only through a shared
    // person or place, not through the states alone
    const vague = spanDays(a.date) > VAGUE_DAYS || spanDays(b.date) > VAGUE_DAYS;
    if (vague && !sharedPeople && !sharesPlaceOrTopic(a, b)) return false;
    if (datesOverlap(a.date, b.date, trip ? TRIP_DAYS : 1)) return true;
    // a meeting announced before it happened ("due to meet in Helsinki") is that meeting: same place, reported
    // no later than it took place, at most a month ahead
    const [plan, held] = a.status === 'planned' || a.status === 'proposed' ? [a, b] : [b, a];
    const placesAgree = !plan.location || !held.location || samePlace(plan.location, held.location);
    if ((plan.status === 'planned' || plan.status === 'proposed') && held.status === 'occurred' && placesAgree) {
      const reported = plan.published.earliest ?? plan.date.earliest!;
      const gap = day(held.date.earliest!) - day(reported);
      return gap >= -1 && gap <= 31 && sharedPeople >= 1;
    }
    return false;
  }
  // an undated mention links only on strong other evidence
  const sharesMore = (!!a.mode && a.mode === b.mode) || a.topics.some((t) => b.topics.includes(t)) || (!!a.location && !!b.location && samePlace(a.location, b.location)) || reportedJustAfter(a, b);
  if (!sharesMore) return false;
  if (a.location && b.location && !samePlace(a.location, b.location)) return false;
  if (known(a.date) || known(b.date)) {
    const [dated, undated] = known(a.date) ? [a, b] : [b, a];
    if (sharedPeople < 1) return false;
    // "the Helsinki summit": a place named by the undated report must be the dated report's place
    if (undated.location && !(dated.location && samePlace(undated.location, dated.location))) return false;
    // a report that dates neither the event nor itself ties to it by more than a mode ("a phone call with Putin")
    // (a place, not a topic: "elections" and the two leaders fit every meeting of theirs)
    if (!undated.published.earliest && !sharesPlace(a, b)) return false;
    // nor does a mode and one person ("hosting Trump" is no visit of his with Putin): both sides' people, then
    // (a topic shared with one person is not enough either: "elections" and Putin fit many meetings)
    if (!sharesPlace(a, b) && !reportedJustAfter(a, b) && sharedSides(a, b) < 2) return false;
    // reported no earlier than it happened, and not long after
    if (undated.published.earliest) {
      const gap = day(undated.published.earliest) - day(dated.date.earliest!);
      if (gap < -1 || gap > 400) return false;
    }
    return true;
  }
  if (sharedPeople < 2) return false;
  if (!(a.location && b.location)) return false;
  if (a.published.earliest && b.published.earliest) return Math.abs(day(a.published.earliest) - day(b.published.earliest)) <= 45;
  return true;
}

function sharedSides(a: EventMention, b: EventMention): number {
  const inB = new Set(people([...b.actor, ...b.recipient]).map((x) => x.id));
  return new Set(people([...a.actor, ...a.recipient]).filter((x) => inB.has(x.id)).map((x) => x.country)).size;
}

function sharesPlaceOrTopic(a: EventMention, b: EventMention): boolean {
  return a.topics.some((t) => b.topics.includes(t)) || sharesPlace(a, b);
}

function sharesPlace(a: EventMention, b: EventMention): boolean {
  return !!a.location && !!b.location && samePlace(a.location, b.location);
}

/** How many days after a meeting a report that names both its people but not its date still refers to it. */
const RECENT_DAYS = 10;

/**
 * An undated report that names the people of both sides ("after meeting with Putin, Trump said …"), published in
 * the days after a dated meeting of theirs (or, announced, in the week before it), refers to that meeting.
 */
function reportedJustAfter(a: EventMention, b: EventMention): boolean {
  if (known(a.date) === known(b.date)) return false;
  const inB = new Set(people([...b.actor, ...b.recipient]).map((x) => x.id));
  const sides = new Set(people([...a.actor, ...a.recipient]).filter((x) => inB.has(x.id)).map((x) => x.country));
  if (sides.size < 2) return false;
  const [dated, undated] = known(a.date) ? [a, b] : [b, a];
  if (!undated.published.earliest || undated.published.latest !== undated.published.earliest) return false;
  const gap = day(undated.published.earliest) - day(dated.date.latest ?? dated.date.earliest!);
  const ahead = undated.status === 'planned' || undated.status === 'proposed' ? 7 : 1;
  return day(dated.date.latest ?? dated.date.earliest!) - day(dated.date.earliest!) <= TRIP_DAYS && gap >= -ahead && gap <= RECENT_DAYS;
}

/** Places agree when they name the same city, or a city and its country ("Helsinki", "Finland"). */
export function samePlace(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = placeCountry(a);
  const cb = placeCountry(b);
  return !!ca && ca === cb && (isCountryName(a) || isCountryName(b));
}

let places: { country: (w: string) => string | null; isCountry: (w: string) => boolean } | null = null;
export function usePlaces(country: (w: string) => string | null, isCountry: (w: string) => boolean): void {
  places = { country, isCountry };
}
function placeCountry(w: string): string | null {
  return places?.country(w) ?? null;
}
function isCountryName(w: string): boolean {
  return places?.isCountry(w) ?? false;
}

function setEq<T>(a: Set<T>, b: Set<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * A mention is compared only with those that could match it: of the same type and pair of states, dated in
 * nearby months (dates must overlap, or an announcement precede its meeting by at most a month), or sharing a
 * person (an undated report needs one). Each mention is filed under keys; it looks up its candidates under
 * keys that reach one month further. This keeps linking near-linear, in memory (LinkIndex) and in the store.
 */
function monthsOf(w: When, pad: number): string[] {
  if (!w.earliest) return [];
  const start = new Date(w.earliest);
  const end = new Date(w.latest ?? w.earliest);
  start.setUTCMonth(start.getUTCMonth() - pad);
  end.setUTCMonth(end.getUTCMonth() + pad);
  const out: string[] = [];
  for (const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); d <= end && out.length < 40 + 2 * pad; d.setUTCMonth(d.getUTCMonth() + 1)) {
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

function keysOf(m: EventMention, pad: number): string[] {
  const out: string[] = [];
  const ps = [...new Set(people([...m.actor, ...m.recipient]).map((x) => x.id!))].sort();
  for (const block of blockKeys(m)) {
    for (const month of monthsOf(m.date, pad)) out.push(`${block}|${month}`);
    for (const p of ps) out.push(`${block}|${p}`);
  }
  return out;
}

/** Keys a mention is filed under. */
export function fileKeys(m: EventMention): string[] {
  return keysOf(m, 0);
}

/** Keys under which a mention's candidates are filed. */
export function candidateKeys(m: EventMention): string[] {
  return keysOf(m, 1);
}

/** Keys under which a mention can meet its matches: its type with each pair of states it involves. */
function blockKeys(m: EventMention): string[] {
  const cs = [...countries([...m.actor, ...m.recipient])].sort();
  const type = linkType(m);
  if (cs.length === 1) return [`${type}|${cs[0]}`];
  const keys: string[] = [];
  for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++) keys.push(`${type}|${cs[i]}|${cs[j]}`);
  return keys;
}

/**
 * Linking in memory: add mentions in any order; the events are read off the recorded pairs (groupMentions).
 */
export class LinkIndex {
  private readonly byId = new Map<string, EventMention>();
  private readonly filed = new Map<string, string[]>();
  private readonly edges: Array<[string, string]> = [];

  add(mentions: EventMention[]): void {
    for (const m of mentions) {
      if (this.byId.has(m.id)) continue;
      this.byId.set(m.id, m);
      const seen = new Set<string>();
      for (const key of candidateKeys(m)) {
        for (const other of this.filed.get(key) ?? []) {
          if (seen.has(other)) continue;
          seen.add(other);
          if (sameEvent(m, this.byId.get(other)!)) this.edges.push(m.id < other ? [m.id, other] : [other, m.id]);
        }
      }
      for (const key of fileKeys(m)) {
        const l = this.filed.get(key);
        if (l) l.push(m.id);
        else this.filed.set(key, [m.id]);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The linked events, each with its mentions (sorted by id). */
  components(): EventMention[][] {
    return groupMentions(this.byId, this.edges);
  }
}

/**
 * The events a set of mentions and their pairs (sameEvent) make, in a canonical order, so the result depends
 * only on the set, never on the order mentions arrived in. Dated pairs join first (and only while the joined
 * reports still agree on a date); an undated report then joins the one dated event it matches — a report that
 * fits two different dated events stays apart, rather than chaining them into one. Groups never reach beyond a
 * connected part of the pair graph, so relinking the part a new document touches gives what relinking
 * everything would.
 */
export function groupMentions(byId: Map<string, EventMention>, edges: Array<[string, string]>): EventMention[][] {
  const parent = new Map<string, string>();
  const range = new Map<string, [number, number]>();
  const find = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const [id, m] of byId) {
    parent.set(id, id);
    if (known(m.date)) {
      // a trip spans days; an announcement dates its meeting loosely ("this week", "currently scheduled")
      const announced = m.status === 'planned' || m.status === 'proposed';
      const pad = linkType(m) === 'CONSULT' && (m.mode === 'visit' || m.location || announced) ? TRIP_DAYS - 1 : 0;
      range.set(id, [day(m.date.earliest!) - pad, day(m.date.latest ?? m.date.earliest!) + pad]);
    }
  }
  const union = (a: string, b: string): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    const x = range.get(ra);
    const y = range.get(rb);
    if (x && y && (Math.max(x[0], y[0]) > Math.min(x[1], y[1]) + 1)) return false;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    if (x || y) range.set(root, x && y ? [Math.max(x[0], y[0]), Math.min(x[1], y[1])] : (x ?? y)!);
    return true;
  };
  const isDated = (id: string) => known(byId.get(id)!.date);
  const width = (id: string) => { const r = range.get(id); return r ? r[1] - r[0] : 1e9; };
  const canonical = [...edges].sort((p, q) => width(p[0]) + width(p[1]) - (width(q[0]) + width(q[1])) || (p[0] + p[1] < q[0] + q[1] ? -1 : 1));
  for (const [a, b] of canonical) if (isDated(a) && isDated(b)) union(a, b);
  // undated reports: attach to the single dated event they match
  const datedRoots = new Map<string, Set<string>>();
  for (const [a, b] of canonical) {
    if (isDated(a) === isDated(b)) continue;
    const [u, d] = isDated(a) ? [b, a] : [a, b];
    const roots = datedRoots.get(u) ?? new Set<string>();
    roots.add(find(d));
    datedRoots.set(u, roots);
  }
  const attached = new Set<string>();
  // how many reports each dated event has: "the Helsinki summit" is the Helsinki meeting most reports are about
  const size = new Map<string, number>();
  for (const id of byId.keys()) if (isDated(id)) size.set(find(id), (size.get(find(id)) ?? 0) + 1);
  for (const [u, roots] of [...datedRoots].sort((p, q) => (p[0] < q[0] ? -1 : 1))) {
    const ranked = [...roots].sort((x, y) => (size.get(y) ?? 0) - (size.get(x) ?? 0) || (x < y ? -1 : 1));
    const first = ranked[0]!;
    const second = ranked[1];
    if (!second || (size.get(first) ?? 0) >= 3 * (size.get(second) ?? 0)) {
      union(u, first);
      attached.add(u);
    } else roots.add('(ambiguous)');
  }
  for (const [a, b] of canonical) {
    if (isDated(a) || isDated(b)) continue;
    const ambiguous = (x: string) => datedRoots.get(x)?.has('(ambiguous)') ?? false;
    if (ambiguous(a) || ambiguous(b)) continue;
    if (attached.has(a) && attached.has(b) && find(a) !== find(b)) continue;
    union(a, b);
  }
  const groups = new Map<string, EventMention[]>();
  for (const id of byId.keys()) {
    const r = find(id);
    const g = groups.get(r);
    if (g) g.push(byId.get(id)!);
    else groups.set(r, [byId.get(id)!]);
  }
  return [...groups.values()].map((g) => g.sort((x, y) => (x.id < y.id ? -1 : 1))).sort((x, y) => (x[0]!.id < y[0]!.id ? -1 : 1));
}

export function linkedEventId(mentionIds: string[]): string {
  const first = [...mentionIds].sort()[0]!;
  return `ev-${createHash('sha1').update(first).digest('hex').slice(0, 12)}`;
}

const STATUS_ORDER: EventStatus[] = ['occurred', 'cancelled', 'denied', 'planned', 'proposed', 'uncertain', 'hypothetical'];

/** The event as all its mentions tell it together (accounts and divergences are added by accounts.ts). */
export function aggregate(mentions: EventMention[]): LinkedEvent {
  const first = mentions[0]!;
  const dated = mentions.filter((m) => m.date.earliest).sort((a, b) => width(a.date) - width(b.date));
  const date: When = dated[0] ? { ...dated[0].date } : { earliest: null, latest: null, text: null, basis: 'no report dates it' };
  const counts = new Map<EventStatus, number>();
  for (const m of mentions) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  const status = [...counts].sort((a, b) => b[1] - a[1] || STATUS_ORDER.indexOf(a[0]) - STATUS_ORDER.indexOf(b[0]))[0]![0];
  const richest = [...mentions].sort((a, b) => people([...b.actor, ...b.recipient]).length - people([...a.actor, ...a.recipient]).length)[0]!;
  // announced meetings (AGREE, intent to meet) and the meeting held are one CONSULT
  const type = mentions.some((m) => m.event === linkType(first)) ? (linkType(first) as PloverType) : first.event;
  return {
    id: linkedEventId(mentions.map((m) => m.id)),
    event: type,
    mode: mentions.find((m) => m.mode)?.mode ?? null,
    status,
    date,
    actor: richest.actor,
    recipient: richest.recipient,
    symmetric: mentions.some((m) => m.symmetric),
    topics: [...new Set(mentions.flatMap((m) => m.topics))],
    location: mostCommon(mentions.map((m) => m.location).filter((l): l is string => !!l)),
    mentions: mentions.map((m) => m.id),
    documents: [...new Set(mentions.map((m) => m.document))],
    accounts: [],
    divergences: [],
  };
}

function mostCommon(xs: string[]): string | null {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

function width(w: When): number {
  return day(w.latest ?? w.earliest!) - day(w.earliest!);
}

export function linkEvents(mentions: EventMention[]): LinkedEvent[] {
  const index = new LinkIndex();
  index.add(mentions);
  return index.components().map(aggregate);
}
