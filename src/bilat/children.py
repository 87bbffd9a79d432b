"""bilat's worker processes: how the local engine starts them, and whether this process
is one of them (there the event model reads in a thread, ``bilat.nlp.learned.reader``)."""

from __future__ import annotations

import multiprocessing


def start_method() -> str:
    """forkserver where the platform has it (children fork from a small clean process),
    else spawn; never fork, which would copy the parent's store connection and threads."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def in_worker_pool() -> bool:
    """Whether this process is a worker of a ``multiprocessing.Pool`` (the local engine's
    with ``workers`` > 1): those are daemonic, and the pool keeps every core busy."""
    return multiprocessing.current_process().daemon
