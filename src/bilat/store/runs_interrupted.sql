-- A run stopped by Ctrl-C (SIGINT): its whole batches are stored, the rest is not read.
ALTER TABLE runs ADD COLUMN interrupted BOOLEAN DEFAULT FALSE;
