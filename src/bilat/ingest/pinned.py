"""The fetcher's network layer: connect only to the address that was vetted, by a deadline.

httpx resolves a host again when it connects, so a host could pass the address check
with a public address and then resolve to 127.0.0.1 (DNS rebinding). This backend never
resolves: it connects to the address ``check_target`` vetted for the host (``pin``). And
httpx's timeout bounds each read, so a server sending one byte every few seconds could
hold a fetch for minutes: every read and write here also stops at the fetch's deadline.
"""

from __future__ import annotations

import math
import ssl
import time
import typing

import httpcore
import httpx

if typing.TYPE_CHECKING:
    from httpcore._backends.base import SOCKET_OPTION, NetworkStream


class PinnedBackend(httpcore.SyncBackend):
    """httpcore's own sockets, to pinned addresses only, each operation within ``deadline``."""

    def __init__(self) -> None:
        self._pinned: dict[tuple[str, int], str] = {}
        self.deadline = math.inf  # a time.monotonic() value, set for each fetch

    def pin(self, host: str, port: int, address: str) -> None:
        self._pinned[(host, port)] = address

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[SOCKET_OPTION] | None = None,
    ) -> NetworkStream:
        address = self._pinned.get((host, port))
        if address is None:
            raise httpcore.ConnectError(f"{host}:{port} was not checked: not connecting")
        wait = _bounded(timeout, self.deadline, httpcore.ConnectTimeout)
        stream = super().connect_tcp(address, port, wait, local_address, socket_options)
        return _DeadlineStream(stream, self)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: NetworkStream, backend: PinnedBackend) -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        wait = _bounded(timeout, self._backend.deadline, httpcore.ReadTimeout)
        return self._inner.read(max_bytes, wait)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, self._backend.deadline, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> NetworkStream:
        wait = _bounded(timeout, self._backend.deadline, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, wait), self._backend
        )

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


def _bounded(timeout: float | None, deadline: float, late: type[Exception]) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise late("the fetch's deadline passed")
    return left if timeout is None else min(timeout, left)


def pinned_transport(backend: PinnedBackend) -> httpx.HTTPTransport:
    """httpx's transport with its connection pool on ``backend``."""
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx takes no network backend of its own: its pool is rebuilt the way it builds it.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=backend
    )
    return transport
