-- The event list is the busiest read: it is served from an index in its own order (no sort of every event per
-- request) and from a compact summary (the event without its accounts), so a page is neither sorted nor parsed.
CREATE INDEX linked_events_order ON linked_events((date_earliest IS NULL), date_earliest DESC, documents DESC, id);
ALTER TABLE linked_events ADD COLUMN summary TEXT;
UPDATE linked_events SET summary = json_set(
  json_remove(record, '$.accounts', '$.divergences', '$.mentions'),
  '$.accounts', json_array_length(record, '$.accounts'),
  '$.divergences', json_array_length(record, '$.divergences'),
  '$.mentions', json_array_length(record, '$.mentions'),
  '$.outlets', (SELECT json_group_array(o) FROM (SELECT DISTINCT json_extract(a.value, '$.outlet') AS o FROM json_each(record, '$.accounts') a WHERE o IS NOT NULL))
);
