/**
 * The knowledge base: countries (from the world-countries package, plus our additions: extra names, demonyms,
 * metonyms), organisations, role nouns, topics, and people with dated positions — all data files under
 * ./data, extended at run time by positions a user imports (`readout kb import`). Lookups are by lower-cased
 * surface form; resolution by date lives here too ("who was RUS's foreign minister on 2017-06-26?").
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import type { Day } from '../model/document.ts';
import { boundaryDay } from '../model/calendar.ts';
import type { Sector } from '../model/annotations.ts';

export type RoleKey =
  | 'head_of_state'
  | 'head_of_government'
  | 'foreign_minister'
  | 'defence_minister'
  | 'national_security_adviser'
  | 'spokesperson'
  | 'foreign_ministry_spokesperson'
  | 'un_ambassador'
  | 'other';

export interface Position {
  role: RoleKey;
  title: string;
  from: Day;
  /** null: still in office (as far as the KB knows) */
  to: Day | null;
  /** the state or organisation the office belongs to (ISO3 or org code) */
  country: string;
}

export interface Person {
  /** Wikidata Q-id where known, else a slug */
  id: string;
  name: string;
  aliases: string[];
  gender: 'male' | 'female' | null;
  /** the state the person belongs to */
  country: string;
  positions: Position[];
}

export interface Metonym {
  text: string;
  country: string;
  sector: Sector | null;
  /** the office it usually stands for ("the White House" → head_of_state) */
  office: RoleKey | null;
  /** a city that is also a common meeting venue: "in Paris" is a place, not France's government */
  venue: boolean;
  /** the word also names something else ("Minsk" → the Minsk agreements) */
  ambiguous: boolean;
}

export interface Country {
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
  metonyms: Metonym[];
}

export interface Organisation {
  code: string;
  name: string;
  aliases: string[];
  /** aliases written only in capitals ("WHO", "AU"): the text must write them so ("NATO" is also "Nato", so no) */
  acronyms: string[];
  sector: Sector | null;
  country: string | null;
}

export interface RoleNoun {
  words: string[];
  role: RoleKey | null;
  sector: Sector | null;
  /** a modifier such as "former" */
  modifier?: string;
  /** the country the words imply when the text names none ("Pentagon chief" → USA) */
  country?: string;
  /** the role key holds only for these countries / not for these */
  only?: string[];
  except?: string[];
  /** "leader", "strongman": whichever office leads the state on the day (`leaderOffice`), not `role` as such */
  leader?: boolean;
}

/** Days when a state is led by its head of government rather than its head of state (roles.yaml, leader_office). */
interface LeaderPeriod {
  from?: Day;
  to?: Day;
  except?: Array<{ from: Day; to: Day }>;
}

export interface Topic {
  topic: string;
  kind: string;
  context: string[];
  aliases: string[];
  /** for agreements: the states party to it (ISO3) */
  parties?: string[];
}

const DATA = new URL('./data/', import.meta.url);
const require = createRequire(import.meta.url);

function yamlFile<T>(name: string): T {
  return parseYaml(readFileSync(new URL(name, DATA), 'utf8')) as T;
}

export const key = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

export function slug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The last word of a name, the part news uses alone ("Lavrov"); particles stay ("de Gaulle" → "Gaulle" is wrong, so both). */
export function surnames(name: string): string[] {
  const parts = name.replace(/\(.*?\)/g, '').trim().split(/\s+/);
  // a generational suffix is no surname: "Jon Huntsman Jr." is Huntsman, and "Jr." alone is no one
  if (parts.length > 2 && /^(?:jr|sr|ii|iii|iv)\.?$/i.test(parts[parts.length - 1]!)) parts.pop();
  if (parts.length < 2) return [];
  // East Asian order in news: "Kim Jong Un", "Xi Jinping", "Moon Jae-in" are called by the first word only
  // (the last, "Un", would read every "UN" as Kim Jong Un)
  if (/^(kim|xi|moon|wang|li|hu|wen|yang|lee|park|abe|hua|zhao|qin|han|choe|ri|pak)$/i.test(parts[0]!)) return [parts[0]!];
  const last = parts[parts.length - 1]!;
  const out = [last];
  const prev = parts[parts.length - 2]!;
  if (/^(de|da|di|van|von|al|el|bin|ibn|le|la|du|del)$/i.test(prev)) out.push(`${prev} ${last}`);
  return out;
}

/**
 * Whether an alias is another spelling of a name ("Hassan Rohani", "Ali Bagheri"), whose last word news may use
 * alone, rather than a nickname or a style ("Comical Ali", "The Queen", "Lord Hague of Richmond", "Charles Philip
 * Arthur George"), whose last word names someone else.
 */
function spelling(alias: string, name: string): boolean {
  const a = alias.split(/\s+/);
  const n = name.split(/\s+/);
  if (a.length > Math.max(2, n.length)) return false;
  if (/^(?:the|lord|lady|sir|dame|queen|king|prince|princess|duke|duchess|baron|baroness|emperor|pope|saint|st\.?)$/i.test(a[0]!)) return false;
  const initial = (w: string) => w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').charAt(0).toLowerCase();
  return initial(a[0]!) === initial(n[0]!);
}

