/** The analyst's workbench: one page, routed by the hash. */
import { StrictMode, useEffect, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { DATA_CHANGED, useApi, type Stats } from './api.ts';
import { Empty } from './components.tsx';
import { navigate, useRoute, type Route } from './router.ts';
import { Timeline } from './pages/Timeline.tsx';
import { EventPage } from './pages/Event.tsx';
import { DocumentPage } from './pages/Document.tsx';
import { PairPage, Pairs } from './pages/Pair.tsx';
import { ActorPage, Actors } from './pages/Actor.tsx';
import { Documents } from './pages/Search.tsx';
import { ImportPage } from './pages/Import.tsx';
import { Outlets } from './pages/Outlets.tsx';
import './styles.css';

function Page({ route }: { route: Route }) {
  const [head, id] = route.path;
  const num = (k: string) => (route.params.has(k) ? Number(route.params.get(k)) : NaN);
  switch (head) {
    case undefined:
      return <Timeline route={route} />;
    case 'events':
      return id ? <EventPage id={id} /> : <Timeline route={route} />;
    case 'documents':
      return id ? <DocumentPage id={id} target={Number.isFinite(num('start')) && Number.isFinite(num('end')) ? { start: num('start'), end: num('end') } : null} /> : <Documents route={route} />;
    case 'pairs':
      return id ? <PairPage pair={id} /> : <Pairs />;
    case 'actors':
      return id ? <ActorPage id={id} /> : <Actors route={route} />;
    case 'outlets':
      return <Outlets />;
    case 'import':
      return <ImportPage />;
    default:
      return <Empty>There is no page here. <a href="#/">Go to the timeline</a>.</Empty>;
  }
}

const NAV = [
  ['', 'Timeline'],
  ['pairs', 'Country pairs'],
  ['actors', 'Actors'],
  ['outlets', 'Outlets'],
  ['documents', 'Documents'],
  ['import', 'Import'],
] as const;

function App() {
  const route = useRoute();
  const stats = useApi<Stats>('/api/stats');
  useEffect(() => {
    window.addEventListener(DATA_CHANGED, stats.reload);
    return () => window.removeEventListener(DATA_CHANGED, stats.reload);
  }, [stats.reload]);
  const search = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    navigate('/documents', { q: String(new FormData(e.currentTarget).get('q') ?? '') });
  };
  return (
    <>
      <header className="top">
        <a className="brand" href="#/">Readout</a>
        <nav>
          {NAV.map(([path, label]) => (
            <a key={path} href={`#/${path}`} className={(route.path[0] ?? '') === path || (path === '' && route.path[0] === 'events') ? 'active' : ''}>
              {label}
            </a>
          ))}
        </nav>
        <form className="search" onSubmit={search} role="search">
          <input name="q" type="search" placeholder="Search articles, events, quotes" aria-label="search" />
        </form>
      </header>
      <main>
        <Page route={route} />
      </main>
      <footer>
        {stats.data ? `${stats.data.documents} documents · ${stats.data.analysed} analysed · ${stats.data.events} events (${stats.data.shared} in several documents) · ${stats.data.quotes} quotes` : stats.error ? stats.error.message : ''}
        {' · '}
        <a href="/openapi.json">API</a>
      </footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
