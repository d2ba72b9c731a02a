/**
 * Source adapters: turn paths, folders and stdin into raw items. An item is a whole file (text, Markdown or
 * HTML bytes) or one record of a JSON/JSONL export. Nothing here interprets the text; failures become items of
 * kind 'error' so that one bad file never stops the batch.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
import { extname, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { IngestFailure, toIngestError, type IngestError } from '../model/messages.ts';

export type FileFormat = 'text' | 'markdown' | 'html';

export type RawItem =
  | { kind: 'file'; source: string; format: FileFormat; bytes: Buffer }
  | { kind: 'record'; source: string; record: Record<string, unknown>; raw: string }
  | { kind: 'error'; source: string; error: IngestError };

export interface SourceOptions {
  /** largest single article accepted, in bytes (a file, or one JSON record) */
  maxBytes: number;
  /** stdin, for '-' */
  stdin?: Readable;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const FILE_FORMATS: Record<string, FileFormat> = {
  '.txt': 'text', '.text': 'text',
  '.md': 'markdown', '.markdown': 'markdown',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
};
const RECORD_FORMATS: Record<string, 'json' | 'jsonl'> = { '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

/** What a file name says about its content: the format, and whether it is gzipped. */
export function classify(path: string): { format: FileFormat | 'json' | 'jsonl' | null; gzip: boolean } {
  let name = path.toLowerCase();
  const gzip = name.endsWith('.gz');
  if (gzip) name = name.slice(0, -3);
  const ext = extname(name);
  return { format: FILE_FORMATS[ext] ?? RECORD_FORMATS[ext] ?? null, gzip };
}

/** Every raw item under the given paths, in a stable order (folders are walked sorted). */
export async function* readSources(paths: string[], opts: SourceOptions): AsyncGenerator<RawItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* readStdin(opts);
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(path);
    } catch (err) {
      yield { kind: 'error', source: path, error: toIngestError(path, err) };
      continue;
    }
    if (stat.isDirectory()) {
      for await (const file of walk(path)) yield* readFile(file, opts);
    } else {
      yield* readFile(path, opts);
    }
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    // symlinks are followed; a broken one is reported when it is read
    else if ((e.isFile() || e.isSymbolicLink()) && classify(p).format) yield p;
  }
}

async function* readFile(path: string, opts: SourceOptions): AsyncGenerator<RawItem> {
  const { format, gzip } = classify(path);
  try {
    if (format === 'jsonl') {
      yield* readJsonLines(path, createReadStream(path), gzip, opts);
      return;
    }
    const stat = await fs.stat(path);
    // A record file may hold many articles; an article file is one article, so its size is bounded.
    const limit = format === 'json' ? opts.maxBytes * 50 : opts.maxBytes;
    if (!gzip && stat.size > limit) throw tooLarge(stat.size, limit);
    let bytes: Buffer = await fs.readFile(path);
    if (gzip) bytes = gunzip(bytes, limit);
    if (format === 'json') {
      yield* readJsonDocument(path, bytes);
      return;
    }
    yield { kind: 'file', source: path, format: format ?? sniffFormat(bytes), bytes };
  } catch (err) {
    yield { kind: 'error', source: path, error: toIngestError(path, err) };
  }
}

async function* readStdin(opts: SourceOptions): AsyncGenerator<RawItem> {
  const stdin = opts.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += b.length;
    chunks.push(b);
  }
  let bytes: Buffer = Buffer.concat(chunks, size);
  try {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzip(bytes, opts.maxBytes * 50);
    const head = bytes.subarray(0, 512).toString('utf8').trimStart();
    if (head.startsWith('[')) {
      yield* readJsonDocument('-', bytes);
    } else if (head.startsWith('{')) {
      const { Readable: R } = await import('node:stream');
      yield* readJsonLines('-', R.from([bytes]), false, opts);
    } else {
      if (bytes.length > opts.maxBytes) throw tooLarge(bytes.length, opts.maxBytes);
      yield { kind: 'file', source: '-', format: sniffFormat(bytes), bytes };
    }
  } catch (err) {
    yield { kind: 'error', source: '-', error: toIngestError('-', err) };
  }
}

function sniffFormat(bytes: Buffer): FileFormat {
  const head = bytes.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  return /^(<!doctype html|<html|<head|<body|<article|<\?xml)/.test(head) ? 'html' : 'text';
}

