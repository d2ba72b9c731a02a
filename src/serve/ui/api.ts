/** The API as the UI sees it: typed reads, one error shape, and a hook that tracks loading and failure. */
import { useCallback, useEffect, useState } from 'react';
import type { Account, Divergence, LinkedEvent, Passage } from '../../model/linked.ts';
import type { Actor, EventRecord, Mention, Quote, TimeExpression, TopicMention } from '../../model/annotations.ts';
import type { Document } from '../../model/document.ts';
// the shapes the API sends are the server's own types
import type { EventSummary, QuoteRow } from '../../store/events.ts';
import type { DocumentSummary } from '../../store/repository.ts';
import type { MonthPoint, OutletProfile } from '../../link/relations.ts';
import type { ImportJob } from '../imports.ts';
import type { ActorDetail, ActorSummary } from '../api.ts';

export type { Account, Actor, ActorDetail, ActorSummary, Divergence, Document, DocumentSummary, EventRecord, EventSummary, ImportJob, LinkedEvent, Mention, MonthPoint, OutletProfile, Passage, Quote, QuoteRow, TimeExpression };

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  more: boolean;
  total?: number | null;
}

export type EventDetail = LinkedEvent & { titles: Record<string, string | null>; countries: Record<string, string> };

/** A document in a list; `snippet` when it was found by a search. */
export type DocumentListItem = DocumentSummary & { snippet?: string };

export interface DocumentDetail {
  document: Document;
  annotations: { mentions: Mention[]; times: TimeExpression[]; quotes: Quote[]; events: EventRecord[]; topics: TopicMention[]; warnings: string[] } | null;
  linkedEvents: Array<{ mention: string; event: string }>;
}

export interface Stats {
  documents: number;
  analysed: number;
  events: number;
  shared: number;
  quotes: number;
  errors: number;
}

/** Dispatched on window when an import has changed what the database holds. */
export const DATA_CHANGED = 'readout:data-changed';

export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function getJson<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError('The Readout server does not answer. Is `readout serve` still running?', 0);
  }
  const body = (await res.json().catch(() => null)) as { message?: string } | null;
  if (!res.ok) throw new ApiError(body?.message ?? `${res.status} ${res.statusText}`, res.status);
  return body as T;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Reads a path whenever it changes; null waits. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: !!path });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    getJson<T>(path).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: ApiError) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
