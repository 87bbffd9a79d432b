"""Dashboard pages answered from memory, each the last one rendered for its URL.

A page is rendered once per store version (``cache.store_version``). When an ingest has
changed the store since, the page rendered before is answered at once and one
background task renders it again: a dashboard under load shows what the store held a
moment ago rather than making every reader wait while the same pages are rendered again
after each batch. Renders run one at a time, so a busy store costs one thread of work,
not one per reader. Only successful GET answers of pages are kept (not ``/api/``, nor
errors), at most ``size`` of them and 64 MB in all, least recently used first out.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilat.interfaces.web.cache import Version

_SKIP = ("/api/", "/static/", "/openapi.json")
_MAX_BODY = 4_000_000  # bytes: a bigger page is rendered each time
_MAX_TOTAL = 64_000_000  # bytes kept in all


@dataclass(frozen=True, slots=True)
class _Answer:
    version: Version
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class PageCache:
    """ASGI middleware: GET pages from memory, refreshed behind the reader (see above)."""

    def __init__(self, app: ASGIApp, version: Callable[[], Version | None], size: int) -> None:
        self.app = app
        self._version = version
        self._size = size
        self._answers: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self._making: dict[tuple[str, bytes], asyncio.Future[_Answer]] = {}
        self._refreshing: set[tuple[str, bytes]] = set()
        self._one_render = asyncio.Lock()
        self._bytes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or path.startswith(_SKIP):
            await self.app(scope, receive, send)
            return
        version = self._version()
        if version is None:
            await self.app(scope, receive, send)
            return
        key = (path, scope.get("query_string", b""))
        kept = self._answers.get(key)
        if kept is not None:
            self._answers.move_to_end(key)
            if kept.version != version and key not in self._refreshing:
                self._refreshing.add(key)
                task = asyncio.create_task(self._refresh(key, scope))
                task.add_done_callback(lambda _: self._refreshing.discard(key))
            await _replay(kept, send)
            return
        await _replay(await self._shared_render(key, scope, version), send)

    async def _shared_render(
        self, key: tuple[str, bytes], scope: Scope, version: Version
    ) -> _Answer:
        """Render ``key`` once for every reader asking for it at the same time (an error
        too: all of them get it, and it is not kept)."""
        pending = self._making.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[_Answer] = asyncio.get_running_loop().create_future()
        self._making[key] = future
        try:
            made = await self._render(key, scope, version)
            future.set_result(made)
            return made
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: no "never retrieved" warning when none waited
            raise
        finally:
            del self._making[key]

    async def _refresh(self, key: tuple[str, bytes], scope: Scope) -> None:
        async with self._one_render:
            version = self._version()
            if version is None:
                return
            try:
                status = (await self._render(key, scope, version)).status
            except Exception:  # noqa: BLE001 - the next reader renders it and meets the error
                status = 500
            if status != 200:
                self._forget(key)  # the page now fails: the next reader is told so

    async def _render(self, key: tuple[str, bytes], scope: Scope, version: Version) -> _Answer:
        """Run the app for the page; keep its answer when it is a 200 of sensible size."""
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        body: list[bytes] = []

        async def nothing() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def collect(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))

        await self.app(dict(scope), nothing, collect)
        answer = _Answer(version, status, tuple(headers), b"".join(body))
        if status != 200 or len(answer.body) > _MAX_BODY:
            return answer
        self._forget(key)
        self._answers[key] = answer
        self._bytes += len(answer.body)
        while len(self._answers) > self._size or self._bytes > _MAX_TOTAL:
            self._forget(next(iter(self._answers)))
        return answer

    def _forget(self, key: tuple[str, bytes]) -> None:
        gone = self._answers.pop(key, None)
        if gone is not None:
            self._bytes -= len(gone.body)


async def _replay(answer: _Answer, send: Send) -> None:
    await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
    await send({"type": "http.response.body", "body": answer.body})
