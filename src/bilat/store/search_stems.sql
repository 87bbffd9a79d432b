-- bilat store, schema version 3: the search index holds English Snowball stems instead
-- of words ("pipelines" and "pipeline" are one term; see bilat.store.search). The rows
-- of the word index are dropped here; opening the store for writing refills the index
-- from the documents stored.

DELETE FROM article_terms;

DELETE FROM event_terms;
