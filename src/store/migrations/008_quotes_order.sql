-- Quotations are listed newest document first: the document's date is kept on each quotation, with an index
-- in that order, so a page of quotations is read in order rather than sorting all of them.
ALTER TABLE quotes ADD COLUMN published TEXT;
UPDATE quotes SET published = (SELECT published_earliest FROM documents d WHERE d.id = quotes.document_id);
CREATE INDEX quotes_order ON quotes((published IS NULL), published DESC, document_id, start);
