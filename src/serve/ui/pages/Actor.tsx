/** People: a searchable list, and each person's offices over time, events and quotations. */
import { useMemo, type FormEvent } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { query, useApi, type ActorDetail, type ActorSummary, type Page } from '../api.ts';
import { ChartCanvas, Empty, EventRow, Pager, Show } from '../components.tsx';
import { href, navigate, type Route } from '../router.ts';

export function Actors({ route }: { route: Route }) {
  const q = route.params.get('q') ?? '';
  const offset = Number(route.params.get('offset') ?? 0) || 0;
  const list = useApi<Page<ActorSummary>>(`/api/actors${query({ q, limit: 50, offset })}`);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    navigate('/actors', { q: String(new FormData(e.currentTarget).get('q') ?? '') });
  };
  return (
    <section>
      <h1>Actors</h1>
      <form className="filters" onSubmit={submit} key={q}>
        <label>
          Name <input name="q" defaultValue={q} placeholder="e.g. Lavrov" />
        </label>
        <button type="submit">Find</button>
      </form>
      <Show loaded={list} what="people">
        {(p) =>
          p.items.length ? (
            <>
              <table className="table">
                <thead>
                  <tr><th>Name</th><th>State</th><th>Office (latest known)</th><th>Events</th></tr>
                </thead>
                <tbody>
                  {p.items.map((a) => (
                    <tr key={a.id}>
                      <td><a href={href(`/actors/${a.id}`)}>{a.name}</a></td>
                      <td>{a.country}</td>
                      <td>{a.office ? `${a.office.title} (${a.office.from.slice(0, 4)}–${a.office.to?.slice(0, 4) ?? ''})` : '—'}</td>
                      <td>{a.events}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager offset={p.offset} limit={p.limit} more={p.more} go={(o) => navigate('/actors', { q, offset: o })} />
            </>
          ) : (
            <Empty>No one in the knowledge base matches “{q}”.</Empty>
          )
        }
      </Show>
    </section>
  );
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function ActorPage({ id }: { id: string }) {
  const actor = useApi<ActorDetail>(`/api/actors/${encodeURIComponent(id)}`);
  const chart = useMemo<ChartConfiguration | null>(() => {
    const ps = actor.data?.positions ?? [];
    if (!ps.length) return null;
    const today = new Date().toISOString().slice(0, 10);
    return {
      type: 'bar',
      data: {
        labels: ps.map((p) => p.title),
        datasets: [{ label: 'in office', data: ps.map((p) => [day(p.from), day(p.to ?? today)]) as unknown as number[], backgroundColor: '#3182ce' }],
      },
      options: {
        indexAxis: 'y',
        scales: { x: { type: 'linear', min: Math.min(...ps.map((p) => day(p.from))) - 365 * 864e5, max: day(today) + 365 * 864e5, ticks: { callback: (v) => new Date(Number(v)).getUTCFullYear() } } },
        plugins: { legend: { display: false }, title: { display: true, text: 'Offices over time (knowledge base)' }, tooltip: { callbacks: { label: (c) => { const p = ps[c.dataIndex]!; return `${p.from} – ${p.to ?? 'now'}`; } } } },
      },
    } as ChartConfiguration;
  }, [actor.data]);
  return (
    <Show loaded={actor} what="the actor">
      {(a) => (
        <section>
          <h1>{a.name} <small className="code">{a.country}</small></h1>
          {a.aliases.length ? <p className="muted">also: {a.aliases.join(', ')}</p> : null}
          {chart ? <ChartCanvas config={chart} label={`offices of ${a.name}`} height={Math.max(120, 40 + 36 * a.positions.length)} /> : null}
          <h2>Events ({a.events.length})</h2>
          {a.events.length ? <ol className="events">{a.events.map((e) => <EventRow key={e.id} e={e} />)}</ol> : <Empty>No events with {a.name} yet.</Empty>}
          <h2>Quotes ({a.quotes.length})</h2>
          {a.quotes.length ? (
            <ul className="quotes">
              {a.quotes.map((q) => (
                <li key={q.id}>
                  “{q.text}” <a href={href(`/documents/${q.document}`, { start: q.start, end: q.end })}>{q.title ?? q.outlet ?? 'source'} ↗</a> <small className="muted">{q.published ?? ''}</small>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>No quotations of {a.name} yet.</Empty>
          )}
        </section>
      )}
    </Show>
  );
}
