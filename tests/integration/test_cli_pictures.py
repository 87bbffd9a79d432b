"""`bilat network --format png|svg` as a user runs it: report-sized pictures with a legend and
the period, and one clear line when matplotlib (the `charts` extra) is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.integration.seeds_cli import ROOT, bilat

ICEWS = ROOT / "tests" / "data" / "interop" / "icews_sample.tab"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("pictures") / "icews.duckdb"
    assert bilat("import", str(ICEWS), db=db).returncode == 3
    return db


def test_png_is_report_sized(store: Path, tmp_path: Path) -> None:
    png = tmp_path / "network.png"
    done = bilat("network", "--format", "png", "-o", str(png), db=store)
    assert done.returncode == 0, done.stderr
    with Image.open(png) as image:
        assert image.size == (1600, 1600)


def test_svg_has_the_period_legend_and_actors(store: Path) -> None:
    done = bilat("network", "--format", "svg", "--since", "2021-09", "--until", "2021", db=store)
    assert done.returncode == 0, done.stderr
    assert "Alignment network, 2021-09-01 to 2021-12-31" in done.stdout
    assert "cooperative (more cooperation)" in done.stdout
    for code in ("PAK", "RUS", "USA", "IND", "CHN"):
        assert f">{code}<" in done.stdout


def test_without_matplotlib_a_picture_is_refused_in_one_line(store: Path, tmp_path: Path) -> None:
    # As in an install without the `charts` extra: importing matplotlib fails.
    script = (
        "import sys; sys.modules['matplotlib'] = None; "
        "from bilat.interfaces.cli import main; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--db", str(store), "network", "--format", "png",
         "-o", str(tmp_path / "x.png")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        "bilat: PNG and SVG pictures need matplotlib: pip install 'bilat[charts]'\n"
    )
    assert not (tmp_path / "x.png").exists()
    json_still_works = subprocess.run(
        [sys.executable, "-c", script, "--db", str(store), "network"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert json_still_works.returncode == 0, json_still_works.stderr
