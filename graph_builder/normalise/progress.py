"""Reported status and percentage complete."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

STATUSES = {"on target": "on-target", "completed": "completed", "complete": "completed",
            "delayed": "delayed", "overdue": "overdue"}


def status_concept(text: str | None) -> str | None:
    """The status scheme's concept name for a printed status, or None if not recognised."""
    if not text:
        return None
    return STATUSES.get(re.sub(r"\s+", " ", text).strip().lower())


def percent(text: str | None) -> Decimal | None:
    """``"75%"`` -> 75; None when absent or not a number between 0 and 100."""
    if not text:
        return None
    m = re.fullmatch(r"\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*", text)
    if not m:
        return None
    try:
        value = Decimal(m.group(1))
    except InvalidOperation:
        return None
    return value if 0 <= value <= 100 else None
