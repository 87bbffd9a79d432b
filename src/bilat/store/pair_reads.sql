-- Schema version 6: a pair's page reads its own events and what it needs of them, by index,
-- and finds stored what it used to compute for every request.
-- The unordered pair of actor codes "A B" (A < B) of every event whose sides resolved to
-- different codes (Event.dyad): the index a pair's events are found by.
CREATE TABLE IF NOT EXISTS event_pairs (
    event_id VARCHAR PRIMARY KEY REFERENCES events (id),
    pair VARCHAR NOT NULL
);
INSERT INTO event_pairs (event_id, pair)
SELECT id, LEAST(source_code, target_code) || ' ' || GREATEST(source_code, target_code)
FROM events
WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND source_code <> target_code
    AND id NOT IN (SELECT event_id FROM event_pairs);
CREATE INDEX IF NOT EXISTS event_pairs_pair ON event_pairs (pair);
-- An event's contexts and amounts are read by its id.
CREATE INDEX IF NOT EXISTS event_contexts_event ON event_contexts (event_id);
CREATE INDEX IF NOT EXISTS event_amounts_event ON event_amounts (event_id);
-- The actors an event's evidence sentence names (a brief's drivers), found at ingest. An
-- event without rows here was stored before (or imported): they are found when read.
CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_id);
-- The MinHash signature of an article's body (bilat.dedup.signature) as 16 hex digits per
-- value: fusion counts syndicated copies as one source with it. An article without a row
-- here was stored before: its signature is computed from its body when read.
CREATE TABLE IF NOT EXISTS article_fingerprints (
    article_id VARCHAR PRIMARY KEY REFERENCES articles (id),
    fingerprint VARCHAR NOT NULL
);
