-- People and positions a user imported (`readout kb import`), read at analysis time beside the bundled KB.
-- Kept in the user's database, never in the product: such files may carry licences that forbid bundling.
CREATE TABLE kb_positions (
  person_id  TEXT NOT NULL,
  person     TEXT NOT NULL,
  gender     TEXT,
  country    TEXT NOT NULL,
  role       TEXT NOT NULL,
  title      TEXT NOT NULL,
  start_day  TEXT NOT NULL,
  end_day    TEXT,
  source     TEXT NOT NULL,
  PRIMARY KEY (person_id, country, title, start_day)
);
CREATE INDEX kb_positions_country_role ON kb_positions(country, role);
