-- Quotations, one row each, so the API can page and filter them without reading every analysis. Rows of
-- documents analysed before this table existed are filled from their stored analyses (offsets are UTF-16
-- units in JS and characters in SQLite: they differ only after astral characters, which news text rarely has).
CREATE TABLE quotes (
  id             TEXT PRIMARY KEY,
  document_id    TEXT NOT NULL REFERENCES documents(id),
  kind           TEXT NOT NULL,
  speaker        TEXT,               -- canonical name, or the words naming the speaker
  speaker_country TEXT,
  start          INTEGER NOT NULL,
  end            INTEGER NOT NULL,
  text           TEXT NOT NULL
);
CREATE INDEX quotes_document ON quotes(document_id);
CREATE INDEX quotes_speaker ON quotes(speaker);

INSERT OR IGNORE INTO quotes (id, document_id, kind, speaker, speaker_country, start, end, text)
SELECT json_extract(q.value, '$.id'), a.document_id, json_extract(q.value, '$.kind'),
       coalesce(json_extract(q.value, '$.speaker.name'), json_extract(q.value, '$.speaker.text')),
       json_extract(q.value, '$.speaker.country'),
       json_extract(q.value, '$.content.start'), json_extract(q.value, '$.content.end'),
       substr(d.text, json_extract(q.value, '$.content.start') + 1, json_extract(q.value, '$.content.end') - json_extract(q.value, '$.content.start'))
FROM analyses a JOIN documents d ON d.id = a.document_id, json_each(a.analysis, '$.quotes') q;
