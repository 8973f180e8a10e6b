"""The ``partners`` verb: partner organisations found in the plans, or (``--discover``)
organisation-like names the gazetteer does not know yet. Registered on the main group by
``register``; a thin adapter over ``graph_builder.entities``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.option("--discover", is_flag=True,
              help="List candidate organisations not in the partner gazetteer, for review.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Corpus manifest (default: the bundled corpus).")
@click.option("--min-count", type=int, default=1, show_default=True,
              help="With --discover: only candidates seen at least this often.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def partners(discover: bool, manifest: Path | None, min_count: int, fmt: str) -> None:
    """Partner organisations named in commitment texts and progress comments."""
    from graph_builder.build import build

    result = build(manifest)
    if discover:
        from graph_builder.entities.discovery import discover_partners

        found = [c for c in discover_partners(result.documents) if c.count >= min_count]
        rows = [{"candidate": c.text, "count": c.count,
                 "where": [f"{d}/{k}#{f}" for d, k, f in c.where]} for c in found]
    else:
        counts: dict[str, int] = {}
        for m in result.entities.mentions:
            counts[m.partner] = counts.get(m.partner, 0) + 1
        rows = [{"partner": p.name, "id": p.id, "mentions": counts.get(p.id, 0)}
                for p in sorted(result.entities.partners.values(),
                                key=lambda p: (-counts.get(p.id, 0), p.name))]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=1))
        return
    for row in rows:
        values = list(row.values())
        if discover:
            where = ", ".join(values[2][:3]) + (" ..." if len(values[2]) > 3 else "")
            click.echo(f"{values[1]:>4}  {values[0]}  [{where}]")
        else:
            click.echo(f"{values[2]:>4}  {values[0]} ({values[1]})")


def register(main: click.Group) -> None:
    """Add the entity verbs to the ``pledgegraph`` group."""
    main.add_command(partners)
