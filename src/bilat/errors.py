"""Exceptions named after what happened."""

from __future__ import annotations


class BilatError(Exception):
    """Base of every error bilat raises on purpose."""


class InputRejected(BilatError):
    """An input could not be turned into an article; the message is the one-line reason."""


class UnknownActor(BilatError):
    """A country or organisation name or code resolves to nothing bilat knows."""


class QueryInvalid(BilatError, ValueError):
    """A query that can match nothing by construction, e.g. ``since`` after ``until``."""


class StoreError(BilatError):
    """The store could not be opened, migrated or written."""


class SchemaOutdated(StoreError):
    """A store written by an earlier bilat was opened read-only; it needs one upgrade."""


class StoreLocked(StoreError):
    """Another process held the store's file for longer than the ``lock_wait`` setting."""


class SettingsInvalid(BilatError):
    """A settings file that is missing (when named) or not valid TOML."""


class ResourceInvalid(BilatError):
    """A resource file (ontology, actor knowledge base) does not validate."""


class ModelMissing(BilatError):
    """The spaCy model package is not installed."""


class ImportInvalid(BilatError):
    """A file given to ``bilat import`` is not an export bilat can read back."""


class NotFound(BilatError):
    """What was asked for (an article, a page) is not in the store."""


class PdfEngineMissing(BilatError):
    """A PDF was asked for but no PDF engine (headless Chromium) is installed."""


class EngineMissing(BilatError):
    """The engine asked for (``--engine ray``) is not installed."""


class EngineFailed(BilatError):
    """The engine could not start, or its workers failed while parsing."""


class ModelReaderFailed(BilatError):
    """The event model's reading process stopped while sentences were waiting."""


class ChartsUnavailable(BilatError):
    """A picture was asked for, but matplotlib (``bilat[charts]``) is not installed."""


class SearchTooBroad(BilatError):
    """A phrase search whose words occur in more documents than bilat checks a phrase in."""
