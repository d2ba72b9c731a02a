/**
 * The store's interface: what ingestion, analysis and serving need from a database. SQLite implements it
 * (embedded default); a PostgreSQL backend for shared deployments implements the same interface.
 */
import type { Document } from '../model/document.ts';
import type { IngestError } from '../model/messages.ts';
import type { ImportedPosition } from '../kb/import.ts';

export type SourceOutcome = 'ingested' | 'duplicate' | 'error';

export interface StoredDocument {
  document: Document;
  signature: Uint32Array;
  bands: number[];
}

export interface DocumentSummary {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  duplicateOf: string | null;
}

export interface StoreCounts {
  documents: number;
  duplicates: number;
  nonEnglish: number;
  errors: number;
}

export interface Repository {
  /** true when this exact input was seen before (same source, same bytes) */
  seenSource(source: string, fingerprint: string): boolean;
  recordSource(source: string, fingerprint: string, outcome: SourceOutcome, documentId: string | null): void;
  /** the document an input became, if it became one */
  documentOfSource(source: string): string | null;
  hasDocument(id: string): boolean;
  /** the earliest stored document whose text is nearly the same, if any */
  findNearDuplicate(signature: Uint32Array, bands: number[], threshold: number): string | null;
  putDocument(doc: StoredDocument): void;
  putError(error: IngestError): void;
  /** runs `fn` in one transaction */
  transaction<T>(fn: () => T): T;
  getDocument(id: string): Document | null;
  listDocuments(opts?: { limit?: number; offset?: number }): DocumentSummary[];
  search(query: string, opts?: { limit?: number; offset?: number }): Array<DocumentSummary & { snippet: string }>;
  errors(): IngestError[];
  /** positions imported with `readout kb import` */
  putPositions(rows: ImportedPosition[]): number;
  importedPositions(): ImportedPosition[];
  counts(): StoreCounts;
  close(): void;
}
