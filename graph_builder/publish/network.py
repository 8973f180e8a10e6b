"""The accountability network page (visualise.project + visualise.render), made self-contained.

pyvis's template links Bootstrap from a CDN although the network does not use it (only pyvis's
optional select/filter menus do). A published page should load nothing from third parties and
work offline, so those two tags are removed; everything vis-network needs is inlined by render.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pyoxigraph as ox

_CDN_TAG = re.compile(r'\s*<(?:link|script)\b[^>]*(?:href|src)="https?://[^"]*bootstrap[^"]*"[^>]*>'
                      r'(?:\s*</script>)?', re.I)


def network_page(store: ox.Store) -> str:
    """The standalone HTML of the accountability network of the data in ``store``."""
    from visualise import project, render

    with tempfile.TemporaryDirectory(prefix="pledgegraph-network-") as tmp:
        page = render(project(store), Path(tmp) / "accountability.html").read_text(encoding="utf-8")
    return _CDN_TAG.sub("", page)