interface PeopleFile {
  country: string | null;
  people: Array<{
    name: string;
    wikidata?: string;
    gender?: string;
    aliases?: string[];
    org?: string;
    positions: Array<{ role: RoleKey; title: string; from: unknown; to?: unknown }>;
  }>;
}

export class KnowledgeBase {
  readonly countries = new Map<string, Country>();
  readonly organisations: Organisation[] = [];
  readonly roleNouns: RoleNoun[] = [];
  private readonly ledByGovernment = new Map<string, LeaderPeriod>();
  readonly titles: RoleNoun[] = [];
  readonly topics: Topic[] = [];
  readonly people: Person[] = [];
  private readonly peopleById = new Map<string, Person>();
  /** lower-cased full names and aliases → people */
  readonly byName = new Map<string, Person[]>();
  /** lower-cased surnames → people */
  readonly bySurname = new Map<string, Person[]>();
  /** lower-cased country names and demonyms → ISO3 */
  readonly countryByName = new Map<string, string>();
  readonly demonymKeys = new Set<string>();
  readonly metonymByText = new Map<string, Metonym>();
  readonly organisationByAlias = new Map<string, Organisation>();

  static load(): KnowledgeBase {
    const kb = new KnowledgeBase();
    kb.loadCountries();
    kb.loadOrganisations();
    kb.loadRoles();
    kb.loadTopics();
    for (const f of readdirSync(new URL('people/', DATA)).filter((f) => f.endsWith('.yaml')).sort()) {
      kb.loadPeopleFile(yamlFile<PeopleFile>(`people/${f}`), f);
    }
    return kb;
  }

