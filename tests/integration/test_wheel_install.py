"""bilat's built wheel installs, offline, in a fresh venv with the runtime alone, and its
`bilat ingest` stores an article and its events there.

The runtime wheels come from the wheelhouse `make test` fills (BILAT_WHEELHOUSE, from
requirements.lock and requirements-model.txt); pip is run with --isolated --no-index, so
nothing is fetched and no development tool can slip in.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WHEELHOUSE = Path(os.environ.get("BILAT_WHEELHOUSE", ROOT / ".wheels")).resolve()

pytestmark = [pytest.mark.slow, pytest.mark.model]

ARTICLE = (
    "Pakistan and Russia signed an agreement on a gas pipeline in Moscow on 3 March 2021, "
    "officials in Islamabad said on Thursday after the ceremony.\n\n"
    "The foreign ministers of Pakistan and Russia met in Islamabad on 7 April 2021 to discuss "
    "trade, energy and security cooperation, according to a statement from the ministry.\n"
)
# Installed for the tests or for extras only: none may be in the runtime.
NOT_RUNTIME = ("pytest", "mypy", "ruff", "ray", "pyarrow", "pandas", "playwright", "psycopg")


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=900, check=False, cwd=cwd
    )
    assert done.returncode == 0, f"{args}: {done.stderr[-2000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources (so the tree gets no build/ or egg-info)."""
    src = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "src", src / "src", ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "pip", "--isolated", "wheel", "--no-deps", "--no-index",
         "--no-build-isolation", "-q", "-w", dist, src)  # fmt: skip
    (built,) = dist.glob("bilat-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (WHEELHOUSE / ".downloaded").is_file():
        pytest.fail(f"no wheelhouse at {WHEELHOUSE}: `make test` downloads it (target .wheels)")
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=True)
    _run(home / "bin" / "python", "-m", "pip", "--isolated", "install", "-q", "--no-index",
         "--find-links", WHEELHOUSE, wheel)  # fmt: skip
    return home


def test_the_wheel_carries_no_development_tool(fresh_venv: Path) -> None:
    probe = "import importlib.util as u, sys; print([m for m in sys.argv[1:] if u.find_spec(m)])"
    done = _run(fresh_venv / "bin" / "python", "-c", probe, *NOT_RUNTIME)
    assert done.stdout.strip() == "[]"


def test_the_installed_wheel_ingests_an_article(fresh_venv: Path, tmp_path: Path) -> None:
    article = tmp_path / "pak-rus.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "store.duckdb"
    bilat = fresh_venv / "bin" / "bilat"
    # Run from tmp_path so the repo's src/ cannot stand in for the installed package.
    done = _run(bilat, "--db", db, "ingest", article, cwd=tmp_path)
    assert "1 inputs: 1 articles stored" in done.stderr
    listed = _run(
        bilat, "events", "--db", db, "--dyad", "pak-rus", "--format", "json", cwd=tmp_path
    )
    found = json.loads(listed.stdout)
    assert found, listed.stderr
    assert all({e["source"]["code"], e["target"]["code"]} == {"PAK", "RUS"} for e in found)
    where = _run(fresh_venv / "bin" / "python", "-c", "import bilat; print(bilat.__file__)",
                 cwd=tmp_path)  # fmt: skip
    assert where.stdout.startswith(str(fresh_venv))
