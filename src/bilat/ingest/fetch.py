"""Fetch a URL with httpx: bounded in time, size and redirects, public addresses only.

Every hop of a redirect chain is checked again: a public page must not be
able to send bilat to a private, loopback, link-local or reserved address
(a cloud metadata service, a router, the machine itself), nor one that embeds
such an address (6to4, Teredo, NAT64, IPv4-mapped), unless the
``allow_private_fetch`` setting says so. The host is resolved once per hop and the
connection goes to the address checked (``bilat.ingest.pinned``); ``fetch_timeout``
bounds the whole fetch, redirects and all. Messages never show a URL's user and password.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import replace
from types import TracebackType

import httpx

from bilat.config import Settings
from bilat.errors import InputRejected
from bilat.ingest.decode import content_type, looks_like_feed
from bilat.ingest.pinned import PinnedBackend, pinned_transport
from bilat.ingest.raw import Kind, RawInput

MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")
_KINDS = {
    "text/html": Kind.HTML,
    "application/xhtml+xml": Kind.HTML,
    "text/plain": Kind.TEXT,
    "application/rss+xml": Kind.FEED,
    "application/atom+xml": Kind.FEED,
    "application/rdf+xml": Kind.FEED,
    # Generic XML may be a feed or XHTML: the reader looks at the root element.
    "application/xml": Kind.SNIFF,
    "text/xml": Kind.SNIFF,
    "": Kind.SNIFF,
}
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class Fetcher:
    """One HTTP client for a run, opened on first use; use it as a context manager."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client: httpx.Client | None = None
        self._backend = PinnedBackend()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, raw: RawInput) -> RawInput:
        """The page at ``raw.declared.url``; InputRejected says why it cannot be had."""
        url = raw.declared.url or raw.source
        timeout = self._settings.fetch_timeout
        deadline = time.monotonic() + timeout
        self._backend.deadline = deadline
        try:
            return self._fetch(raw, httpx.URL(url), deadline)
        except httpx.TimeoutException as exc:
            raise InputRejected(
                f"{_host(url)} did not answer in full within fetch_timeout={timeout:g} s: "
                "try again later or raise the setting"
            ) from exc
        except httpx.InvalidURL as exc:
            raise InputRejected(f"not a valid URL ({_one_line(exc)}): check it") from exc
        except (httpx.HTTPError, UnicodeError) as exc:  # UnicodeError: a host IDNA refuses
            raise InputRejected(
                f"cannot fetch {shown(url)} ({_one_line(exc) or type(exc).__name__})"
            ) from exc

    def _fetch(self, raw: RawInput, url: httpx.URL, deadline: float) -> RawInput:
        for _ in range(MAX_REDIRECTS + 1):
            vetted = check_target(url, self._settings.allow_private_fetch, deadline)
            self._backend.pin(url.raw_host.decode("ascii"), _port(url), str(vetted))
            with self._http().stream("GET", url, timeout=_left(deadline)) as response:
                if response.is_redirect:
                    url = url.join(response.headers["location"])
                    continue
                if not response.is_success:
                    raise InputRejected(
                        f"HTTP {response.status_code} {response.reason_phrase} from {shown(url)}"
                    )
                media, charset = content_type(response.headers.get("content-type"))
                kind = _KINDS.get(media)
                if kind is None:
                    raise InputRejected(
                        f"{shown(url)} is {media}, not an article: "
                        "bilat reads HTML, plain text and RSS/Atom feeds"
                    )
                data = _read_capped(response, self._settings.max_bytes, deadline)
            if kind is Kind.HTML and looks_like_feed(data):  # feeds are often served as HTML
                kind = Kind.FEED
            declared = replace(raw.declared, url=shown(url))
            return replace(raw, data=data, kind=kind, declared=declared, charset=charset)
        raise InputRejected(f"more than {MAX_REDIRECTS} redirects: the page cannot be reached")

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self._settings.user_agent},
                follow_redirects=False,  # followed by hand, each hop checked
                timeout=self._settings.fetch_timeout,
                trust_env=False,  # no proxy from the environment: the address check must hold
                transport=pinned_transport(self._backend),
            )
        return self._client