  private loadCountries(): void {
    const world = require('world-countries') as Array<{
      cca3: string;
      unMember?: boolean;
      name: { common: string; official: string };
      altSpellings: string[];
      demonyms?: { eng?: { m: string; f: string } };
      capital?: string[];
    }>;
    const extra = yamlFile<Record<string, { names?: string[]; historic_names?: string[]; demonyms?: string[]; metonyms?: Array<Partial<Metonym> & { text: string }> }>>('countries.yaml') ?? {};
    // UN members first: a name or demonym several territories share ("American") belongs to the state
    const ordered = [...world].sort((a, b) => Number(!!b.unMember) - Number(!!a.unMember));
    for (const code of Object.keys(extra)) {
      for (const n of [...(extra[code]!.names ?? []), ...(extra[code]!.historic_names ?? []), ...(extra[code]!.demonyms ?? [])]) this.countryByName.set(key(n), code);
    }
    for (const c of ordered) {
      const add = extra[c.cca3] ?? {};
      const names = unique([c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3 && /^[\p{L} .,'’()-]+$/u.test(a)), ...(add.names ?? []), ...(add.historic_names ?? [])]);
      const singular = [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(add.demonyms ?? [])].filter((x): x is string => !!x);
      // "Palestinians", "Israelis", "Afghans": plural nouns of demonyms ending in -n or -i
      const demonyms = unique([...singular, ...singular.filter((d) => /[ni]$/.test(d) && !/\s/.test(d)).map((d) => `${d}s`)]);
      const capitals = c.capital ?? [];
      const metonyms: Metonym[] = (add.metonyms ?? []).map((m) => ({
        text: m.text,
        country: c.cca3,
        sector: (m.sector as Sector) ?? 'GOV',
        office: (m.office as RoleKey) ?? null,
        venue: !!m.venue,
        ambiguous: !!m.ambiguous,
      }));
      // a capital not listed as a metonym still stands for its government ("Moscow demanded …")
      for (const cap of capitals) {
        if (!metonyms.some((m) => key(m.text) === key(cap))) metonyms.push({ text: cap, country: c.cca3, sector: 'GOV', office: null, venue: false, ambiguous: false });
      }
      const country: Country = { code: c.cca3, name: c.name.common, names, demonyms, capitals, metonyms };
      this.countries.set(c.cca3, country);
      for (const n of [...names, ...demonyms]) if (!this.countryByName.has(key(n))) this.countryByName.set(key(n), c.cca3);
      for (const d of demonyms) this.demonymKeys.add(key(d));
      for (const m of metonyms) this.metonymByText.set(key(m.text).replace(/^the /, ''), m);
    }
  }

  private loadOrganisations(): void {
    const orgs = yamlFile<Array<{ code: string; name: string; aliases?: string[]; sector?: Sector; country?: string | null }>>('organisations.yaml') ?? [];
    for (const o of orgs) {
      const written = [o.name, ...(o.aliases ?? [])];
      const acronyms = written.filter((a) => /^\p{Lu}{2,}$/u.test(a) && written.every((b) => b === a || b.toLowerCase() !== a.toLowerCase()));
      const org: Organisation = { code: o.code, name: o.name, aliases: unique(written), acronyms, sector: o.sector ?? 'IGO', country: o.country ?? null };
      this.organisations.push(org);
      for (const a of org.aliases) {
        const k = key(a).replace(/^the /, '');
        if (!this.organisationByAlias.has(k)) this.organisationByAlias.set(k, org);
      }
    }
  }

  private loadRoles(): void {
    const r = yamlFile<{ roles: RoleNoun[]; titles: RoleNoun[]; counterparts?: RoleNoun[]; leader_office?: { head_of_government?: Record<string, LeaderPeriod | null> } }>('roles.yaml');
    for (const [country, period] of Object.entries(r.leader_office?.head_of_government ?? {})) this.ledByGovernment.set(country, period ?? {});
    this.roleNouns.push(...[...(r.roles ?? []), ...(r.counterparts ?? [])].map((x) => ({ ...x, role: x.role ?? null, sector: x.sector ?? null })));
    this.titles.push(...(r.titles ?? []).map((x) => ({ ...x, role: x.role ?? null, sector: x.sector ?? null })));
  }

  private loadTopics(): void {
    this.topics.push(...(yamlFile<Topic[]>('topics.yaml') ?? []).map((t) => ({ ...t, context: t.context ?? [], aliases: unique([t.topic, ...(t.aliases ?? [])]) })));
  }

  private loadPeopleFile(file: PeopleFile, name: string): void {
    for (const p of file.people ?? []) {
      const country = file.country ?? p.org ?? null;
      if (!country || !p.name || !Array.isArray(p.positions)) throw new Error(`kb/data/people/${name}: ${p.name ?? 'an entry'} lacks a country, name or positions`);
      this.addPerson({
        id: p.wikidata ?? `${country.toLowerCase()}:${slug(p.name)}`,
        name: p.name,
        aliases: p.aliases ?? [],
        gender: p.gender === 'male' || p.gender === 'female' ? p.gender : null,
        country,
        positions: p.positions.map((x) => ({ role: x.role, title: String(x.title), from: boundaryDay(x.from, false) ?? '0000-01-01', to: boundaryDay(x.to, true), country })),
      });
    }
  }

  /** Adds a person, or merges positions and aliases into the same person already known (same id or same name and country). */
  addPerson(p: Person): Person {
    const existing = this.peopleById.get(p.id) ?? this.byName.get(key(p.name))?.find((q) => q.country === p.country || q.id === p.id);
    if (existing) {
      for (const pos of p.positions) {
        if (!existing.positions.some((q) => q.role === pos.role && q.from === pos.from && q.country === pos.country)) existing.positions.push(pos);
      }
      for (const a of p.aliases) if (!existing.aliases.includes(a)) {
        existing.aliases.push(a);
        this.index(existing, [a]);
      }
      existing.gender ??= p.gender;
      return existing;
    }
    this.people.push(p);
    this.peopleById.set(p.id, p);
    this.index(p, [p.name, ...p.aliases]);
    return p;
  }

  private index(p: Person, names: string[]): void {
    for (const n of names) {
      push(this.byName, key(n), p);
      if (n === p.name || spelling(n, p.name)) for (const s of surnames(n)) push(this.bySurname, key(s), p);
    }
  }

  /** Positions of a person that include the day (or, with no day, all of them). */
  positionsAt(p: Person, at: { earliest: Day | null; latest: Day | null }): Position[] {
    if (!at.earliest && !at.latest) return [];
    const from = at.earliest ?? at.latest!;
    const to = at.latest ?? at.earliest!;
    return p.positions.filter((pos) => pos.from <= to && (pos.to === null || pos.to >= from));
  }

  /** Who held an office of a state on a day (several when the day is an interval spanning a handover). */
  holders(country: string, role: RoleKey, at: { earliest: Day | null; latest: Day | null }): Array<{ person: Person; position: Position }> {
    const out: Array<{ person: Person; position: Position }> = [];
    for (const p of this.people) {
      for (const pos of this.positionsAt(p, at)) if (pos.role === role && pos.country === country) out.push({ person: p, position: pos });
    }
    return out;
  }

  /**
   * The office that leads a state over a span of days: its head of government where roles.yaml says so for the
   * whole span (the UK, Germany, Canada, Japan…), else its head of state. With no day, the rule's default period.
   */
  leaderOffice(country: string, at: { earliest: Day | null; latest: Day | null }): RoleKey {
    const period = this.ledByGovernment.get(country);
    if (!period) return 'head_of_state';
    const from = at.earliest ?? at.latest;
    const to = at.latest ?? at.earliest;
    if (!from || !to) return 'head_of_government';
    const within = (!period.from || from >= period.from) && (!period.to || to <= period.to);
    const excepted = (period.except ?? []).some((x) => from <= x.to && to >= x.from);
    return within && !excepted ? 'head_of_government' : 'head_of_state';
  }

  person(id: string): Person | undefined {
    return this.peopleById.get(id);
  }

  country(code: string): Country | undefined {
    return this.countries.get(code);
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
}

function unique(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => x && !seen.has(key(x)) && seen.add(key(x)));
}

let shared: KnowledgeBase | null = null;

/** The bundled knowledge base, loaded once per process. */
export function defaultKnowledgeBase(): KnowledgeBase {
  return (shared ??= KnowledgeBase.load());
}
