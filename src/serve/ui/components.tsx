/** Pieces every page uses: loading, error and empty states, status badges, participants, event rows, a chart. */
import { useEffect, useRef, type ReactNode } from 'react';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import type { ApiError, Actor, EventSummary, Loaded } from './api.ts';
import { href } from './router.ts';

Chart.register(...registerables);

export function Loading({ what }: { what: string }) {
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </div>
  );
}

export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <strong>{error.status === 404 ? 'Not found.' : error.status === 400 ? 'That request is not valid.' : 'Something went wrong.'}</strong> {error.message}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state empty">{children}</div>;
}

/** Renders a loaded value, or the state it is in. */
export function Show<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (data: T) => ReactNode }) {
  if (loaded.error) return <ErrorBox error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Loading what={what} />;
  return <>{children(loaded.data)}</>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}

export function TypeBadge({ type, mode }: { type: string; mode?: string | null }) {
  return (
    <span className={`badge type type-${type.toLowerCase()}`}>
      {type}
      {mode ? <small> · {mode}</small> : null}
    </span>
  );
}

export function ActorName({ actor }: { actor: Actor }) {
  const label = actor.name ?? actor.text ?? actor.country ?? '?';
  const title = [actor.role, actor.country].filter(Boolean).join(' · ');
  return actor.id && actor.name ? (
    <a className="actor" href={href(`/actors/${actor.id}`)} title={title}>
      {label}
    </a>
  ) : (
    <span className="actor" title={title}>
      {label}
      {actor.country && actor.name !== actor.country ? <small className="code"> {actor.country}</small> : null}
    </span>
  );
}

export function Participants({ actor, recipient, symmetric }: { actor: Actor[]; recipient: Actor[]; symmetric: boolean }) {
  const list = (xs: Actor[]) => (xs.length ? xs.map((a, i) => <span key={i}>{i ? ', ' : ''}<ActorName actor={a} /></span>) : <span className="muted">—</span>);
  return (
    <span className="participants">
      {list(actor)} <span className="arrow" title={symmetric ? 'a call or a meeting: no direction' : 'actor → recipient'}>{symmetric ? '↔' : '→'}</span> {list(recipient)}
    </span>
  );
}

const lastDay = (ym: string) => new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7), 0)).getUTCDate();

/** An interval as briefly as it is exact: a day, a month (2021-01), a year (2020), or its two ends. */
export function formatWhen(earliest: string, latest: string | null): string {
  if (!latest || latest === earliest) return earliest;
  const [ey, em, ed] = [earliest.slice(0, 4), earliest.slice(0, 7), earliest.slice(8)];
  if (ed === '01' && latest.slice(0, 7) === em && +latest.slice(8) === lastDay(em)) return em;
  if (earliest === `${ey}-01-01` && latest === `${ey}-12-31`) return ey;
  if (latest.slice(0, 7) === em) return `${earliest}…${latest.slice(8)}`;
  if (latest.slice(0, 4) === ey) return `${earliest}…${latest.slice(5)}`;
  return `${earliest} … ${latest}`;
}

export function When({ earliest, latest }: { earliest: string | null; latest: string | null }) {
  if (!earliest) return <span className="muted">date unknown</span>;
  return <span className="when" title={latest && latest !== earliest ? `between ${earliest} and ${latest}` : undefined}>{formatWhen(earliest, latest)}</span>;
}

export function EventRow({ e }: { e: EventSummary }) {
  return (
    <li className="event-row">
      <a href={href(`/events/${e.id}`)} className="event-link">
        <When earliest={e.date.earliest} latest={e.date.latest} />
        <TypeBadge type={e.event} mode={e.mode} />
        <StatusBadge status={e.status} />
      </a>
      <Participants actor={e.actor} recipient={e.recipient} symmetric={e.symmetric} />
      <span className="meta">
        {e.location ? <>in {e.location} · </> : null}
        {e.topics.length ? <>{e.topics.join(', ')} · </> : null}
        {e.documents.length} document{e.documents.length === 1 ? '' : 's'}
        {e.divergences ? <> · <span className="diverges">{e.divergences} divergence{e.divergences === 1 ? '' : 's'}</span></> : null}
      </span>
    </li>
  );
}

export function Pager({ offset, limit, more, go }: { offset: number; limit: number; more: boolean; go: (offset: number) => void }) {
  if (!offset && !more) return null;
  return (
    <nav className="pager" aria-label="pages">
      <button type="button" disabled={!offset} onClick={() => go(Math.max(0, offset - limit))}>
        ← Newer
      </button>
      <span>
        {offset + 1}–{offset + limit}
      </span>
      <button type="button" disabled={!more} onClick={() => go(offset + limit)}>
        Older →
      </button>
    </nav>
  );
}

/** A Chart.js chart on a canvas; the configuration is rebuilt when `deps` change. */
export function ChartCanvas({ config, label, height = 260 }: { config: ChartConfiguration; label: string; height?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current?.destroy();
    chart.current = new Chart(ref.current, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [config]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}

/** Months of a chart axis: every one from the first to the last, so that gaps show. */
export function monthsBetween(first: string, last: string): string[] {
  return monthsFrom(first, (+last.slice(0, 4) - +first.slice(0, 4)) * 12 + (+last.slice(5, 7) - +first.slice(5, 7)));
}

/** `count + 1` months from `first` (YYYY-MM), as YYYY-MM. */
export function monthsFrom(first: string, count: number): string[] {
  const start = +first.slice(0, 4) * 12 + +first.slice(5, 7) - 1;
  return Array.from({ length: count + 1 }, (_, i) => `${Math.floor((start + i) / 12)}-${String(((start + i) % 12) + 1).padStart(2, '0')}`);
}

export function yearsBetween(first: string, last: string): string[] {
  return Array.from({ length: +last.slice(0, 4) - +first.slice(0, 4) + 1 }, (_, i) => String(+first.slice(0, 4) + i));
}

export const TYPE_COLOURS: Record<string, string> = {
  AGREE: '#2f855a', CONSULT: '#3182ce', SUPPORT: '#38a169', CONCEDE: '#68d391', COOPERATE: '#319795', AID: '#81e6d9', RETREAT: '#9ae6b4',
  REQUEST: '#805ad5', ACCUSE: '#dd6b20', REJECT: '#e53e3e', THREATEN: '#c53030', PROTEST: '#ed8936', SANCTION: '#9b2c2c', MOBILIZE: '#744210',
  COERCE: '#822727', ASSAULT: '#63171b',
};
