-- The link graph, kept so that a new document links in without relinking the store: the keys each event mention
-- is filed under (type, pair of states, month or person), the pairs of mentions that report the same real event,
-- and which mentions are indexed already. Linked events are read off the connected part a new mention touches.
CREATE TABLE link_keys (
  key        TEXT NOT NULL,
  mention_id TEXT NOT NULL,
  PRIMARY KEY (key, mention_id)
) WITHOUT ROWID;
CREATE INDEX link_keys_mention ON link_keys(mention_id);
CREATE TABLE link_edges (
  a TEXT NOT NULL,                    -- the smaller mention id
  b TEXT NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX link_edges_b ON link_edges(b);
CREATE TABLE link_indexed (
  mention_id TEXT PRIMARY KEY
) WITHOUT ROWID;
