-- bilat store, schema version 2: an inverted index for full-text search.
-- One row per distinct word of a document (see bilat.store.search for what a word
-- is): the word, the document, how often the word occurs in it. The store writes
-- these rows in the transaction that writes the document; opening an older store
-- for writing fills them for what it already holds.

CREATE TABLE article_terms (
    term VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    tf INTEGER NOT NULL
);

CREATE INDEX article_terms_by_term ON article_terms (term);

CREATE TABLE event_terms (
    term VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    tf INTEGER NOT NULL
);

CREATE INDEX event_terms_by_term ON event_terms (term);