function gunzip(bytes: Buffer, limit: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit + 1 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger|buffer.*larger/i.test(e.message))
      throw tooLarge(limit + 1, limit);
    throw new IngestFailure('corrupt-gzip', `the gzip data is damaged or truncated (${e.message}); re-download or re-compress the file`);
  }
}

export function tooLarge(size: number, limit: number): IngestFailure {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return new IngestFailure(
    'too-large',
    `${mb(size)} MB is more than the ${mb(limit)} MB limit for one article; split the file or raise --max-size`,
  );
}

function readJsonDocument(path: string, bytes: Buffer): RawItem[] {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new IngestFailure('empty', 'the JSON file is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new IngestFailure('malformed-json', `not valid JSON (${(err as Error).message}); fix the file or export it again`);
  }
  // Common export shapes: an array of records, one record, or {articles|items|data|records: [...]}.
  let records: unknown[];
  if (Array.isArray(data)) records = data;
  else if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    const inner = ['articles', 'items', 'data', 'records', 'documents', 'results'].map((k) => o[k]).find(Array.isArray);
    records = (inner as unknown[] | undefined) ?? [o];
  } else {
    throw new IngestFailure('malformed-json', 'the JSON holds neither a record nor a list of records');
  }
  return records.map((r, i): RawItem => {
    const source = records.length === 1 && !Array.isArray(data) ? path : `${path}#${i + 1}`;
    if (!r || typeof r !== 'object' || Array.isArray(r))
      return { kind: 'error', source, error: { source, code: 'malformed-json', message: `item ${i + 1} is not a JSON object` } };
    return { kind: 'record', source, record: r as Record<string, unknown>, raw: JSON.stringify(r) };
  });
}

/**
 * JSON Lines, streamed so a large export never sits in memory whole. A line longer than the limit is
 * skipped without being buffered (it becomes an error), and a damaged gzip stream ends the file with an
 * error after the records read so far.
 */
async function* readJsonLines(path: string, input: Readable, gzip: boolean, opts: SourceOptions): AsyncGenerator<RawItem> {
  const stream: Readable = gzip ? input.pipe(createGunzip()) : input;
  if (gzip) input.on('error', (err) => stream.destroy(err));
  let parts: Buffer[] = [];
  let size = 0;
  let oversize = false;
  let lineNo = 0;
  const append = (piece: Buffer) => {
    size += piece.length;
    if (oversize) return;
    if (size > opts.maxBytes) {
      oversize = true;
      parts = [];
    } else if (piece.length) parts.push(Buffer.from(piece));
  };
  const finishLine = (): RawItem | null => {
    lineNo++;
    const item = oversize
      ? lineError(`${path}#${lineNo}`, tooLarge(size, opts.maxBytes))
      : parseRecordLine(`${path}#${lineNo}`, Buffer.concat(parts).toString('utf8'), lineNo === 1);
    parts = [];
    size = 0;
    oversize = false;
    return item;
  };
  try {
    for await (const chunk of stream) {
      let buf = chunk as Buffer;
      for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a)) {
        append(buf.subarray(0, nl));
        const item = finishLine();
        if (item) yield item;
        buf = buf.subarray(nl + 1);
      }
      append(buf);
    }
    if (size > 0) {
      const item = finishLine();
      if (item) yield item;
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (gzip && /^Z_|ERR_ZLIB/.test(String(e.code ?? '')) || /unexpected end of file/i.test(e.message)) {
      yield lineError(
        `${path}#${lineNo + 1}`,
        new IngestFailure('corrupt-gzip', `the gzip stream is damaged or truncated after line ${lineNo} (${e.message}); the lines before it were read`),
      );
    } else {
      yield { kind: 'error', source: path, error: toIngestError(path, err) };
    }
  }
}

function lineError(source: string, failure: IngestFailure): RawItem {
  return { kind: 'error', source, error: { source, code: failure.code, message: failure.message } };
}

function parseRecordLine(source: string, text: string, first: boolean): RawItem | null {
  if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return null;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (err) {
    return lineError(source, new IngestFailure('malformed-json', `the line is not valid JSON (${(err as Error).message}); fix or remove it`));
  }
  if (!record || typeof record !== 'object' || Array.isArray(record))
    return lineError(source, new IngestFailure('malformed-json', 'the line is JSON but not an object; each line must be one record {…}'));
  return { kind: 'record', source, record: record as Record<string, unknown>, raw: text };
}

/** A source name relative to the working directory when that is shorter, so stored sources stay readable. */
export function displaySource(path: string, cwd = process.cwd()): string {
  if (path === '-' || /^[a-z]+:\/\//i.test(path)) return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}
