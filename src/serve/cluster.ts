/**
 * Serving from several processes (`readout serve --workers N`): each worker answers requests with its own
 * read connection to the database (WAL lets them read side by side), the primary shares the port among them
 * and owns the one import queue, so imports still run one at a time and any worker can report on any import.
 * A worker that dies is replaced.
 */
import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { ImportQueue, stage, type ImportJob, type ImportService, type UploadedFile } from './imports.ts';

type Call = { rpc: 'import.submit'; upload: ReturnType<typeof stage> } | { rpc: 'import.get'; id: string } | { rpc: 'import.list' };
type Request = { readoutCall: string } & Call;
type Reply = { readoutReply: string; result: unknown };

/** In a worker: imports go to the primary's queue. */
export class PrimaryImports implements ImportService {
  private readonly waiting = new Map<string, (result: unknown) => void>();

  constructor() {
    process.on('message', (m: Reply) => {
      if (m && typeof m === 'object' && 'readoutReply' in m) {
        this.waiting.get(m.readoutReply)?.(m.result);
        this.waiting.delete(m.readoutReply);
      }
    });
  }

  private call<T>(c: Call): Promise<T> {
    const id = randomUUID();
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (r: unknown) => void);
      process.send!({ readoutCall: id, ...c } satisfies Request);
    });
  }

  submit(files: UploadedFile[]): Promise<ImportJob> {
    // the files are written here; only their folder crosses to the primary
    return this.call({ rpc: 'import.submit', upload: stage(files) });
  }

  async get(id: string): Promise<ImportJob | undefined> {
    return (await this.call<ImportJob | null>({ rpc: 'import.get', id })) ?? undefined;
  }

  list(): Promise<ImportJob[]> {
    return this.call({ rpc: 'import.list' });
  }
}

export const isWorker = () => cluster.isWorker;

/** Tells the primary where this worker listens. */
export function reportListening(url: string): void {
  process.send?.({ readoutListening: url });
}

/**
 * In the primary: starts `count` workers (each runs this same command line) and answers their import calls.
 * Resolves with the address once the first worker listens; `stop` ends them all.
 */
export function startWorkers(count: number, dbPath: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const queue = new ImportQueue(dbPath);
  let stopping = false;
  const answer = async (worker: Worker, m: Request) => {
    const result =
      m.rpc === 'import.submit' ? queue.enqueue(m.upload) : m.rpc === 'import.get' ? ((await queue.get(m.id)) ?? null) : await queue.list();
    if (worker.isConnected()) worker.send({ readoutReply: m.readoutCall, result } satisfies Reply);
  };
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m: Request) => {
      if (m && typeof m === 'object' && 'readoutCall' in m) void answer(w, m);
    });
    return w;
  };
  return new Promise((resolve, reject) => {
    let listening = false;
    cluster.on('message', (_w, m: { readoutListening?: string }) => {
      if (m?.readoutListening && !listening) {
        listening = true;
        resolve({
          url: m.readoutListening,
          stop: async () => {
            stopping = true;
            await Promise.all(Object.values(cluster.workers ?? {}).map((w) => new Promise<void>((done) => (w!.isDead() ? done() : (w!.once('exit', () => done()), w!.kill('SIGTERM'))))));
          },
        });
      }
    });
    cluster.on('exit', (w, code, signal) => {
      if (stopping) return;
      if (!listening) return reject(new Error(`a worker exited (${signal ?? code}) before listening`));
      process.stderr.write(`readout serve: worker ${w.process.pid} exited (${signal ?? code}); starting another\n`);
      fork();
    });
    for (let i = 0; i < count; i++) fork();
  });
}
