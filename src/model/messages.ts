/**
 * Problems are messages attached to the item they concern (as in vfile): the same shape is an entry of
 * `errors` in `readout extract`, a row in the store, a line in the CLI and, later, a warning in the UI.
 */

/** Stable codes: scripts and the UI may rely on them. */
export const ERROR_CODES = {
  'not-found': 'the path does not exist',
  unreadable: 'the file could not be read (permissions or I/O)',
  empty: 'the input holds no text',
  binary: 'the input is not text',
  'invalid-utf8': 'the input mixes UTF-8 with invalid byte sequences',
  'corrupt-gzip': 'the gzip stream is truncated or damaged',
  'malformed-json': 'a JSON document or JSONL line does not parse',
  'no-text': 'a record has no text field',
  'too-large': 'the input is larger than the limit for one article',
  'no-article': 'no article text could be found in the page',
  'unsupported-type': 'the file type is not one Readout reads',
  internal: 'Readout failed on this input (a bug: please report it with the input)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface IngestError {
  /** path, path#line, or '-' for stdin */
  source: string;
  code: ErrorCode;
  /** what is wrong and what to do about it, in words a person can act on */
  message: string;
}

/** Thrown inside the pipeline for one item; caught at the batch boundary and turned into an IngestError. */
export class IngestFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngestFailure';
  }
}

export function toIngestError(source: string, err: unknown): IngestError {
  if (err instanceof IngestFailure) return { source, code: err.code, message: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e && e.code === 'ENOENT') return { source, code: 'not-found', message: 'no such file or folder; check the path' };
  if (e && (e.code === 'EACCES' || e.code === 'EPERM'))
    return { source, code: 'unreadable', message: 'permission denied; make the file readable (chmod +r) and run again' };
  if (e && (e.code === 'EISDIR' || e.code === 'EIO' || e.code === 'ELOOP'))
    return { source, code: 'unreadable', message: `could not read the file (${e.code})` };
  const msg = err instanceof Error ? err.message : String(err);
  return { source, code: 'internal', message: `unexpected failure: ${msg}` };
}
