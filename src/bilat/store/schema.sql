-- bilat store, schema version 1.
-- Plain SQL that DuckDB and PostgreSQL both accept, so one migration list can
-- serve both stores. Column names carry a prefix where the bare word is
-- reserved somewhere (end, type, symmetric, trigger).
-- Decimals are stored as their exact text (str(Decimal)), so 1.50E+3 comes back
-- as 1.50E+3; cast to DECIMAL in queries that need arithmetic.

CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    applied TIMESTAMP NOT NULL
);

-- seq keeps the order articles were stored in, for listings.
CREATE SEQUENCE article_seq START 1;

CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL DEFAULT nextval('article_seq'),
    source VARCHAR NOT NULL,
    body VARCHAR NOT NULL,
    title VARCHAR,
    author VARCHAR,
    publisher VARCHAR,
    url VARCHAR,
    -- published DateSpan; all five NULL when the date is unknown
    published_start DATE,
    published_end DATE,
    published_granularity VARCHAR,
    published_text VARCHAR,
    published_inferred BOOLEAN,
    language VARCHAR NOT NULL,
    boilerplate_removed INTEGER NOT NULL
);

CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    -- Evidence.article_id; always the article the event was stored with
    article_id VARCHAR NOT NULL REFERENCES articles (id),
    event_type VARCHAR NOT NULL,
    event_mode VARCHAR,
    is_symmetric BOOLEAN NOT NULL,
    status VARCHAR NOT NULL,
    intensity DOUBLE PRECISION NOT NULL,
    confidence DOUBLE PRECISION NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    extractor_version VARCHAR NOT NULL,
    -- source Mention; source_code NULL when it resolved to no actor
    source_text VARCHAR NOT NULL,
    source_start BIGINT NOT NULL,
    source_end BIGINT NOT NULL,
    source_code VARCHAR,
    source_name VARCHAR,
    source_sector VARCHAR,
    -- target Mention; target_text NULL when there is no target
    target_text VARCHAR,
    target_start BIGINT,
    target_end BIGINT,
    target_code VARCHAR,
    target_name VARCHAR,
    target_sector VARCHAR,
    -- event DateSpan; date_start NULL when undated
    date_start DATE,
    date_end DATE,
    date_granularity VARCHAR,
    date_text VARCHAR,
    date_inferred BOOLEAN,
    evidence_sentence VARCHAR NOT NULL,
    evidence_start BIGINT NOT NULL,
    evidence_end BIGINT NOT NULL,
    evidence_trigger VARCHAR NOT NULL
);

-- Event.contexts and Event.amounts are tuples; position keeps their order.
CREATE TABLE event_contexts (
    event_id VARCHAR NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    context VARCHAR NOT NULL,
    PRIMARY KEY (event_id, position)
);

CREATE TABLE event_amounts (
    event_id VARCHAR NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    amount_value VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    amount_text VARCHAR NOT NULL,
    value_usd VARCHAR,
    PRIMARY KEY (event_id, position)
);

CREATE TABLE runs (
    id VARCHAR PRIMARY KEY,
    started TIMESTAMP NOT NULL,
    finished TIMESTAMP,
    seen INTEGER NOT NULL DEFAULT 0,
    stored INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0
);

CREATE SEQUENCE rejection_seq START 1;

CREATE TABLE rejections (
    seq BIGINT PRIMARY KEY DEFAULT nextval('rejection_seq'),
    run_id VARCHAR NOT NULL REFERENCES runs (id),
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    source VARCHAR NOT NULL
);
