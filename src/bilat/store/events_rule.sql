-- The side rule that found an event's source and target (its provenance); empty for
-- events stored before, or read from files that do not say.
ALTER TABLE events ADD COLUMN IF NOT EXISTS side_rule VARCHAR DEFAULT '';
