/** Import: files are uploaded (with the upload's own progress), then read, analysed and linked on the server. */
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { DATA_CHANGED, getJson, useApi, type ImportJob } from '../api.ts';
import { ErrorBox } from '../components.tsx';
import { ApiError } from '../api.ts';

const PHASES: Record<ImportJob['phase'], string> = { queued: 'waiting for an earlier import', ingest: 'reading articles', analyse: 'analysing', link: 'linking events', done: 'done' };

function upload(files: File[], onProgress: (share: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}') as ImportJob & { message?: string };
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(body.message ?? `${xhr.status}`, xhr.status));
    };
    xhr.onerror = () => reject(new ApiError('the upload failed: the server does not answer', 0));
    xhr.send(form);
  });
}

function JobView({ job, current = false }: { job: ImportJob; current?: boolean }) {
  return (
    <div className={`job job-${job.state}`} data-testid={current ? 'import-current' : 'import-job'}>
      <p>
        <b>{job.files.join(', ')}</b> — {job.state === 'failed' ? 'failed' : PHASES[job.phase]}
      </p>
      <progress max={1} value={job.progress} aria-label="import progress" />
      <p className="meta">
        {job.items} items read · {job.ingested} new documents · {job.duplicates} duplicates · {job.errors} errors
        {job.phase === 'analyse' || job.phase === 'link' || job.phase === 'done' ? <> · {job.analysed} analysed</> : null}
        {job.state === 'done' ? <> · {job.events} events in the record</> : null}
      </p>
      {job.message ? <p className="warning">{job.message}</p> : null}
      {job.errorList.length ? (
        <details open>
          <summary>{job.errorList.length} input{job.errorList.length === 1 ? '' : 's'} could not be read</summary>
          <ul>
            {job.errorList.map((e, i) => (
              <li key={i}>
                <code>{e.code}</code> {e.source.split('/').pop()}: {e.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {job.state === 'done' ? <p><a href="#/">See the events on the timeline →</a></p> : null}
    </div>
  );
}

export function ImportPage() {
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<number | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const history = useApi<{ items: ImportJob[] }>('/api/import');
  const input = useRef<HTMLInputElement>(null);

  const finished = job?.state === 'done' || job?.state === 'failed';
  useEffect(() => {
    if (!finished) return;
    history.reload();
    // the counts in the footer, and any list open elsewhere, are now out of date
    window.dispatchEvent(new Event(DATA_CHANGED));
  }, [finished]);

  useEffect(() => {
    if (!job || job.state === 'done' || job.state === 'failed') return;
    const t = setTimeout(() => getJson<ImportJob>(`/api/import/${job.id}`).then(setJob, setError), 400);
    return () => clearTimeout(t);
  }, [job]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!files.length) return;
    setError(null);
    setJob(null);
    setSent(0);
    try {
      setJob(await upload(files, setSent));
      setFiles([]);
      if (input.current) input.current.value = '';
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setSent(null);
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setFiles([...e.dataTransfer.files]);
  };

  return (
    <section>
      <h1>Import articles</h1>
      <p>
        Files of articles: <code>.txt</code>, <code>.md</code>, <code>.html</code>, <code>.json</code> (a record or a list), <code>.jsonl</code> (one article per line), or any of them gzipped. Each is read, cleaned, analysed and linked into the record of events; an input already imported is skipped.
      </p>
      <form onSubmit={submit} className="import" onDragOver={(e) => e.preventDefault()} onDrop={drop}>
        <label className="drop">
          <input ref={input} type="file" name="files" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          <span>{files.length ? `${files.length} file${files.length === 1 ? '' : 's'}: ${files.map((f) => f.name).join(', ')}` : 'Choose files, or drop them here'}</span>
        </label>
        <button type="submit" disabled={!files.length || sent !== null}>
          Import
        </button>
      </form>
      {sent !== null ? (
        <div className="job">
          <p>Uploading…</p>
          <progress max={1} value={sent} aria-label="upload progress" />
        </div>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
      {job ? <JobView job={job} current /> : null}
      {history.data?.items.filter((j) => j.id !== job?.id).length ? (
        <>
          <h2>Earlier imports</h2>
          {history.data.items.filter((j) => j.id !== job?.id).map((j) => <JobView key={j.id} job={j} />)}
        </>
      ) : null}
    </section>
  );
}
