/** One event: participants, date and how it was read, status, the accounts side by side and where they diverge. */
import { useApi, type Account, type Divergence, type EventDetail, type Passage } from '../api.ts';
import { Empty, Participants, Show, StatusBadge, TypeBadge, When } from '../components.tsx';
import { href } from '../router.ts';

export function evidenceHref(p: { document: string; start: number; end: number }): string {
  return href(`/documents/${p.document}`, { start: p.start, end: p.end });
}

function Evidence({ p, label }: { p: Passage; label?: string }) {
  return (
    <blockquote className="evidence">
      “{p.text}”
      <a className="evidence-link" href={evidenceHref(p)}>
        {label ?? 'in the source'} ↗
      </a>
    </blockquote>
  );
}

/** Divergences of one kind resting on the same passages are one point to a reader ("mentions Navalny, SolarWinds…"). */
function grouped(ds: Divergence[]): Array<{ kind: string; descriptions: string[]; evidence: Passage[] }> {
  const by = new Map<string, { kind: string; descriptions: string[]; evidence: Passage[] }>();
  for (const d of ds) {
    const key = `${d.kind}|${d.evidence.map((p) => `${p.document}:${p.start}-${p.end}`).join(',')}`;
    const g = by.get(key) ?? { kind: d.kind, descriptions: [], evidence: d.evidence };
    g.descriptions.push(d.description);
    by.set(key, g);
  }
  return [...by.values()];
}

function DivergenceItem({ d, titles }: { d: { kind: string; descriptions: string[]; evidence: Passage[] }; titles: Record<string, string | null> }) {
  return (
    <li className={`divergence kind-${d.kind}`}>
      <span className="badge diverges">{d.kind}</span> {d.descriptions.length > 1 ? <ul>{d.descriptions.map((x) => <li key={x}>{x}</li>)}</ul> : d.descriptions[0]}
      <div className="sides">
        {d.evidence.slice(0, 2).map((p, i) => (
          <Evidence key={i} p={p} label={titles[p.document] ?? p.document.slice(0, 8)} />
        ))}
      </div>
      {d.evidence.length > 2 ? (
        <details>
          <summary>{d.evidence.length - 2} more passage{d.evidence.length === 3 ? '' : 's'}</summary>
          <div className="sides">
            {d.evidence.slice(2).map((p, i) => (
              <Evidence key={i} p={p} label={titles[p.document] ?? p.document.slice(0, 8)} />
            ))}
          </div>
        </details>
      ) : null}
    </li>
  );
}

function AccountCard({ a, title, divergences, countries }: { a: Account; title: string | null; divergences: Divergence[]; countries: Record<string, string> }) {
  const marks = divergences.filter((d) => d.evidence.some((p) => p.document === a.document && a.passages.some((q) => q.start <= p.start && q.end >= p.end || p.start <= q.start && p.end >= q.end)));
  return (
    <article className={`account${marks.length ? ' has-divergence' : ''}`} data-side={a.side ?? 'outlet'}>
      <header>
        <h3>{a.side ? `${countries[a.side] ?? a.side}’s account` : 'The outlet’s own account'}</h3>
        <p className="meta">
          {a.attributedTo ? <>according to <em>{a.attributedTo}</em></> : <>in <a href={href(`/documents/${a.document}`)}>{title ?? a.document.slice(0, 12)}</a></>}
        </p>
      </header>
      <dl>
        <dt>Status</dt>
        <dd><StatusBadge status={a.status} /></dd>
        <dt>Date</dt>
        <dd><When earliest={a.date.earliest} latest={a.date.latest} />{a.date.text ? <small> — “{a.date.text}”</small> : null}</dd>
        {a.topics.length ? (<><dt>Topics</dt><dd>{a.topics.join(', ')}</dd></>) : null}
        {a.characterisations.length ? (<><dt>Words</dt><dd>{a.characterisations.map((w) => <span key={w} className="chip">{w}</span>)}</dd></>) : null}
        <dt>Tone</dt>
        <dd>
          <meter min={-1} max={1} low={-0.2} high={0.2} optimum={0.5} value={a.tone} title={a.tone.toFixed(2)} /> <small>{a.tone.toFixed(2)}</small>
        </dd>
      </dl>
      {marks.length ? <p className="diverges-note" title={marks.map((d) => d.description).join('\n')}>Diverges from the other accounts: {[...new Set(marks.map((d) => d.kind))].map((k) => `${k} (${marks.filter((d) => d.kind === k).length})`).join(', ')}</p> : null}
      {a.quotes.length ? (
        <>
          <h4>Quotes</h4>
          <ul className="quotes">
            {a.quotes.map((q, i) => (
              <li key={i}>
                <b>{q.speaker ?? 'unattributed'}:</b> “{q.text}” <a href={evidenceHref({ document: a.document, start: q.start, end: q.end })}>↗</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>Evidence</h4>
      {a.passages.map((p, i) => (
        <Evidence key={i} p={p} />
      ))}
    </article>
  );
}

/** Accounts grouped by the document that carries them, in the order the documents come. */
function byDocument(accounts: Account[]): Array<[string, Account[]]> {
  const by = new Map<string, Account[]>();
  for (const a of accounts) by.set(a.document, [...(by.get(a.document) ?? []), a]);
  return [...by];
}

export function EventPage({ id }: { id: string }) {
  const ev = useApi<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
  return (
    <Show loaded={ev} what="the event">
      {(e) => (
        <section>
          <h1>
            <TypeBadge type={e.event} mode={e.mode} /> <Participants actor={e.actor} recipient={e.recipient} symmetric={e.symmetric} />
          </h1>
          <dl className="facts">
            <dt>Status</dt>
            <dd><StatusBadge status={e.status} /></dd>
            <dt>Date</dt>
            <dd>
              <When earliest={e.date.earliest} latest={e.date.latest} />
              {e.date.text ? <> — read from “{e.date.text}”</> : null}
              {e.date.basis ? <small className="basis"> ({e.date.basis})</small> : null}
            </dd>
            {e.location ? (<><dt>Place</dt><dd>{e.location}</dd></>) : null}
            {e.topics.length ? (<><dt>About</dt><dd>{e.topics.join(', ')}</dd></>) : null}
            <dt>Reported in</dt>
            <dd>{e.documents.length} document{e.documents.length === 1 ? '' : 's'}, {e.mentions.length} mention{e.mentions.length === 1 ? '' : 's'}</dd>
          </dl>
          <h2>Divergences</h2>
          {e.divergences.length ? (
            <ul className="divergences">
              {grouped(e.divergences).map((d, i) => (
                <DivergenceItem key={i} d={d} titles={e.titles} />
              ))}
            </ul>
          ) : (
            <Empty>The accounts agree on everything Readout compares (topics, status, date, participants), or there is only one.</Empty>
          )}
          <h2>Accounts ({e.accounts.length}, in {e.documents.length} document{e.documents.length === 1 ? '' : 's'})</h2>
          {byDocument(e.accounts).map(([doc, accounts]) => (
            <section key={doc} className="document-accounts">
              <h3>
                <a href={href(`/documents/${doc}`)}>{e.titles[doc] ?? doc.slice(0, 12)}</a> <small>{accounts[0]?.outlet ?? 'outlet unknown'}</small>
              </h3>
              <div className="accounts">
                {accounts.map((a, i) => (
                  <AccountCard key={i} a={a} title={e.titles[a.document] ?? null} divergences={e.divergences} countries={e.countries} />
                ))}
              </div>
            </section>
          ))}
        </section>
      )}
    </Show>
  );
}
