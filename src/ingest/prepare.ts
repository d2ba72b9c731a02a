/**
 * One raw item to one `Document`, as a chain of small steps over a working file (decode → main text → clean →
 * metadata → sections → language → fingerprint). Each step adds to the file or throws an IngestFailure that
 * names what is wrong; nothing here touches the store, so the same function serves `ingest` and `extract`.
 */
import type { Document } from '../model/document.ts';
import { IngestFailure } from '../model/messages.ts';
import { cleanText, type Cleaned } from './clean.ts';
import { decode } from './decode.ts';
import { bandKeys, contentHash, documentId, minhash, shingleHashes } from './fingerprint.ts';
import { extractHtml, type PageMeta } from './html.ts';
import { detectLanguage } from './language.ts';
import { resolveMetadata, type RecordMeta } from './metadata.ts';
import { assemble } from './sections.ts';
import type { RawItem } from './sources.ts';

/** A web page with less text than this is a navigation page or a shell filled in by scripts. */
const MIN_PAGE_WORDS = 20;

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

export type RecordField = 'text' | 'title' | 'url' | 'published' | 'outlet' | 'authors';

/** Where each field is looked for in a JSON record, in order; `--map field=key` puts a key first. */
export const DEFAULT_FIELD_KEYS: Record<RecordField, string[]> = {
  text: ['text', 'content', 'body', 'article', 'articleBody', 'full_text', 'maintext', 'story'],
  title: ['title', 'headline', 'name'],
  url: ['url', 'link', 'href', 'canonical_url', 'permalink'],
  published: ['published', 'date', 'datePublished', 'publish_date', 'published_at', 'pubDate', 'date_publish', 'created_at', 'timestamp'],
  outlet: ['outlet', 'source', 'site', 'publisher', 'source_domain', 'siteName', 'site_name', 'domain'],
  authors: ['authors', 'author', 'byline', 'creator'],
};

export type FieldMap = Partial<Record<RecordField, string>>;

/** Parses `--map` values: "text=body", "published=meta.date" (dots reach into nested objects). */
export function parseFieldMap(specs: string[]): FieldMap {
  const map: FieldMap = {};
  for (const spec of specs.flatMap((s) => s.split(','))) {
    const m = /^\s*(\w+)\s*=\s*([\w.$@-]+)\s*$/.exec(spec);
    if (!m || !(m[1]! in DEFAULT_FIELD_KEYS)) {
      throw new Error(`--map ${spec}: expected field=key with field one of ${Object.keys(DEFAULT_FIELD_KEYS).join(', ')}`);
    }
    map[m[1] as RecordField] = m[2]!;
  }
  return map;
}

export interface Prepared {
  document: Document;
  /** hash of the raw item: the same input seen again is skipped before any work */
  fingerprint: string;
  signature: Uint32Array;
  bands: number[];
}

export interface PrepareOptions {
  fieldMap?: FieldMap;
  maxBytes: number;
}

/** Like prepare, but only the fingerprint: to skip items the store has already seen. */
export function itemFingerprint(item: Exclude<RawItem, { kind: 'error' }>): string {
  return contentHash(item.kind === 'file' ? item.bytes : item.raw);
}

export function prepare(item: Exclude<RawItem, { kind: 'error' }>, opts: PrepareOptions): Prepared {
  const warnings: string[] = [];
  let raw: string;
  let format: 'text' | 'markdown' | 'html';
  let record: RecordMeta = {};
  if (item.kind === 'file') {
    const decoded = decode(item.bytes, item.format);
    warnings.push(...decoded.warnings);
    raw = decoded.text;
    format = item.format;
  } else {
    const r = readRecord(item.record, opts.fieldMap ?? {});
    if (r.text.length > opts.maxBytes) throw new IngestFailure('too-large', `the record's text is ${(r.text.length / 1048576).toFixed(1)} MB, over the limit for one article`);
    raw = r.text;
    record = r.meta;
    format = /^\s*<(?:!doctype|html|body|article|div|p)\b/i.test(raw) ? 'html' : 'text';
  }

  let page: PageMeta | null = null;
  if (format === 'html') {
    const extracted = extractHtml(raw);
    page = extracted.meta;
    raw = extracted.text;
  }
  const cleaned: Cleaned = cleanText(raw, { title: record.title ?? page?.title ?? null, markup: format !== 'html' });
  const meta = resolveMetadata({ cleaned, record, page });
  const { text, sections, repeatedBlocks } = assemble(cleaned, meta.published);
  if (!text.trim()) {
    throw new IngestFailure(format === 'html' ? 'no-article' : 'empty', 'nothing is left once page furniture is removed: the input holds no article text');
  }
  if (format === 'html' && wordCount(text) < MIN_PAGE_WORDS) {
    throw new IngestFailure('no-article', `the page has only ${wordCount(text)} words of text outside its navigation and scripts; it is not an article (an index, a login wall or a script-only page?)`);
  }
  const language = detectLanguage(text);
  if (language && language !== 'en') warnings.push(`language is ${language}: stored, but not analysed`);
  if (meta.published.estimate) warnings.push(`publication date is an estimate (${meta.published.basis})`);

  const shingles = shingleHashes(text);
  const signature = minhash(shingles);
  return {
    document: {
      id: documentId(text),
      source: item.source,
      ...meta,
      language,
      duplicateOf: null,
      sections,
      repeatedBlocks,
      text,
      warnings,
    },
    fingerprint: itemFingerprint(item),
    signature,
    bands: bandKeys(signature),
  };
}

function pick(record: Record<string, unknown>, keys: string[]): unknown {
  for (const key of keys) {
    let v: unknown = record;
    for (const part of key.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function asText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(asText).filter((x): x is string => !!x);
    return parts.length ? parts.join(', ') : null;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return asText(o.name ?? o.title ?? o['$date'] ?? o.value ?? null);
  }
  return null;
}

function readRecord(record: Record<string, unknown>, map: FieldMap): { text: string; meta: RecordMeta } {
  const keys = (f: RecordField) => (map[f] ? [map[f]!, ...DEFAULT_FIELD_KEYS[f]] : DEFAULT_FIELD_KEYS[f]);
  const text = asText(pick(record, keys('text')));
  if (!text || !text.trim()) {
    const present = Object.keys(record).slice(0, 12).join(', ');
    throw new IngestFailure('no-text', `the record has no text field (looked for ${keys('text').slice(0, 4).join(', ')}…; it has: ${present}); name it with --map text=<key>`);
  }
  return {
    text,
    meta: {
      title: asText(pick(record, keys('title'))),
      url: asText(pick(record, keys('url'))),
      published: asText(pick(record, keys('published'))),
      outlet: asText(pick(record, keys('outlet'))),
      author: asText(pick(record, keys('authors'))),
    },
  };
}
