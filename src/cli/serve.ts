/** `readout serve`: the HTTP API on 127.0.0.1 (another address only with READOUT_TOKEN set). */
import { serve } from '@hono/node-server';
import { createApi } from '../serve/api.ts';
import { SqliteStore } from '../store/sqlite.ts';

export async function serveCommand(flags: { db: string; host: string; port: string }): Promise<number> {
  const local = flags.host === '127.0.0.1' || flags.host === 'localhost' || flags.host === '::1';
  const token = process.env.READOUT_TOKEN ?? null;
  if (!local && !token) {
    process.stderr.write(`readout serve: binding to ${flags.host} needs READOUT_TOKEN set; every request must then send it as a Bearer token\n`);
    return 2;
  }
  const store = new SqliteStore(flags.db);
  const app = createApi(store, { token: local ? null : token });
  const port = Number(flags.port);
  await new Promise<void>((resolve) => {
    serve({ fetch: app.fetch, hostname: flags.host, port }, (info) => {
      process.stdout.write(`Readout API on http://${flags.host}:${info.port}/ (OpenAPI at /openapi.json) — ${flags.db}\n`);
      resolve();
    });
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  store.close();
  return 0;
}
