/**
 * Imports from the web UI. Uploaded files are written to a folder of their own and handed to `readout ingest
 * --progress-json` in a child process: the server keeps answering while a large file is read and analysed,
 * a crash of the import cannot take the server down, and the child writes to the same database through its
 * own connection (WAL lets the server read meanwhile). Imports run one at a time, in the order they came.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportProgress } from '../cli/ingest.ts';

const CLI = fileURLToPath(new URL('../../bin/readout.js', import.meta.url));

export interface ImportJob {
  id: string;
  files: string[];
  state: 'queued' | 'running' | 'done' | 'failed';
  phase: 'queued' | 'ingest' | 'analyse' | 'link' | 'done';
  /** 0…1 over the whole import: reading is the first half, analysis most of the rest */
  progress: number;
  items: number;
  ingested: number;
  duplicates: number;
  errors: number;
  analysed: number;
  events: number;
  errorList: Array<{ source: string; code: string; message: string }>;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Uploads written to a folder of their own, ready to be read: what crosses from a worker to the queue. */
export interface StagedUpload {
  dir: string;
  /** file names in `dir` */
  names: string[];
  /** the names the user gave them */
  files: string[];
}

/** The import endpoints' view of imports: one queue in this process, or the primary's when serving in a cluster. */
export interface ImportService {
  submit(files: UploadedFile[]): Promise<ImportJob>;
  get(id: string): Promise<ImportJob | undefined>;
  list(): Promise<ImportJob[]>;
}

export function stage(files: UploadedFile[]): StagedUpload {
  const dir = mkdtempSync(join(tmpdir(), 'readout-import-'));
  const names = files.map((f, i) => {
    const name = safeName(f.name, i);
    writeFileSync(join(dir, name), f.bytes);
    return name;
  });
  return { dir, names, files: files.map((f) => f.name) };
}

/** Upload names become file names in the job's folder: no paths, no hidden files, the extension kept. */
function safeName(name: string, i: number): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^\w.\-]+/g, '_').replace(/^\.+/, '');
  return `${String(i + 1).padStart(3, '0')}-${base || 'upload.txt'}`;
}

export class ImportQueue implements ImportService {
  private readonly jobs = new Map<string, ImportJob>();
  private tail: Promise<void> = Promise.resolve();
  private seq = 0;

  constructor(private readonly dbPath: string, private readonly onChange: () => void = () => {}) {}

  async get(id: string): Promise<ImportJob | undefined> {
    return this.jobs.get(id);
  }

  async list(): Promise<ImportJob[]> {
    return [...this.jobs.values()].reverse();
  }

  async submit(files: UploadedFile[]): Promise<ImportJob> {
    return this.enqueue(stage(files));
  }

  /** Queues uploads already written to their folder; the folder is removed when the import ends. */
  enqueue({ dir, names, files }: StagedUpload): ImportJob {
    const id = `imp-${Date.now().toString(36)}-${(++this.seq).toString(36)}`;
    const job: ImportJob = {
      id, files, state: 'queued', phase: 'queued', progress: 0, items: 0, ingested: 0, duplicates: 0, errors: 0,
      analysed: 0, events: 0, errorList: [], message: null, startedAt: new Date().toISOString(), finishedAt: null,
    };
    this.jobs.set(id, job);
    this.tail = this.tail.then(() => this.run(job, dir, names)).finally(() => rmSync(dir, { recursive: true, force: true }));
    return job;
  }

  /** Resolves when every submitted import has finished. */
  idle(): Promise<void> {
    return this.tail;
  }

  private run(job: ImportJob, dir: string, names: string[]): Promise<void> {
    job.state = 'running';
    job.phase = 'ingest';
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, '--db', this.dbPath, 'ingest', ...names.map((n) => join(dir, n)), '--progress-json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let buffered = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (line.startsWith('{')) this.apply(job, JSON.parse(line) as ImportProgress);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-4000);
      });
      child.on('close', (code) => {
        job.finishedAt = new Date().toISOString();
        if (job.phase === 'done') {
          job.state = 'done';
        } else {
          job.state = 'failed';
          job.message = `the import stopped (exit ${code})${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}; documents already read are kept`;
        }
        this.onChange();
        resolve();
      });
    });
  }

  private apply(job: ImportJob, p: ImportProgress): void {
    job.phase = p.phase;
    if (p.phase === 'ingest') {
      Object.assign(job, { items: p.items, ingested: p.ingested, duplicates: p.duplicates, errors: p.errors });
      job.progress = p.totalBytes ? 0.5 * Math.min(1, p.bytes / p.totalBytes) : 0.25;
    } else if (p.phase === 'analyse') {
      job.analysed = p.done;
      job.progress = 0.5 + 0.4 * (p.total ? p.done / p.total : 1);
    } else if (p.phase === 'link') {
      job.progress = 0.9;
    } else {
      Object.assign(job, { items: p.items, ingested: p.ingested, duplicates: p.duplicates, errors: p.errors, analysed: p.analysed, events: p.events, errorList: p.errorList });
      job.progress = 1;
      if (p.stopped) job.message = 'stopped early; import again to resume';
    }
    this.onChange();
  }
}
