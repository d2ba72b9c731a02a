-- Documents, where they came from, and what went wrong. A document's id is the hash of its clean text, so
-- ingesting the same text twice finds the row already there.
CREATE TABLE documents (
  id                 TEXT PRIMARY KEY,
  source             TEXT NOT NULL,
  title              TEXT,
  outlet             TEXT,
  author             TEXT,
  url                TEXT,
  language           TEXT,
  published_earliest TEXT,
  published_latest   TEXT,
  published_text     TEXT,
  published_basis    TEXT,
  published_estimate INTEGER NOT NULL DEFAULT 0,
  duplicate_of       TEXT REFERENCES documents(id),
  sections           TEXT NOT NULL,  -- JSON: Section[]
  repeated_blocks    TEXT NOT NULL,  -- JSON: RepeatedBlock[]
  warnings           TEXT NOT NULL,  -- JSON: string[]
  text               TEXT NOT NULL,
  ingested_at        TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published_earliest);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

-- Every input item seen: a source seen again with the same fingerprint is skipped before any work.
CREATE TABLE sources (
  source      TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  document_id TEXT REFERENCES documents(id),
  outcome     TEXT NOT NULL CHECK (outcome IN ('ingested', 'duplicate', 'error')),
  seen_at     TEXT NOT NULL
);
CREATE INDEX sources_document ON sources(document_id);

CREATE TABLE ingest_errors (
  source  TEXT NOT NULL,
  code    TEXT NOT NULL,
  message TEXT NOT NULL,
  at      TEXT NOT NULL,
  PRIMARY KEY (source, code)
);

-- MinHash signatures and their LSH buckets, for near-duplicate search.
CREATE TABLE minhash (
  document_id TEXT PRIMARY KEY REFERENCES documents(id),
  signature   BLOB NOT NULL
);
CREATE TABLE lsh (
  band        INTEGER NOT NULL,
  bucket      INTEGER NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id),
  PRIMARY KEY (band, bucket, document_id)
) WITHOUT ROWID;

-- Full-text search over title and clean text, kept in step by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='porter unicode61');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
