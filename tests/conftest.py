"""Shared fixtures: small real sites written into tmp_path and built with the real mkdocs."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, settings

# The fuzzers' budgets: "ci" (the default, fixed and bounded, run by `make test`) and
# "long" (HYPOTHESIS_PROFILE=long, by hand). No example database: tests write nothing
# into the repository. A failure prints the minimal input, to keep as a regression test.
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=5000,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("long", max_examples=20000, deadline=5000, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: Test site
docs_dir: docs
site_dir: site
theme:
  name: material
  language: en
  font: false
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - {locale: en, default: true, name: English, build: true}
        - {locale: es, name: Español, build: true}
        - {locale: sv, name: Svenska, build: true}
  - worksheets:
      # Only the PDF tests render PDFs (MKDOCS_YML_WITH_PDFS): the rest stay fast.
      pdf: false
"""
MKDOCS_YML_WITH_PDFS = MKDOCS_YML.replace("      pdf: false\n", "      pdf: true\n")


def write_doc(docs: Path, relative: str, text: str) -> None:
    """Write a page (dedented) under a docs folder."""
    path = docs / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's ``!relative $config_dir`` as the repository's folder."""


_ConfigLoader.add_constructor("!relative", lambda loader, node: str(REPO))
_ConfigLoader.add_constructor("!ENV", lambda loader, node: os.environ.get(str(node.value)))


def repository_settings() -> dict[str, Any]:
    """The repository's mkdocs.yml as data."""
    loaded: dict[str, Any] = yaml.load(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader
    )
    return loaded


def repository_config(folder: Path) -> Path:
    """The repository's mkdocs.yml, adapted to build from ``folder`` without writing
    into the repository (its PDF cache goes to ``folder``)."""
    config = repository_settings()
    config["docs_dir"] = str(REPO / "docs")
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    plugins = config["plugins"]
    index = plugins.index("worksheets") if "worksheets" in plugins else None
    options = {"cache_dir": str(folder / "cache")}
    if index is None:
        entry = next(p for p in plugins if isinstance(p, dict) and "worksheets" in p)
        entry["worksheets"] = {**(entry["worksheets"] or {}), **options}
    else:
        plugins[index] = {"worksheets": options}
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build_repository(folder: Path) -> Build:
    """A strict build of the repository's own site into ``folder / "site"``."""
    folder.mkdir(parents=True, exist_ok=True)
    config = repository_config(folder)
    site_dir = folder / "site"
    return run_build(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config),
            "--site-dir",
            str(site_dir),
        ],
        folder,
        site_dir,
    )


@dataclass
class Build:
    """The outcome of one `mkdocs build`."""

    returncode: int
    output: str
    site_dir: Path

    def html(self, path: str) -> str:
        return (self.site_dir / path).read_text(encoding="utf-8")


@dataclass
class SiteFolder:
    """A small MkDocs project in a temporary folder."""

    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def write(self, relative: str, text: str) -> Path:
        path = self.docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def build(self, *, strict: bool = True) -> Build:
        command = [sys.executable, "-m", "mkdocs", "build", "--config-file", "mkdocs.yml"]
        if strict:
            command.append("--strict")
        return run_build(command, self.root, self.root / "site")


def run_build(command: list[str], cwd: Path, site_dir: Path) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    return Build(completed.returncode, completed.stdout + completed.stderr, site_dir)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser drives the browser: ``-m "not browser"`` leaves them out."""
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def repository_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own site, built once per test session for every test that reads it."""
    return build_repository(tmp_path_factory.mktemp("repository"))


@pytest.fixture
def site_folder(tmp_path: Path) -> Callable[[str], SiteFolder]:
    """``site_folder(mkdocs_yml=MKDOCS_YML)`` -> an empty project with that config."""

    def make(config: str = MKDOCS_YML) -> SiteFolder:
        root = tmp_path / "project"
        root.mkdir()
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        return SiteFolder(root)

    return make
