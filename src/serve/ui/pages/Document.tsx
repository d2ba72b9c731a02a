/**
 * The document reader: the clean text with what Readout read in it — mentions, dates, quotes and event
 * evidence — marked over the text. The text is rendered as React text nodes, never as HTML: whatever markup
 * an article carried is shown as the characters it is.
 */
import { useEffect, useMemo, useState } from 'react';
import { useApi, type DocumentDetail } from '../api.ts';
import { Participants, Show, StatusBadge, TypeBadge, When } from '../components.tsx';
import { href } from '../router.ts';

type Layer = 'mentions' | 'times' | 'quotes' | 'events';
const LAYERS: Array<{ key: Layer; label: string }> = [
  { key: 'mentions', label: 'Mentions' },
  { key: 'times', label: 'Dates' },
  { key: 'quotes', label: 'Quotes' },
  { key: 'events', label: 'Events' },
];

interface Mark {
  start: number;
  end: number;
  cls: string;
  title: string;
}

/** Cuts the text at every mark boundary; each piece carries the marks over it. */
function pieces(text: string, marks: Mark[]): Array<{ start: number; end: number; marks: Mark[] }> {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number; marks: Mark[] }> = [];
  let next = 0;
  let active: Mark[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    while (next < sorted.length && sorted[next]!.start <= a) active.push(sorted[next++]!);
    active = active.filter((m) => m.end > a);
    out.push({ start: a, end: b, marks: active.filter((m) => m.start <= a && m.end >= b) });
  }
  return out;
}

export function DocumentPage({ id, target }: { id: string; target: { start: number; end: number } | null }) {
  const doc = useApi<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`);
  const [on, setOn] = useState<Record<Layer, boolean>>({ mentions: true, times: true, quotes: true, events: true });

  useEffect(() => {
    if (doc.data && target) document.getElementById('target')?.scrollIntoView({ block: 'center' });
  }, [doc.data, target?.start, target?.end]);

  const marks = useMemo(() => {
    const a = doc.data?.annotations;
    if (!a) return [];
    const out: Mark[] = [];
    if (on.mentions) for (const m of a.mentions) out.push({ start: m.start, end: m.end, cls: `m m-${m.kind}`, title: `${m.kind}: ${m.actor?.name ?? 'unresolved'}${m.actor?.role ? ` (${m.actor.role})` : ''}${m.basis ? ` — ${m.basis}` : ''}` });
    if (on.times) for (const t of a.times) out.push({ start: t.start, end: t.end, cls: 't', title: `${t.type} ${t.value ?? '?'} — ${t.basis}` });
    if (on.quotes) for (const q of a.quotes) out.push({ start: q.content.start, end: q.content.end, cls: 'q', title: `${q.kind} quote${q.speaker ? ` of ${q.speaker.name ?? q.speaker.text}` : ', speaker unknown'}` });
    if (on.events) for (const e of a.events) for (const ev of e.evidence) out.push({ start: ev.start, end: ev.end, cls: 'e', title: `${e.event}${e.mode ? ` (${e.mode})` : ''}, ${e.status}` });
    return out;
  }, [doc.data, on]);

  return (
    <Show loaded={doc} what="the document">
      {({ document: d, annotations: a, linkedEvents }) => {
        const all = target ? [...marks, { start: target.start, end: target.end, cls: 'target', title: 'the evidence you followed' }] : marks;
        let targetSeen = false;
        const linkOf = new Map(linkedEvents.map((l) => [l.mention, l.event]));
        return (
          <section className="reader">
            <header>
              <h1>{d.title ?? '(untitled)'}</h1>
              <p className="meta">
                {d.outlet ?? 'outlet unknown'} · <When earliest={d.published.earliest} latest={d.published.latest} />
                {d.published.basis ? <small> ({d.published.basis}{d.published.estimate ? ', an estimate' : ''})</small> : null}
                {d.author ? <> · by {d.author}</> : null}
                {d.url ? <> · <a href={d.url} rel="noreferrer noopener" target="_blank">original</a></> : null}
                {' · '}<span className="muted">{d.source}</span>
              </p>
              {d.warnings.length ? <p className="warning">{d.warnings.join(' · ')}</p> : null}
              <fieldset className="layers">
                <legend>Show</legend>
                {LAYERS.map((l) => (
                  <label key={l.key} className={`layer-${l.key}`}>
                    <input type="checkbox" checked={on[l.key]} onChange={(e) => setOn({ ...on, [l.key]: e.target.checked })} /> {l.label}
                  </label>
                ))}
              </fieldset>
            </header>
            <div className="columns">
              <div className="text" data-testid="document-text">
                {pieces(d.text, all).map((p) => {
                  const words = d.text.slice(p.start, p.end);
                  if (!p.marks.length) return words;
                  const isTarget = p.marks.some((m) => m.cls === 'target');
                  const first = isTarget && !targetSeen;
                  if (isTarget) targetSeen = true;
                  return (
                    <span key={p.start} id={first ? 'target' : undefined} className={p.marks.map((m) => m.cls).join(' ')} title={p.marks.map((m) => m.title).join('\n')}>
                      {words}
                    </span>
                  );
                })}
              </div>
              <aside>
                {!a ? <p className="muted">Not analysed{d.language && d.language !== 'en' ? ` (language ${d.language})` : d.duplicateOf ? ' (a near duplicate)' : ''}.</p> : null}
                {a ? (
                  <>
                    <h2>Events ({a.events.length})</h2>
                    <ul className="doc-events">
                      {a.events.map((e) => (
                        <li key={e.id}>
                          <TypeBadge type={e.event} mode={e.mode} /> <StatusBadge status={e.status} /> <When earliest={e.date.earliest} latest={e.date.latest} />
                          <div><Participants actor={e.actor} recipient={e.recipient} symmetric={e.symmetric} /></div>
                          <div className="links">
                            {e.evidence[0] ? <a href={href(`/documents/${d.id}`, { start: e.evidence[0].start, end: e.evidence[0].end })}>evidence</a> : null}
                            {linkOf.get(e.id) ? <> · <a href={href(`/events/${linkOf.get(e.id)}`)}>linked event</a></> : null}
                          </div>
                        </li>
                      ))}
                    </ul>
                    <h2>Quotes ({a.quotes.length})</h2>
                    <ul className="doc-quotes">
                      {a.quotes.map((q) => (
                        <li key={q.id}>
                          <b>{q.speaker?.name ?? q.speaker?.text ?? 'unattributed'}</b>{' '}
                          <a href={href(`/documents/${d.id}`, { start: q.content.start, end: q.content.end })}>“{d.text.slice(q.content.start, Math.min(q.content.end, q.content.start + 90))}{q.content.end - q.content.start > 90 ? '…' : ''}”</a>
                        </li>
                      ))}
                    </ul>
                    <h2>Dates ({a.times.length})</h2>
                    <ul className="doc-times">
                      {a.times.map((t, i) => (
                        <li key={i}>
                          “{t.text}” → <b>{t.value ?? '?'}</b> <small>{t.basis}</small>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </aside>
            </div>
          </section>
        );
      }}
    </Show>
  );
}
