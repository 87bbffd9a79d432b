"""Pure analysis over records: dyad timelines, series, cooperation, sectors, drivers."""