def check_target(
    url: httpx.URL, allow_private: bool = False, deadline: float | None = None
) -> IPAddress:
    """The address to connect to for ``url``; InputRejected for a URL bilat must not fetch:
    not http(s), or a host with any non-public address. Resolves by ``deadline``."""
    if url.scheme not in _SCHEMES:
        raise InputRejected(f"not an http(s) URL: {_one_line(shown(url))[:200]}")
    host = url.raw_host.decode("ascii")
    if not host:
        raise InputRejected(f"URL has no host: {shown(url)}")
    port = _port(url)
    if not 0 < port < 65536:
        raise InputRejected(f"not a valid URL (port {port}): check it")
    # Resolved even when allowed: a clear reason if it does not resolve.
    addresses = _resolved(host, port, deadline)
    if allow_private:
        return addresses[0]
    for address in addresses:
        kind = non_public(address)
        if kind is not None:
            what = (
                f"{address} is a {kind} address"
                if url.host == str(address)
                else f"{url.host} resolves to {address}, a {kind} address"
            )
            raise InputRejected(
                f"refusing to fetch {shown(url)}: {what} (set allow_private_fetch = true to allow)"
            )
    return addresses[0]


def shown(url: httpx.URL | str) -> str:
    """A URL as messages and the store show it: without its user and password."""
    try:
        parsed = httpx.URL(url) if isinstance(url, str) else url
    except httpx.InvalidURL:
        return str(url) if "@" not in str(url) else "(a URL with credentials, not shown)"
    if not parsed.userinfo:
        return str(url)
    return str(parsed.copy_with(userinfo=b""))


def _port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


def non_public(address: IPAddress) -> str | None:
    """What kind of address this is when it is not a public one, else None. An IPv6
    address that embeds an IPv4 one (IPv4-mapped, 6to4, Teredo, NAT64) is judged by it."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    inner = embedded(address)
    if inner is not None:
        kind = non_public(inner)
        return None if kind is None else f"{kind} (embedded {inner})"
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-public", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries, if it is of a kind that carries one."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:  # ::ffff:127.0.0.1
        return address.ipv4_mapped
    if address.sixtofour is not None:  # 2002:7f00:1::
        return address.sixtofour
    if address.teredo is not None:  # 2001:0::/32: (server, client)
        return address.teredo[1]
    if address in _NAT64 or (address in _COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _resolved(host: str, port: int, deadline: float | None) -> list[IPAddress]:
    """``_addresses``, given up at ``deadline``: getaddrinfo has no timeout of its own."""
    if deadline is None:
        return _addresses(host, port)
    found: list[list[IPAddress] | Exception] = []

    def resolve() -> None:
        try:
            found.append(_addresses(host, port))
        except Exception as exc:  # noqa: BLE001 - raised again in the caller's thread
            found.append(exc)

    worker = threading.Thread(target=resolve, daemon=True)
    worker.start()
    worker.join(max(deadline - time.monotonic(), 0))
    if not found:
        raise httpx.ConnectTimeout(f"{host} not resolved in time")
    if isinstance(found[0], Exception):
        raise found[0]
    return found[0]


def _addresses(host: str, port: int) -> list[IPAddress]:
    """Every address the host resolves to (a literal IP resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:  # socket.gaierror is an OSError
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InputRejected(f"cannot resolve host {host}: {_one_line(reason)}") from exc
    # An IPv6 scope ("fe80::1%eth0") is not part of the address.
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    """The body, streamed: reading stops as soon as it passes max_bytes or the deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputRejected(_too_big(f"is {int(declared):,} bytes", max_bytes))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputRejected(_too_big(f"passed {max_bytes:,} bytes", max_bytes))
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("body not read within the deadline")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big(what: str, max_bytes: int) -> str:
    return f"response {what}, over max_bytes={max_bytes:,}: raise the max_bytes setting"


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpx.ConnectTimeout("no time left for another request")
    return left


def _host(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except httpx.InvalidURL:
        return url


def _one_line(value: object) -> str:
    return " ".join(str(value).split())
