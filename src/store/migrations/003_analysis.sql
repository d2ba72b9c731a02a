-- Analyses of documents (annotations without tokens), the events each document reports, and the events linked
-- across documents. Linked events are rebuilt from event_mentions by `readout analyze` (ids are stable).
CREATE TABLE analyses (
  document_id TEXT PRIMARY KEY REFERENCES documents(id),
  version     INTEGER NOT NULL,
  analysis    TEXT NOT NULL,          -- JSON: Analysis without tokens
  analysed_at TEXT NOT NULL
);
CREATE TABLE event_mentions (
  id            TEXT PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents(id),
  event         TEXT NOT NULL,
  status        TEXT NOT NULL,
  date_earliest TEXT,
  date_latest   TEXT,
  countries     TEXT NOT NULL,        -- ' USA RUS ' for LIKE filters
  record        TEXT NOT NULL         -- JSON: EventMention
);
CREATE INDEX event_mentions_document ON event_mentions(document_id);
CREATE TABLE linked_events (
  id            TEXT PRIMARY KEY,
  event         TEXT NOT NULL,
  status        TEXT NOT NULL,
  date_earliest TEXT,
  date_latest   TEXT,
  countries     TEXT NOT NULL,
  people        TEXT NOT NULL,        -- ' Vladimir Putin | Joe Biden ' for filters
  documents     INTEGER NOT NULL,
  record        TEXT NOT NULL         -- JSON: LinkedEvent with accounts and divergences
);
CREATE INDEX linked_events_date ON linked_events(date_earliest);
CREATE INDEX linked_events_event ON linked_events(event);
CREATE TABLE event_links (
  mention_id TEXT PRIMARY KEY,
  event_id   TEXT NOT NULL
);
CREATE INDEX event_links_event ON event_links(event_id);
