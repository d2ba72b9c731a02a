/** `readout serve`: the web UI and the HTTP API on 127.0.0.1 (another address only with READOUT_TOKEN set). */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApi } from '../serve/api.ts';
import { ensureUi } from '../serve/build.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { userContext } from './extract.ts';

export interface ServeFlags {
  db: string;
  host: string;
  port: string;
  /** API only: no web UI (and no build) */
  ui?: boolean;
}

export interface Running {
  url: string;
  server: ServerType;
  store: SqliteStore;
}

export function isLocal(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

/** Starts the server; resolves once it listens. */
export async function startServer(flags: ServeFlags, log: (line: string) => void): Promise<Running> {
  const token = isLocal(flags.host) ? null : process.env.READOUT_TOKEN ?? null;
  if (!isLocal(flags.host) && !token) throw new Error(`binding to ${flags.host} needs READOUT_TOKEN set; every request must then send it as a Bearer token`);
  if (!/^\d+$/.test(flags.port) || +flags.port > 65535) throw new Error(`--port ${flags.port}: expected a port number`);
  const ui = flags.ui === false ? null : await ensureUi(log);
  const store = new SqliteStore(flags.db);
  const app = createApi(store, { token, kb: userContext(flags.db).kb, dbPath: flags.db, ui });
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
export async function serveUntilStopped(running: Running): Promise<void> {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  running.server.close();
  running.store.close();
}

export async function serveCommand(flags: ServeFlags): Promise<number> {
  let running: Running;
  try {
    running = await startServer(flags, (l) => process.stdout.write(`${l}\n`));
  } catch (err) {
    process.stderr.write(`readout serve: ${(err as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`Readout on ${running.url} (API at ${running.url}api/…, OpenAPI at ${running.url}openapi.json) — ${flags.db}\n`);
  if (!isLocal(flags.host)) process.stdout.write(`open ${running.url}?token=<READOUT_TOKEN> in a browser; API clients send Authorization: Bearer <READOUT_TOKEN>\n`);
  await serveUntilStopped(running);
  return 0;
}
