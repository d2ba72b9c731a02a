/**
 * The API under load, for `npm run bench`: `readout serve` in a child process of its own (so the load
 * generator does not share its event loop), driven over loopback by autocannon with a bounded number of
 * connections for a fixed time, on the event list and the search endpoints.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const CLI = fileURLToPath(new URL('../../bin/readout.js', import.meta.url));

export interface LoadResult {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Starts `readout serve --no-ui` on a free port; resolves with its address and a way to stop it. */
async function serveInChild(db: string, workers: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [CLI, '--db', db, 'serve', '--no-ui', '--port', '0', '--workers', String(workers)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /Readout on (http:\/\/\S+?)\/? /.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`readout serve exited (${code}) before listening`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function loadTest(db: string, opts: { connections?: number; seconds?: number; workers?: number; searchWords: string[] }): Promise<LoadResult[]> {
  const server = await serveInChild(db, opts.workers ?? 1);
  const connections = opts.connections ?? 50;
  const duration = opts.seconds ?? 10;
  const scenarios: Array<{ name: string; paths: string[] }> = [
    { name: 'GET /api/events (latest 50)', paths: ['/api/events?limit=50'] },
    { name: 'GET /api/events?pair=USA,RUS', paths: ['/api/events?pair=USA,RUS&limit=50'] },
    { name: 'GET /api/documents?q=… (search)', paths: opts.searchWords.map((w) => `/api/documents?q=${encodeURIComponent(w)}&limit=20`) },
  ];
  const out: LoadResult[] = [];
  try {
    for (const s of scenarios) {
      // a short warm-up: the first requests fill SQLite's page cache and JIT the handlers
      await autocannon({ url: server.url, connections: 4, amount: 200, requests: s.paths.map((path) => ({ method: 'GET', path })) });
      const r = await autocannon({ url: server.url, connections, duration, requests: s.paths.map((path) => ({ method: 'GET', path })) });
      out.push({ name: s.name, requests: r.requests.total, perSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx });
    }
  } finally {
    await server.stop();
  }
  return out;
}
