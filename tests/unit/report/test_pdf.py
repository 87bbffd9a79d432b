"""PDF briefs: printed by headless Chromium when present, a one-line error naming it when not."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.errors import BilatError, PdfEngineMissing
from bilat.report import pdf
from bilat.report.pdf import html_to_pdf

PAGE = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><h1>Brief</h1></body></html>"


def test_missing_chromium_raises_a_one_line_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert pdf.find_chromium() is None
    with pytest.raises(PdfEngineMissing) as caught:
        html_to_pdf(PAGE, tmp_path / "brief.pdf")
    assert isinstance(caught.value, BilatError)
    message = str(caught.value)
    assert "\n" not in message
    assert "chromium" in message.lower()
    assert not (tmp_path / "brief.pdf").exists()


def test_chromium_prints_a_pdf(tmp_path: Path) -> None:
    if pdf.find_chromium() is None:
        pytest.skip("Chromium is absent: apt-get install chromium (CI installs it)")
    out = tmp_path / "brief.pdf"
    html_to_pdf(PAGE, out)
    assert out.read_bytes()[:4] == b"%PDF"
