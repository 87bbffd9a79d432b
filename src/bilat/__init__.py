"""bilat: sourced, PLOVER-coded records of international relations.

The public API: ``Client`` holds settings, store and actor resolver for a chain of calls;
the functions (``bilat.events(...)``) each make one for a single call. The CLI wraps these
verbs one to one.
"""

from bilat.api import (
    EventFilter,
    actors,
    brief,
    dyads,
    events,
    ingest,
    resolve_actor,
    timeline,
    top_dyad,
)
from bilat.client import Client
from bilat.config import Settings
from bilat.errors import (
    BilatError,
    InputRejected,
    ModelMissing,
    ResourceInvalid,
    StoreError,
    UnknownActor,
)
from bilat.records import (
    Actor,
    Amount,
    Article,
    DateSpan,
    Event,
    EventCluster,
    EventType,
    Evidence,
    Granularity,
    Mention,
    Rejection,
    RunSummary,
    Status,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Amount",
    "Article",
    "BilatError",
    "Client",
    "DateSpan",
    "Event",
    "EventCluster",
    "EventFilter",
    "EventType",
    "Evidence",
    "Granularity",
    "InputRejected",
    "Mention",
    "ModelMissing",
    "Rejection",
    "ResourceInvalid",
    "RunSummary",
    "Settings",
    "Status",
    "StoreError",
    "UnknownActor",
    "__version__",
    "actors",
    "brief",
    "dyads",
    "events",
    "ingest",
    "resolve_actor",
    "timeline",
    "top_dyad",
]
