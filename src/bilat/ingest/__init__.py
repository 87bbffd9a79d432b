"""Ingest: sources in, clean Articles (or Rejections with a reason) out."""

from bilat.ingest.boilerplate import CleanText, clean_text
from bilat.ingest.reader import read_sources

__all__ = ["CleanText", "clean_text", "read_sources"]
