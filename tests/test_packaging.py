"""The wheel carries the ontology, shapes, queries and bundled corpus as package data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(out), str(REPO)], check=True, capture_output=True)
    (whl,) = out.glob("pledgegraph-*.whl")
    return whl


def test_wheel_carries_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, suffix in (("ontology", ".ttl"), ("shapes", ".ttl"), ("queries", ".rq")):
        expected = {f"graph_builder/_bundled/{folder}/{p.name}"
                    for p in (REPO / folder).glob(f"*{suffix}")}
        assert expected and expected <= names, folder
    assert "graph_builder/_bundled/corpus/manifest.toml" in names
    assert "graph_builder/_bundled/corpus/tower-hamlets-annual-delivery-plan-2023-24.txt" in names
    assert "graph_builder/data/partners.jsonl" in names
    assert "visualise/network.py" in names and "graph_builder/py.typed" in names


def test_installed_wheel_builds_from_bundled_corpus(wheel: Path, tmp_path: Path) -> None:
    # The wheel's own resources, not the repository's, are found by resource_dir.
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(wheel)], check=True)
    code = ("from graph_builder.resources import resource_dir; "
            "print(resource_dir('queries')); print(resource_dir('corpus'))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, env={"PYTHONPATH": str(target)}, cwd=tmp_path).stdout
    assert all("_bundled" in line for line in out.splitlines())
