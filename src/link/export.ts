/** Linked events written out for other tools: JSON lines, PLOVER-shaped JSON, or a flat CSV table. */
import type { Actor } from '../model/annotations.ts';
import type { LinkedEvent } from '../model/linked.ts';

export const EXPORT_FORMATS = ['jsonl', 'plover', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  plover: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

export const participants = (xs: Actor[]) => xs.map((a) => a.name ?? a.text ?? a.country ?? '?').join(', ') || '—';

/** PLOVER JSON of one event, in the shape of the PLOVER gold standard. */
function ploverRecord(e: LinkedEvent) {
  const actors = (xs: Actor[]) => xs.map((a) => ({ actorText: a.text ?? a.name ?? '', code: a.country, sector: a.sector, name: a.name, wikidata: a.id?.startsWith('Q') ? a.id : null }));
  return {
    id: e.id, date: e.date.earliest, dateLatest: e.date.latest, event: e.event, mode: e.mode, status: e.status,
    source: actors(e.actor), target: actors(e.recipient), context: e.topics, location: e.location,
    documents: e.documents, mentions: e.mentions, text: e.accounts[0]?.passages[0]?.text ?? null,
  };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function exportEvents(list: LinkedEvent[], format: ExportFormat): string {
  if (format === 'jsonl') return list.map((e) => JSON.stringify(e)).join('\n') + '\n';
  if (format === 'plover') return JSON.stringify(list.map(ploverRecord), null, 1) + '\n';
  const head = ['id', 'date_earliest', 'date_latest', 'event', 'mode', 'status', 'actor', 'actor_countries', 'recipient', 'recipient_countries', 'topics', 'location', 'documents', 'divergences'];
  const rows = list.map((e) => [e.id, e.date.earliest, e.date.latest, e.event, e.mode, e.status, participants(e.actor), e.actor.map((a) => a.country).join(' '), participants(e.recipient), e.recipient.map((a) => a.country).join(' '), e.topics.join('; '), e.location, e.documents.length, e.divergences.length]);
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
