"""The published script and stylesheet: minified, and never a failed build for it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from worksheets.plugin import ASSETS
from worksheets.publish import minified, write_minified

from tests.conftest import REPO

SOURCES = REPO / "plugins" / "worksheets" / "assets"


def test_every_minified_module_is_still_a_valid_module(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed (make test installs it)"
    for name in ASSETS:
        if name.endswith(".js"):
            module = tmp_path / name.replace(".js", ".mjs")
            module.write_text(minified(SOURCES / name), encoding="utf-8")
            done = subprocess.run([node, "--check", str(module)], capture_output=True, text=True)
            assert done.returncode == 0, (name, done.stderr)


def test_written_once_and_rewritten_when_the_source_changes(tmp_path: Path) -> None:
    source = tmp_path / "a.css"
    source.write_text("/* note */\na {  color : red ; }\n", encoding="utf-8")
    target = tmp_path / "out" / "a.css"
    assert write_minified(source, target) == target
    assert target.read_text(encoding="utf-8") == "a{color:red}"
    source.write_text("b { color: blue }", encoding="utf-8")
    write_minified(source, target)
    assert target.read_text(encoding="utf-8") == "b{color:blue}"


def test_an_unwritable_cache_publishes_the_source(tmp_path: Path) -> None:
    source = tmp_path / "a.js"
    source.write_text("// note\nlet a = 1;\n", encoding="utf-8")
    # A file where the cache folder should be: no one, root included, can write under it.
    blocker = tmp_path / "cache"
    blocker.write_text("", encoding="utf-8")
    assert write_minified(source, blocker / "published" / "a.js") == source


def test_a_page_loads_the_core_at_once_and_the_rest_on_first_use() -> None:
    from worksheets.plugin import ASSETS
    from worksheets.publish import loaded_on_start

    folder = Path(__file__).parents[2] / "plugins" / "worksheets" / "assets"
    at_once = loaded_on_start(folder)
    assert {"worksheets.css", "index.js", "block.js", "form.js", "offline.js"} <= set(at_once)
    later = {"compare.js", "grid.js", "table.js", "csv.js", "transfer.js", "share.js"}
    later |= {"incoming.js", "pdfimport.js"}
    assert not later & set(at_once)
    assert set(at_once) <= set(ASSETS)
