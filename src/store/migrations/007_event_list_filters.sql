-- The list order index also carries the columns the common filters test (states, type, status), so a filtered
-- page is found in the index and only the rows on the page are read from the table.
DROP INDEX linked_events_order;
CREATE INDEX linked_events_order ON linked_events((date_earliest IS NULL), date_earliest DESC, documents DESC, id, countries, event, status);
