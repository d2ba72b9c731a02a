/**
 * Imports dated positions from EveryPolitician/Wikidata-style CSV files into the user's database:
 *   historic: country,position,person,wikidata,start,end,gender,enwiki
 *   current:  slug,position,person,qid,since,first_seen,last_seen,current_at_head
 * Countries are matched by name; position labels are mapped to role keys by data/position-labels.yaml.
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { Day } from '../model/document.ts';
import { boundaryDay } from '../model/calendar.ts';
import { key, slug, type KnowledgeBase, type Person, type RoleKey } from './knowledge-base.ts';

export interface ImportedPosition {
  personId: string;
  person: string;
  gender: 'male' | 'female' | null;
  country: string;
  role: RoleKey;
  title: string;
  from: Day;
  to: Day | null;
  source: string;
}

export interface ImportResult {
  rows: ImportedPosition[];
  /** rows that could not be read, with why */
  skipped: Array<{ line: number; reason: string }>;
}

interface LabelRule {
  re: RegExp;
  role: RoleKey;
  country?: string;
}

let labelRules: LabelRule[] | null = null;
function rules(): LabelRule[] {
  return (labelRules ??= (parseYaml(readFileSync(new URL('./data/position-labels.yaml', import.meta.url), 'utf8')) as {
    labels: Array<{ pattern: string; role: RoleKey; country?: string }>;
  }).labels.map((l) => ({ re: new RegExp(l.pattern, 'i'), role: l.role, country: l.country })));
}

export function roleOfLabel(label: string, country: string): RoleKey {
  for (const r of rules()) if (r.re.test(label) && (!r.country || r.country === country)) return r.role;
  return 'other';
}

export function readPositionsCsv(path: string, kb: KnowledgeBase): ImportResult {
  const text = readFileSync(path, 'utf8');
  const records = parseCsv(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Array<Record<string, string>>;
  const rows: ImportedPosition[] = [];
  const skipped: ImportResult['skipped'] = [];
  const first = records[0];
  if (!first) return { rows, skipped };
  const current = 'slug' in first;
  if (!current && !('country' in first)) throw new Error(`${path}: expected a header with country,position,person,… or slug,position,person,…`);
  const unknownCountries = new Map<string, number>();
  records.forEach((r, i) => {
    const line = i + 2;
    const countryName = current ? (r.slug ?? '').replace(/[-_]/g, ' ') : r.country ?? '';
    const country = kb.countryByName.get(key(countryName));
    if (!country) {
      unknownCountries.set(countryName, (unknownCountries.get(countryName) ?? 0) + 1);
      return;
    }
    const person = (r.person ?? '').trim();
    const title = (r.position ?? '').trim();
    const from = boundaryDay(current ? r.since : r.start, false);
    if (!person || !title || !from) {
      skipped.push({ line, reason: !from ? 'no start date' : 'no person or position' });
      return;
    }
    const to = current ? ((r.current_at_head ?? '').toLowerCase() === 'true' ? null : boundaryDay(r.last_seen, true)) : boundaryDay(r.end, true);
    const qid = (current ? r.qid : r.wikidata)?.trim();
    const gender = (r.gender ?? '').trim();
    rows.push({
      personId: qid || `${country.toLowerCase()}:${slug(person)}`,
      person,
      gender: gender === 'male' || gender === 'female' ? gender : null,
      country,
      role: roleOfLabel(title, country),
      title,
      from,
      to,
      source: path,
    });
  });
  for (const [name, n] of unknownCountries) skipped.push({ line: 0, reason: `${n} rows for "${name}", which is not a country Readout knows` });
  return { rows, skipped };
}

/** Adds imported positions to a knowledge base in memory (grouped by person). */
export function addImported(kb: KnowledgeBase, rows: ImportedPosition[]): void {
  const byPerson = new Map<string, ImportedPosition[]>();
  for (const r of rows) {
    const list = byPerson.get(r.personId);
    if (list) list.push(r);
    else byPerson.set(r.personId, [r]);
  }
  for (const [id, list] of byPerson) {
    const head = list[0]!;
    const person: Person = {
      id,
      name: head.person,
      aliases: [],
      gender: head.gender,
      country: head.country,
      positions: list.map((r) => ({ role: r.role, title: r.title, from: r.from, to: r.to, country: r.country })),
    };
    kb.addPerson(person);
  }
}
