"""The published script and stylesheet: the committed bundle is what esbuild makes of
the sources today, every file of it is a valid module, and a page loads the core at
once and the rest on first use."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from worksheets.plugin import ASSETS
from worksheets.publish import (
    BUNDLE,
    SOURCES,
    MissingBundle,
    bundle_files,
    loaded_on_start,
)

from tests.conftest import REPO


def node() -> str:
    found = shutil.which("node")
    assert found, "Node.js is needed (make test installs it)"
    return found


def test_the_committed_bundle_is_the_sources_bundled_today(tmp_path: Path) -> None:
    fresh = tmp_path / "bundle"
    done = subprocess.run(
        [node(), str(REPO / "tools" / "bundle.mjs"), str(fresh)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    made = {path.name: path.read_bytes() for path in fresh.iterdir()}
    kept = {path.name: path.read_bytes() for path in BUNDLE.iterdir()}
    assert sorted(kept) == sorted(made), "plugins/worksheets/bundle is stale: run `make bundle`"
    for name, text in made.items():
        assert kept[name] == text, f"bundle/{name} is stale: run `make bundle`"


def test_every_bundled_file_is_a_valid_module_without_comments(tmp_path: Path) -> None:
    scripts = [path for path in bundle_files() if path.suffix == ".js"]
    assert len(scripts) > 5
    for path in scripts:
        # .mjs: Node reads it as an ES module, as browsers do with type="module".
        module = tmp_path / path.with_suffix(".mjs").name
        module.write_bytes(path.read_bytes())
        done = subprocess.run([node(), "--check", str(module)], capture_output=True, text=True)
        assert done.returncode == 0, (path.name, done.stderr)
    for path in bundle_files():
        text = path.read_text(encoding="utf-8")
        assert "/*" not in text and "\n//" not in text, path.name
    css = (BUNDLE / "worksheets.css").read_text(encoding="utf-8")
    assert len(css) < 0.8 * (SOURCES / "worksheets.css").stat().st_size


def test_a_folder_without_the_bundle_is_refused(tmp_path: Path) -> None:
    (tmp_path / "worksheets.css").write_text("a{}", encoding="utf-8")
    with pytest.raises(MissingBundle, match="make bundle"):
        bundle_files(tmp_path)


def test_the_sources_load_the_core_at_once_and_the_rest_on_first_use() -> None:
    at_once = loaded_on_start(SOURCES)
    assert {"worksheets.css", "index.js", "block.js", "form.js", "offline.js"} <= set(at_once)
    later = {"assessments.js", "compare.js", "grid.js", "table.js", "csv.js", "transfer.js"}
    later |= {"share.js", "incoming.js", "pdfimport.js"}
    assert not later & set(at_once)
    assert set(at_once) <= set(ASSETS)


def test_the_bundle_loads_its_entries_and_their_chunks_at_once() -> None:
    at_once = loaded_on_start(BUNDLE)
    names = {path.name for path in bundle_files()}
    assert {"worksheets.css", "index.js", "offline.js"} <= set(at_once) <= names
    assert any(name.startswith("chunk-") for name in at_once)
    lazy = ("assessments-", "compare-", "transfer-", "incoming-", "table-", "grid-", "csv-")
    assert not [name for name in at_once if name.startswith(lazy)]
    for prefix in lazy:
        assert any(name.startswith(prefix) for name in names), prefix


@pytest.mark.parametrize(
    ("text", "imported"),
    [
        ('import { a, b } from "./x.js";\nimport("./lazy.js");', ["x.js"]),
        ('import{a as b}from"./chunk-X1.js";import"./side.js";', ["chunk-X1.js", "side.js"]),
        ('let a=1;import{c}from"./c.js";x(import("./d.js"))', ["c.js"]),
    ],
)
def test_static_imports_in_sources_and_minified_modules(
    tmp_path: Path, text: str, imported: list[str]
) -> None:
    (tmp_path / "index.js").write_text(text, encoding="utf-8")
    for name in imported:
        (tmp_path / name).write_text("", encoding="utf-8")
    assert loaded_on_start(tmp_path, ("index.js",)) == sorted(["index.js", *imported])
