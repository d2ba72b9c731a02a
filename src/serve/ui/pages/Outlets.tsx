/** Outlets: how much loaded language each uses, how much of what it reports it attributes, how much it covers. */
import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { useApi, type OutletProfile } from '../api.ts';
import { ChartCanvas, Empty, Show } from '../components.tsx';
import { href } from '../router.ts';

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

export function Outlets() {
  const list = useApi<{ items: OutletProfile[] }>('/api/outlets?limit=200');
  const top = useMemo(() => [...(list.data?.items ?? [])].sort((a, b) => b.documents - a.documents).slice(0, 25), [list.data]);
  const chart = useMemo<ChartConfiguration | null>(
    () =>
      top.length
        ? {
            type: 'bar',
            data: {
              labels: top.map((o) => o.outlet),
              datasets: [
                { label: 'sentences with loaded words', data: top.map((o) => 100 * o.loaded), backgroundColor: '#dd6b20' },
                { label: 'events attributed to a source', data: top.map((o) => 100 * o.attributed), backgroundColor: '#3182ce' },
              ],
            },
            options: { indexAxis: 'y', scales: { x: { min: 0, max: 100, title: { display: true, text: '%' } }, y: { ticks: { autoSkip: false } } }, plugins: { legend: { position: 'bottom' }, title: { display: true, text: 'Outlets with the most documents' } } },
          }
        : null,
    [top],
  );
  return (
    <section>
      <h1>Outlets</h1>
      <p className="muted">Loaded words come from the lexicon in <code>src/link/rules/language.yaml</code>; an event is attributed when the text says who reported it.</p>
      <Show loaded={list} what="outlet profiles">
        {(d) =>
          d.items.length ? (
            <>
              {chart ? <ChartCanvas config={chart} label="loaded language and attribution by outlet" height={Math.max(220, 90 + 34 * top.length)} /> : null}
              <table className="table">
                <thead>
                  <tr><th>Outlet</th><th>Documents</th><th>Loaded sentences</th><th>Attributed events</th><th>Events</th></tr>
                </thead>
                <tbody>
                  {d.items.map((o) => (
                    <tr key={o.outlet}>
                      <td><a href={href('/', { outlet: o.outlet })}>{o.outlet}</a></td>
                      <td>{o.documents}</td>
                      <td>{pct(o.loaded)}</td>
                      <td>{pct(o.attributed)}</td>
                      <td>{o.events}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <Empty>No analysed documents yet. <a href="#/import">Import articles</a>.</Empty>
          )
        }
      </Show>
    </section>
  );
}
