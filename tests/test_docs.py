"""The README stays true: its commands exist, its example outputs are what the program prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_builder.cli import main
from graph_builder.query import named_queries, run_query

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
CONSOLE = re.findall(r"```console\n\$ (.+?)\n(.*?)```", README, re.S)


def test_the_two_commands_exist_and_ci_runs_the_test_command() -> None:
    assert "./scripts/build.sh" in README and "./scripts/test.sh" in README
    assert (REPO / "scripts/build.sh").is_file() and (REPO / "scripts/test.sh").is_file()
    assert "pledgegraph build" in (REPO / "scripts/build.sh").read_text(encoding="utf-8")
    assert "./scripts/test.sh" in (REPO / ".ci/run").read_text(encoding="utf-8")


def test_every_verb_in_the_readme_exists() -> None:
    code = "\n".join(re.findall(r"```(?:sh|console)\n(.*?)```", README, re.S))
    verbs = set(re.findall(r"^\$? ?(?:PLEDGEGRAPH_\w+=\S+ )?pledgegraph (\w+)", code, re.M))
    assert {"build", "validate", "query", "visualise", "export", "serve", "publish",
            "push"} <= verbs
    assert verbs <= set(main.commands)


def test_named_queries_in_the_readme_exist() -> None:
    for name in re.findall(r"pledgegraph query ([a-z][a-z-]+)", README):
        assert name in named_queries(), name


@pytest.mark.parametrize(("command", "shown"),
                         [c for c in CONSOLE if "--format csv" in c[0]],
                         ids=lambda v: v[:40] if isinstance(v, str) else "")
def test_csv_examples_print_what_the_readme_shows(command: str, shown: str, built,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path) -> None:
    graph = tmp_path / "g.trig"
    built.dataset.serialize(graph, format="trig")
    args = [*shlex.split(command)[1:], "--graph", str(graph)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines() == shown.strip().splitlines()


def test_sparql_examples_run(store) -> None:  # type: ignore[no-untyped-def]
    examples = re.findall(r"```sparql\n(.*?)```", README, re.S)
    assert len(examples) >= 2
    for sparql in examples:
        assert run_query(sparql, store).rows, sparql[:80]


def test_build_output_in_the_readme_is_current(built) -> None:  # type: ignore[no-untyped-def]
    block = next(shown for cmd, shown in CONSOLE if cmd == "pledgegraph build")
    for doc in built.documents:
        kinds = ", ".join(f"{k} {v}" for k, v in doc.counts().items())
        assert re.search(rf"{re.escape(doc.info.id)}\s+│ {re.escape(kinds)}\s", block), doc.info.id
