/** A pair of states: the monthly cooperation–conflict index from their linked events, and the events. */
import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { useApi, type EventSummary, type MonthPoint, type Page } from '../api.ts';
import { ChartCanvas, Empty, EventRow, Show, monthsBetween } from '../components.tsx';
import { href } from '../router.ts';

export function Pairs() {
  const pairs = useApi<{ items: Array<{ pair: string[]; names: string[]; events: number }> }>('/api/pairs?limit=200');
  return (
    <section>
      <h1>Country pairs</h1>
      <Show loaded={pairs} what="country pairs">
        {(p) =>
          p.items.length ? (
            <table className="table">
              <thead>
                <tr><th>Pair</th><th>Events</th></tr>
              </thead>
              <tbody>
                {p.items.map((x) => (
                  <tr key={x.pair.join()}>
                    <td><a href={href(`/pairs/${x.pair.join(',')}`)}>{x.names.join(' – ')}</a></td>
                    <td>{x.events}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty>No events between two states yet. <a href="#/import">Import articles</a>.</Empty>
          )
        }
      </Show>
    </section>
  );
}

export function PairPage({ pair }: { pair: string }) {
  const rel = useApi<{ pair: string[]; names: string[]; months: MonthPoint[] }>(`/api/relations?pair=${encodeURIComponent(pair)}`);
  const events = useApi<Page<EventSummary>>(`/api/events?pair=${encodeURIComponent(pair)}&limit=30`);
  const chart = useMemo<ChartConfiguration | null>(() => {
    const points = rel.data?.months ?? [];
    if (!points.length) return null;
    // the last ten years of the record at most, every month of them, so quiet months show as gaps
    const last = points[points.length - 1]!.month;
    const first = points.find((p) => p.month >= `${+last.slice(0, 4) - 10}${last.slice(4)}`)!.month;
    const labels = monthsBetween(first, last);
    const at = new Map(points.map((p) => [p.month, p]));
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { type: 'line', label: 'index (mean score per event)', data: labels.map((m) => at.get(m)?.index ?? null), borderColor: '#1a202c', backgroundColor: '#1a202c', yAxisID: 'index', spanGaps: true, tension: 0.2 },
          { label: 'cooperation', data: labels.map((m) => at.get(m)?.cooperation ?? 0), backgroundColor: '#48bb78', stack: 's', yAxisID: 'sum' },
          { label: 'conflict', data: labels.map((m) => at.get(m)?.conflict ?? 0), backgroundColor: '#e53e3e', stack: 's', yAxisID: 'sum' },
        ],
      },
      options: {
        scales: {
          sum: { type: 'linear', position: 'left', stacked: true, title: { display: true, text: 'sum of PLOVER scores' } },
          index: { type: 'linear', position: 'right', min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: 'index' } },
          x: { stacked: true },
        },
        plugins: { legend: { position: 'bottom' }, title: { display: true, text: 'Cooperation and conflict per month (each real event counted once)' } },
      },
    } as ChartConfiguration;
  }, [rel.data]);
  return (
    <section>
      <Show loaded={rel} what="the relations index">
        {(r) => (
          <>
            <h1>{r.names.join(' – ')}</h1>
            {chart ? <ChartCanvas config={chart} label={`cooperation and conflict between ${r.names.join(' and ')}`} height={320} /> : <Empty>No dated events between these two states yet.</Empty>}
            <p className="muted">Each real event counts once, in the month the texts date it to; events dated only to a year or a season are not in the monthly index. Scores per PLOVER type and mode: <code>src/link/rules/plover-scores.yaml</code>.</p>
            <table className="table compact">
              <thead>
                <tr><th>Month</th><th>Events</th><th>Cooperation</th><th>Conflict</th><th>Index</th></tr>
              </thead>
              <tbody>
                {r.months.map((m) => (
                  <tr key={m.month}>
                    <td><a href={href('/', { pair, from: `${m.month}-01`, to: `${m.month}-31` })}>{m.month}</a></td>
                    <td>{m.events}</td>
                    <td>{m.cooperation.toFixed(1)}</td>
                    <td>{m.conflict.toFixed(1)}</td>
                    <td>{m.index.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Show>
      <h2>Latest events <small><a href={href('/', { pair })}>all on the timeline →</a></small></h2>
      <Show loaded={events} what="events">
        {(p) => (p.items.length ? <ol className="events">{p.items.map((e) => <EventRow key={e.id} e={e} />)}</ol> : <Empty>No events.</Empty>)}
      </Show>
    </section>
  );
}
