from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx
import pytest

from bilat.config import DEFAULT_USER_AGENT, Settings
from bilat.errors import InputRejected
from bilat.ingest import fetch as fetch_module
from bilat.ingest import read_sources
from bilat.ingest.fetch import MAX_REDIRECTS, check_target, non_public
from bilat.ingest.sources import is_url
from bilat.records import Article, Rejection
from http_site import Site


def _page(prose: str, title: str = "Talks") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2021-09-30">'
        f"</head><body><article><h1>{title}</h1><p>{prose}</p><p>{prose}</p></article>"
        "</body></html>"
    )


def _only(url: str, settings: Settings) -> Article | Rejection:
    items = list(read_sources([url], settings))
    assert len(items) == 1, items
    assert "\n" not in getattr(items[0], "reason", "")
    return items[0]


def _refusal(url: str, settings: Settings) -> str:
    item = _only(url, settings)
    assert isinstance(item, Rejection), item
    assert item.stage == "ingest"
    assert item.source == url
    return item.reason


def test_url_paths_are_recognised() -> None:
    assert is_url("http://x.org/a") and is_url("HTTPS://x.org/")
    assert not is_url("articles/http.txt") and not is_url("ftp://x.org/")


def test_fetches_a_page_when_private_fetch_allowed(
    site: Site, fetching: Settings, prose: str
) -> None:
    url = site.add("/news/talks.html", _page(prose))
    article = _only(url, fetching)
    assert isinstance(article, Article), article
    assert article.source == url
    assert article.url == url
    assert article.title == "Talks"
    assert prose in article.body


def test_refuses_loopback_by_default(site: Site, settings: Settings, prose: str) -> None:
    url = site.add("/page.html", _page(prose))
    reason = _refusal(url, settings)
    assert "loopback" in reason
    assert "127.0.0.1" in reason
    assert "allow_private_fetch" in reason
    assert site.requests == []  # refused before connecting


def test_sends_an_honest_user_agent(site: Site, fetching: Settings, prose: str) -> None:
    _only(site.add("/p.html", _page(prose)), fetching)
    assert site.requests[0][1] == fetching.user_agent == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("bilat/")
    assert "example.invalid" in DEFAULT_USER_AGENT


def test_user_agent_is_a_setting(site: Site, fetching: Settings, prose: str) -> None:
    _only(site.add("/p.html", _page(prose)), replace(fetching, user_agent="my-lab-bot/1.0"))
    assert site.requests[0][1] == "my-lab-bot/1.0"


def test_follows_redirects_to_the_final_url(site: Site, fetching: Settings, prose: str) -> None:
    final = site.add("/final.html", _page(prose))
    site.redirect("/moved", "/hop")
    site.redirect("/hop", final, status=301)
    article = _only(site.url("/moved"), fetching)
    assert isinstance(article, Article), article
    assert article.url == final
    assert article.source == site.url("/moved")


def test_stops_after_five_redirects(site: Site, fetching: Settings) -> None:
    site.redirect("/loop", "/loop")
    reason = _refusal(site.url("/loop"), fetching)
    assert f"more than {MAX_REDIRECTS} redirects" in reason
    assert len(site.requests) == MAX_REDIRECTS + 1


