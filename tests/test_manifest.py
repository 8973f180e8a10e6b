"""The manifest and the digest check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph_builder.build import default_manifest
from graph_builder.errors import ManifestError
from graph_builder.manifest import load_manifest, sha256_of, verify_digest


def test_bundled_manifest_describes_five_documents() -> None:
    docs = load_manifest(default_manifest())
    assert [d.id for d in docs] == ["adp-2023-24", "sp-2014-15", "sef-2017-18",
                                    "progress-2017-18-q2", "sp-2011-12"]
    for d in docs:
        assert d.path.is_file()
        assert d.sha256 == sha256_of(d.path)
        assert d.licence.endswith("open-government-licence/version/3/")
        assert d.period_start < d.period_end
    assert {d.kind for d in docs} == {"delivery-plan", "strategic-plan", "equality-plan",
                                      "progress-report"}
    progress = next(d for d in docs if d.kind == "progress-report")
    assert str(progress.report_date) == "2017-09-30"


def _copy_corpus(tmp_path: Path) -> Path:
    src = default_manifest().parent
    dst = tmp_path / "corpus"
    shutil.copytree(src, dst)
    return dst / "manifest.toml"


def test_changed_file_is_refused(tmp_path: Path) -> None:
    manifest = _copy_corpus(tmp_path)
    doc = load_manifest(manifest)[0]
    doc.path.chmod(0o644)
    with doc.path.open("a", encoding="utf-8") as fh:
        fh.write("9.99\tAn extra pledge\n")
    with pytest.raises(ManifestError, match=r"SHA-256 .* has changed"):
        verify_digest(doc)


def test_missing_field_named(tmp_path: Path) -> None:
    bad = tmp_path / "manifest.toml"
    bad.write_text('[[document]]\nid = "x"\nfile = "x.txt"\n', encoding="utf-8")
    with pytest.raises(ManifestError, match="lacks title"):
        load_manifest(bad)


def test_bad_kind_named(tmp_path: Path) -> None:
    text = default_manifest().read_text(encoding="utf-8").replace(
        'kind = "delivery-plan"', 'kind = "wish-list"', 1)
    bad = tmp_path / "manifest.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match="kind 'wish-list'; allowed"):
        load_manifest(bad)
