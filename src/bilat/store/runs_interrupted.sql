-- A run stopped by Ctrl-C (SIGINT): its whole batches are stored, the rest is not read.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS interrupted BOOLEAN DEFAULT FALSE;
