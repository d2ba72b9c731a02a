/** `readout serve`: the web UI and the HTTP API on 127.0.0.1 (another address only with READOUT_TOKEN set). */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApi } from '../serve/api.ts';
import { ensureUi } from '../serve/build.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { userContext } from './extract.ts';
import { PrimaryImports, isWorker, reportListening, startWorkers } from '../serve/cluster.ts';
import type { ImportService } from '../serve/imports.ts';

export interface ServeFlags {
  db: string;
  host: string;
  port: string;
  /** API only: no web UI (and no build) */
  ui?: boolean;
  /** processes answering requests (default 1) */
  workers?: string;
}

export interface Running {
  url: string;
  server: ServerType;
  store: SqliteStore;
}

export function isLocal(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

/** The bearer token the flags call for; throws when they are not usable. */
function checked(flags: ServeFlags): string | null {
  const token = isLocal(flags.host) ? null : process.env.READOUT_TOKEN ?? null;
  if (!isLocal(flags.host) && !token) throw new Error(`binding to ${flags.host} needs READOUT_TOKEN set; every request must then send it as a Bearer token`);
  if (!/^\d+$/.test(flags.port) || +flags.port > 65535) throw new Error(`--port ${flags.port}: expected a port number`);
  if (flags.workers !== undefined && (!/^\d+$/.test(flags.workers) || +flags.workers < 1 || +flags.workers > 64)) throw new Error(`--workers ${flags.workers}: expected a number from 1 to 64`);
  return token;
}

/** Starts the server in this process; resolves once it listens. */
export async function startServer(flags: ServeFlags, log: (line: string) => void, imports?: ImportService): Promise<Running> {
  const token = checked(flags);
  const ui = flags.ui === false ? null : await ensureUi(log);
  const store = new SqliteStore(flags.db);
  const app = createApi(store, { token, kb: userContext(flags.db).kb, dbPath: flags.db, ui, imports });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: flags.host, port: Number(flags.port) }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${host}:${info.port}/`, server, store });
    });
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${flags.port} is in use: pass --port <another>` : err.message)),
    );
  });
}

/** Runs until SIGINT/SIGTERM, then closes the server and the database. */
const untilSignal = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

export async function serveUntilStopped(running: Running): Promise<void> {
  await untilSignal();
  running.server.close();
  running.store.close();
}

function banner(url: string, flags: ServeFlags, workers: number): void {
  process.stdout.write(`Readout on ${url} (API at ${url}api/…, OpenAPI at ${url}openapi.json) — ${flags.db}${workers > 1 ? ` — ${workers} workers` : ''}\n`);
  if (!isLocal(flags.host)) process.stdout.write(`open ${url}?token=<READOUT_TOKEN> in a browser; API clients send Authorization: Bearer <READOUT_TOKEN>\n`);
}

export async function serveCommand(flags: ServeFlags): Promise<number> {
  const log = (l: string) => process.stdout.write(`${l}\n`);
  const workers = Number(flags.workers ?? 1);
  try {
    if (isWorker()) {
      const running = await startServer(flags, () => {}, new PrimaryImports());
      reportListening(running.url);
      await serveUntilStopped(running);
      process.disconnect?.(); // the channel to the primary would keep this process alive
    } else if (workers > 1) {
      checked(flags);
      // the UI is built once, here, before the workers start serving it
      if (flags.ui !== false) await ensureUi(log);
      const cluster = await startWorkers(workers, flags.db);
      banner(cluster.url, flags, workers);
      await untilSignal();
      await cluster.stop();
    } else {
      const running = await startServer(flags, log);
      banner(running.url, flags, 1);
      await serveUntilStopped(running);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`readout serve: ${(err as Error).message}\n`);
    return 2;
  }
}
