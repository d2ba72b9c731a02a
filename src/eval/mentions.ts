/**
 * Person resolution on the seed articles. Two checks:
 *  1. every person the gold events name is resolved, wherever the text names them by name or surname, to the
 *     gold country and to an office held at the section's reference date;
 *  2. descriptions the gold depends on — role nouns, pronouns, initials, groups — resolve to the right people
 *     (the phrases below are the cues the gold's events rest on, listed with the person they denote).
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze/analyze.ts';
import type { Analysis, Mention } from '../model/annotations.ts';
import { readSeeds, sharedPath } from './shared.ts';

interface GoldFile {
  documents: Record<string, { events: Array<{ actor?: Array<{ country: string; person?: string }>; recipient?: Array<{ country: string; person?: string }> }> }>;
}

/** A phrase of a seed, the occurrence to look at, and who it denotes. */
const DESCRIPTIONS: Array<{ seed: string; phrase: string; nth?: number; expect: string[] }> = [
  { seed: '000', phrase: 'White House incumbent', expect: ['Biden'] },
  { seed: '000', phrase: 'Russia’s leader', expect: ['Putin'] },
  { seed: '000', phrase: 'He lied', expect: ['Biden'] },
  { seed: '000', phrase: 'He falsely', expect: ['Biden'] },
  { seed: '001', phrase: 'Both diplomats', expect: ['Lavrov', 'Tillerson'] },
  { seed: '001', phrase: 'He called', expect: ['Lavrov'] },
  { seed: '002', phrase: 'DLT', expect: ['Trump'] },
  { seed: '002', phrase: 'He referred', expect: ['Putin'] },
  { seed: '002', phrase: 'he said', nth: 2, expect: ['Bolton'] },
  { seed: '002', phrase: 'he said', nth: 3, expect: ['Trump'] },
  { seed: '003', phrase: 'top diplomat', expect: ['Blinken'] },
  { seed: '003', phrase: 'counterpart', expect: ['Lavrov'] },
  { seed: '003', phrase: 'He urged', expect: ['Lavrov'] },
  { seed: '003', phrase: 'he claimed', expect: ['Biden'] },
  { seed: '003', phrase: 'said he', expect: ['Putin'] },
  { seed: '004', phrase: 'having him', expect: ['Kissinger'] },
];

export interface MentionCheck {
  seed: string;
  what: string;
  expected: string;
  got: string;
  ok: boolean;
}

export interface MentionReport {
  /** name/surname occurrences of gold people */
  names: { total: number; right: number };
  descriptions: { total: number; right: number };
  checks: MentionCheck[];
}

function seedAnalyses(shared: string): Record<string, Analysis> {
  const out: Record<string, Analysis> = {};
  for (const { file, document } of readSeeds(shared)) out[file] = analyze(document);
  return out;
}

function denoted(m: Mention): string[] {
  return (m.actor ? [m.actor] : m.members ?? []).map((a) => a.name ?? '');
}

export function evaluateMentions(shared: string): MentionReport {
  const gold = JSON.parse(readFileSync(sharedPath(shared, 'gold', 'seeds.events.json'), 'utf8')) as GoldFile;
  const analyses = seedAnalyses(shared);
  const checks: MentionCheck[] = [];
  let names = 0;
  let namesRight = 0;
  for (const [file, g] of Object.entries(gold.documents)) {
    const a = analyses[file];
    if (!a) continue;
    const seed = file.slice(0, 3);
    const people = new Map<string, string>();
    for (const e of g.events) for (const p of [...(e.actor ?? []), ...(e.recipient ?? [])]) if (p.person) people.set(p.person, p.country);
    const analysed = a.sentences.length ? { start: a.sentences[0]!.start, end: a.sentences[a.sentences.length - 1]!.end } : { start: 0, end: 0 };
    for (const [surname, country] of people) {
      const re = new RegExp(`\\b${surname}\\b`, 'gi');
      for (let m = re.exec(a.document.text); m; m = re.exec(a.document.text)) {
        if (m.index < analysed.start || m.index > analysed.end) continue;
        if (a.document.sections.some((s) => s.kind === 'repeat' && m!.index >= s.start && m!.index < s.end)) continue;
        names++;
        const mention = a.mentions.find((x) => x.start <= m!.index && x.end >= m!.index + surname.length);
        const actor = mention?.actor;
        const ok = !!actor && (actor.name ?? '').includes(surname) && actor.country === country && !!actor.role;
        if (ok) namesRight++;
        else checks.push({ seed, what: `${surname} at ${m.index}`, expected: `${surname} (${country}) with an office`, got: actor ? `${actor.name} (${actor.country}) ${actor.role ?? 'no office'}` : 'no mention', ok });
      }
    }
  }
  let right = 0;
  for (const d of DESCRIPTIONS) {
    const file = Object.keys(analyses).find((f) => f.startsWith(d.seed));
    const a = file ? analyses[file] : undefined;
    if (!a) continue;
    let at = -1;
    for (let n = 0; n < (d.nth ?? 1); n++) at = a.document.text.indexOf(d.phrase, at + 1);
    const mention = at < 0 ? undefined : a.mentions.find((x) => x.start < at + d.phrase.length && x.end > at && (x.kind !== 'country' && x.kind !== 'metonym'));
    const got = mention ? denoted(mention) : [];
    const ok = d.expect.every((e) => got.some((g) => g.includes(e))) && got.length === d.expect.length;
    if (ok) right++;
    checks.push({ seed: d.seed, what: `"${d.phrase}"${d.nth ? ` #${d.nth}` : ''}`, expected: d.expect.join(' & '), got: got.join(' & ') || 'no mention', ok });
  }
  return { names: { total: names, right: namesRight }, descriptions: { total: DESCRIPTIONS.length, right }, checks };
}