def test_checks_every_redirect_hop(
    site: Site, settings: Settings, prose: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A "public" host that redirects to loopback is refused at the second hop."""
    real = fetch_module.non_public
    hops: list[str] = []

    def first_hop_is_public(address: Any) -> str | None:
        hops.append(str(address))
        return None if len(hops) == 1 else real(address)  # pretend the site is public once

    monkeypatch.setattr(fetch_module, "non_public", first_hop_is_public)
    target = site.add("/secret.html", _page(prose))
    site.redirect("/out", target)
    reason = _refusal(site.url("/out"), settings)
    assert "loopback" in reason
    assert site.paths == ["/out"]  # the private target was never asked


def test_connects_only_to_the_address_it_checked(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: a host resolving to a public address for the check and to loopback
    for the connection. The host is resolved once and the vetted address connected to."""
    import httpcore

    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1"])
    asked: list[str] = []
    connected: list[str] = []

    def getaddrinfo(host: str, port: int, **kwargs: Any) -> list[Any]:
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    def connect_tcp(self: Any, host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        connected.append(host)
        raise httpcore.ConnectError("no network in this test")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect_tcp)
    reason = _refusal("http://rebind.example/a", settings)
    assert "no network in this test" in reason
    assert asked == ["rebind.example"]
    assert connected == ["93.184.216.34"]


def test_one_deadline_bounds_the_whole_fetch(site: Site, fetching: Settings) -> None:
    """A server sending its headers a byte at a time, each byte within the timeout."""
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def trickle() -> None:
        conn, _ = listener.accept()
        with conn:
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 1000:
                if stop.wait(0.3):
                    return
                conn.sendall(bytes([byte]))

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    started = time.monotonic()
    reason = _refusal(url, replace(fetching, fetch_timeout=2.0))
    took = time.monotonic() - started
    stop.set()
    listener.close()
    assert "did not answer in full within fetch_timeout=2 s" in reason
    assert took < 10, took  # 1,000 bytes at 0.3 s each would take 300 s


@pytest.mark.parametrize(
    ("address", "inner"),
    [
        ("2002:7f00:1::1", "127.0.0.1"),  # 6to4
        ("2002:a9fe:a9fe::1", "169.254.169.254"),
        ("64:ff9b::a00:1", "10.0.0.1"),  # NAT64
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1"),  # Teredo
        ("::127.0.0.1", "127.0.0.1"),  # IPv4-compatible
    ],
)
def test_addresses_that_embed_a_private_one_are_refused(address: str, inner: str) -> None:
    kind = non_public(ipaddress.ip_address(address))
    assert kind is not None and f"(embedded {inner})" in kind


def test_credentials_in_a_url_are_never_shown(settings: Settings) -> None:
    url = "http://alice:s3cret@127.0.0.1:9/a"
    item = _only(url, settings)
    assert isinstance(item, Rejection)
    assert "s3cret" not in item.source + item.reason and "alice" not in item.reason
    assert item.source == "http://127.0.0.1:9/a"


def test_rejects_http_errors(site: Site, fetching: Settings) -> None:
    assert "HTTP 404" in _refusal(site.url("/missing"), fetching)
    site.add("/boom", "oops", status=503)
    assert "HTTP 503" in _refusal(site.url("/boom"), fetching)


def test_rejects_content_that_is_no_article(site: Site, fetching: Settings) -> None:
    url = site.add("/paper.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    reason = _refusal(url, fetching)
    assert "application/pdf" in reason and "not an article" in reason


def test_size_cap_from_content_length(site: Site, fetching: Settings) -> None:
    url = site.add("/big.html", b"x" * 50_000)
    reason = _refusal(url, replace(fetching, max_bytes=10_000))
    assert "max_bytes=10,000" in reason


def test_size_cap_stops_an_endless_stream(site: Site, fetching: Settings) -> None:
    sent: list[int] = []

    def endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no Content-Length: the client must count
        try:
            for _ in range(100_000):  # up to 400 MB, far past any cap
                handler.wfile.write(b"<p>" + b"y" * 4093)
                sent.append(4096)
        except OSError:  # the client hung up, as it should
            pass

    fetching = replace(fetching, max_bytes=100_000)
    site.routes["/endless"] = endless
    reason = _refusal(site.url("/endless"), fetching)
    assert "over max_bytes=100,000" in reason
    assert sum(sent) < 50_000_000


def test_times_out_on_a_silent_server(site: Site, fetching: Settings) -> None:
    def silent(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(2)

    site.routes["/slow"] = silent
    started = time.monotonic()
    reason = _refusal(site.url("/slow"), replace(fetching, fetch_timeout=0.3))
    assert time.monotonic() - started < 1.9
    assert "fetch_timeout=0.3" in reason


def test_times_out_on_a_trickling_body(site: Site, fetching: Settings) -> None:
    """Each byte arrives in time, but the whole page does not: the deadline holds."""

    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(40):
                handler.wfile.write(b"<p>slow</p>")
                handler.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    site.routes["/trickle"] = trickle
    reason = _refusal(site.url("/trickle"), replace(fetching, fetch_timeout=0.5))
    assert "fetch_timeout" in reason


def test_connection_refused_is_a_rejection(fetching: Settings) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    reason = _refusal(f"http://127.0.0.1:{port}/", fetching)
    assert reason.startswith("cannot fetch")


def test_uses_the_charset_the_server_names(site: Site, fetching: Settings, prose: str) -> None:
    body = _page(prose.replace("Moscow", "Moscow café")).encode("cp1252")
    url = site.add("/legacy.html", body, content_type="text/html; charset=windows-1252")
    article = _only(url, fetching)
    assert isinstance(article, Article), article
    assert "café" in article.body


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.5.4", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    assert non_public(ipaddress.ip_address(address)) == kind


def test_any_private_address_of_a_host_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def getaddrinfo(host: str, port: int, **kwargs: Any) -> list[Any]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(InputRejected, match=r"news\.example resolves to 10\.0\.0\.7, a private"):
        check_target(httpx.URL("https://news.example/a"))
    check_target(httpx.URL("https://news.example/a"), allow_private=True)


def test_unresolvable_host_is_a_rejection(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def getaddrinfo(*args: Any, **kwargs: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    reason = _refusal("https://no-such-host.example/a", settings)
    assert "cannot resolve host no-such-host.example" in reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://x.org/a", "gopher://x.org/"])
def test_only_http_schemes(url: str) -> None:
    with pytest.raises(InputRejected, match="not an http"):
        check_target(httpx.URL(url), allow_private=True)


def test_redirect_to_another_scheme_is_refused(site: Site, fetching: Settings) -> None:
    site.redirect("/to-file", "file:///etc/passwd")
    assert "not an http(s) URL" in _refusal(site.url("/to-file"), fetching)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[::1/", "not a valid URL"),
        ("http:///path", "URL has no host"),
        ("http://127.0.0.1:99999/", "port 99999"),
        ("http://a..b/", "cannot resolve host a..b"),
    ],
)
def test_malformed_url_is_a_rejection(url: str, reason: str, fetching: Settings) -> None:
    assert reason in _refusal(url, fetching)
