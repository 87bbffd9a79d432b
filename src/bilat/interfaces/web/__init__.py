"""bilat's HTTP API and web dashboard: a FastAPI app over the Python API (``create_app``)."""

from __future__ import annotations

from bilat.interfaces.web.app import create_app

__all__ = ["create_app"]
