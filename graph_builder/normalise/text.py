"""Cell text cleaning: HTML tags out, entities decoded, whitespace normalised."""

from __future__ import annotations

import html
import re
import unicodedata

_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Strip HTML tags (``<p>``, ``<br>``), decode entities, collapse whitespace."""
    text = _TAG.sub(" ", text)
    text = html.unescape(text).replace("\u00a0", " ")
    return _SPACE.sub(" ", text).strip()


def slug(text: str, max_words: int = 12) -> str:
    """A readable, deterministic IRI segment: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "unnamed"
