"""Print an HTML brief to PDF with headless Chromium, where it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bilat.errors import BilatError, PdfEngineMissing

CHROMIUM = Path("/usr/bin/chromium")
# Offline and stateless: no network, no first-run UI, a throwaway profile.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-pdf-header-footer",
)
TIMEOUT_S = 120


def find_chromium() -> Path | None:
    """/usr/bin/chromium, else a chromium or chromium-browser on PATH, else None."""
    if CHROMIUM.exists():
        return CHROMIUM
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def html_to_pdf(html: str, output: Path, *, chromium: Path | None = None) -> None:
    """Write ``html`` (a self-contained page) to ``output`` as PDF."""
    engine = chromium or find_chromium()
    if engine is None:
        raise PdfEngineMissing(
            "no PDF engine: install Chromium (apt-get install chromium) or use --format html"
        )
    target = output.resolve()
    with tempfile.TemporaryDirectory(prefix="bilat-pdf-") as tmp:
        page = Path(tmp) / "brief.html"
        page.write_text(html, encoding="utf-8")
        command = [
            str(engine),
            *CHROMIUM_ARGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise BilatError(f"Chromium did not print the PDF within {TIMEOUT_S} s") from exc
    if done.returncode != 0 or not target.is_file():
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BilatError(f"Chromium could not print the PDF (exit {done.returncode}): {last}")
