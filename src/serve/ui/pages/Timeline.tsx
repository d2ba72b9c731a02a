/** The timeline: events for a country pair, an actor or everything, filtered by type, status, outlet and date. */
import { useMemo, type FormEvent } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { query, useApi, type EventSummary, type Page } from '../api.ts';
import { ChartCanvas, Empty, EventRow, Pager, Show, TYPE_COLOURS, monthsFrom, yearsBetween } from '../components.tsx';
import { navigate, type Route } from '../router.ts';

const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const STATUSES = ['occurred', 'planned', 'proposed', 'cancelled', 'denied', 'uncertain', 'hypothetical'];
const FILTERS = ['pair', 'actor', 'type', 'status', 'outlet', 'from', 'to', 'q'] as const;

export function Timeline({ route }: { route: Route }) {
  const f = Object.fromEntries(FILTERS.map((k) => [k, route.params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const offset = Number(route.params.get('offset') ?? 0) || 0;
  const pairs = useApi<{ items: Array<{ pair: string[]; names: string[]; events: number }> }>('/api/pairs?limit=200');
  const outlets = useApi<{ items: Array<{ outlet: string; documents: number }> }>('/api/outlets?names&limit=200');
  const list = useApi<Page<EventSummary>>(`/api/events${query({ ...f, limit: 50, offset })}`);
  const counts = useApi<{ items: Array<{ month: string | null; event: string; count: number }> }>(`/api/timeline${query(f)}`);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    navigate('/', Object.fromEntries(FILTERS.map((k) => [k, String(data.get(k) ?? '')])));
  };

  const chart = useMemo<ChartConfiguration | null>(() => {
    const dated = counts.data?.items.filter((r) => r.month) ?? [];
    if (!dated.length) return null;
    // every month from the first to the last, so gaps show; over six years, years instead
    const first = dated[0]!.month!;
    const last = dated[dated.length - 1]!.month!;
    const span = (+last.slice(0, 4) - +first.slice(0, 4)) * 12 + (+last.slice(5, 7) - +first.slice(5, 7));
    const byYear = span > 72;
    const bucket = (m: string) => (byYear ? m.slice(0, 4) : m);
    const rows = dated.map((r) => ({ ...r, month: bucket(r.month!) }));
    const months = byYear ? yearsBetween(first, last) : monthsFrom(first, span);
    const types = TYPES.filter((t) => rows.some((r) => r.event === t));
    return {
      type: 'bar',
      data: {
        labels: months,
        datasets: types.map((t) => ({ label: t, backgroundColor: TYPE_COLOURS[t], data: months.map((m) => rows.filter((r) => r.month === m && r.event === t).reduce((n, r) => n + r.count, 0)) })),
      },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'events' }, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' }, title: { display: true, text: `Linked events per ${byYear ? 'year' : 'month'}, by PLOVER type (click a bar to narrow the dates)` } },
        onClick: (_e, elements, c) => {
          const m = elements[0] ? (c.data.labels?.[elements[0].index] as string) : null;
          if (m) navigate('/', { ...f, from: byYear ? `${m}-01-01` : `${m}-01`, to: byYear ? `${m}-12-31` : `${m}-31` });
        },
      },
    };
  }, [counts.data]);

  const undated = counts.data?.items.filter((r) => !r.month).reduce((n, r) => n + r.count, 0) ?? 0;
  const pairOptions = (pairs.data?.items ?? []).map((p) => ({ value: p.pair.join(','), label: `${p.names.join(' – ')} (${p.events})` }));
  // a pair typed into the address that no event has yet stays shown
  if (f.pair && !pairOptions.some((o) => o.value === f.pair)) pairOptions.push({ value: f.pair, label: f.pair });
  return (
    <section>
      <h1>Timeline</h1>
      {/* remounted when the choices arrive, so the selects show the filter in the address */}
      <form className="filters" onSubmit={submit} key={`${route.params.toString()}|${pairs.data ? 'p' : ''}${outlets.data ? 'o' : ''}`}>
        <Choice label="Countries" name="pair" value={f.pair} options={pairOptions} />
        <label>
          Actor
          <input name="actor" defaultValue={f.actor} placeholder="e.g. Lavrov" />
        </label>
        <Choice label="Type" name="type" value={f.type} options={TYPES.map((t) => ({ value: t, label: t }))} />
        <Choice label="Status" name="status" value={f.status} options={STATUSES.map((t) => ({ value: t, label: t }))} />
        <Choice label="Outlet" name="outlet" value={f.outlet} options={(outlets.data?.items ?? []).map((o) => ({ value: o.outlet, label: `${o.outlet} (${o.documents})` }))} />
        <label>
          From
          <input type="date" name="from" defaultValue={f.from} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={f.to} />
        </label>
        <label>
          Words
          <input name="q" defaultValue={f.q} placeholder="e.g. New START" />
        </label>
        <button type="submit">Show</button>
        {FILTERS.some((k) => f[k]) ? (
          <button type="button" className="secondary" onClick={() => navigate('/')}>
            Clear
          </button>
        ) : null}
      </form>
      {chart ? <ChartCanvas config={chart} label="linked events per month by type" /> : null}
      <p className="export">
        Download these events: <a href={`/api/export${query({ ...f, format: 'csv' })}`} download>CSV</a> · <a href={`/api/export${query({ ...f, format: 'jsonl' })}`} download>JSON lines</a> ·{' '}
        <a href={`/api/export${query({ ...f, format: 'plover' })}`} download>PLOVER JSON</a>
      </p>
      {undated ? <p className="muted">{undated} matching events have no date the text states; they are listed last.</p> : null}
      <Show loaded={list} what="events">
        {(page) =>
          page.items.length ? (
            <>
              <ol className="events">
                {page.items.map((e) => (
                  <EventRow key={e.id} e={e} />
                ))}
              </ol>
              <Pager offset={page.offset} limit={page.limit} more={page.more} go={(o) => navigate('/', { ...f, offset: o })} />
            </>
          ) : (
            <Empty>
              {FILTERS.some((k) => f[k]) ? 'No events match these filters.' : <>No events yet. <a href="#/import">Import articles</a> to read events from them.</>}
            </Empty>
          )
        }
      </Show>
    </section>
  );
}

/** A filter's select: "all", then its options. */
function Choice({ label, name, value, options }: { label: string; name: string; value: string; options: Array<{ value: string; label: string }> }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value="">all</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
