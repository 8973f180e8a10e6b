"""The accountability network page (visualise.project + visualise.render) as a string."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyoxigraph as ox


def network_page(store: ox.Store) -> str:
    """The standalone HTML of the accountability network of the data in ``store``."""
    from visualise import project, render

    with tempfile.TemporaryDirectory(prefix="pledgegraph-network-") as tmp:
        return render(project(store), Path(tmp) / "accountability.html").read_text(encoding="utf-8")
