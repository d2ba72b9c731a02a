/** Documents (all, or found by full-text search), with the events and quotations the same words find. */
import type { FormEvent } from 'react';
import { query, useApi, type DocumentListItem, type EventSummary, type Page, type QuoteRow } from '../api.ts';
import { Empty, EventRow, Pager, Show } from '../components.tsx';
import { href, navigate, type Route } from '../router.ts';

/** FTS snippets mark the hits with [ ]; they are shown as <mark> through React, never as HTML. */
function Snippet({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\[[^\]]*\])/).map((part, i) => (part.startsWith('[') && part.endsWith(']') ? <mark key={i}>{part.slice(1, -1)}</mark> : part))}
    </>
  );
}

export function Documents({ route }: { route: Route }) {
  const q = route.params.get('q') ?? '';
  const offset = Number(route.params.get('offset') ?? 0) || 0;
  const docs = useApi<Page<DocumentListItem>>(`/api/documents${query({ q, limit: 25, offset })}`);
  const events = useApi<Page<EventSummary>>(q ? `/api/events${query({ q, limit: 10 })}` : null);
  const quotes = useApi<Page<QuoteRow>>(q ? `/api/quotes${query({ q, limit: 10 })}` : null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    navigate('/documents', { q: String(new FormData(e.currentTarget).get('q') ?? '') });
  };
  return (
    <section>
      <h1>{q ? `Search: ${q}` : 'Documents'}</h1>
      <form className="filters" onSubmit={submit} key={q} role="search">
        <label>
          Words <input name="q" defaultValue={q} placeholder="e.g. Helsinki summit" />
        </label>
        <button type="submit">Search</button>
      </form>
      <div className={q ? 'columns' : ''}>
        <div>
          {q ? <h2>Documents</h2> : null}
          <Show loaded={docs} what="documents">
            {(p) =>
              p.items.length ? (
                <>
                  {p.total ? <p className="muted">{p.total} documents</p> : null}
                  <ul className="documents">
                    {p.items.map((d) => (
                      <li key={d.id}>
                        <a href={href(`/documents/${d.id}`)}>{d.title ?? '(untitled)'}</a>
                        <span className="meta">
                          {d.outlet ?? 'outlet unknown'} · {d.published ?? 'date unknown'}
                          {d.language && d.language !== 'en' ? ` · ${d.language}` : ''}
                          {d.duplicateOf ? ' · near duplicate' : ''}
                        </span>
                        {d.snippet ? <p className="snippet"><Snippet text={d.snippet} /></p> : null}
                      </li>
                    ))}
                  </ul>
                  <Pager offset={p.offset} limit={p.limit} more={p.more} go={(o) => navigate('/documents', { q, offset: o })} />
                </>
              ) : (
                <Empty>{q ? `No document contains “${q}”.` : <>No documents yet. <a href="#/import">Import articles</a>.</>}</Empty>
              )
            }
          </Show>
        </div>
        {q ? (
          <aside>
            <h2>Events</h2>
            <Show loaded={events} what="events">
              {(p) => (p.items.length ? <ol className="events">{p.items.map((e) => <EventRow key={e.id} e={e} />)}</ol> : <Empty>No event records mention it.</Empty>)}
            </Show>
            <h2>Quotes</h2>
            <Show loaded={quotes} what="quotes">
              {(p) =>
                p.items.length ? (
                  <ul className="quotes">
                    {p.items.map((x) => (
                      <li key={x.id}>
                        <b>{x.speaker ?? 'unattributed'}:</b> “{x.text}” <a href={href(`/documents/${x.document}`, { start: x.start, end: x.end })}>↗</a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty>No quotation contains it.</Empty>
                )
              }
            </Show>
          </aside>
        ) : null}
      </div>
    </section>
  );
}
