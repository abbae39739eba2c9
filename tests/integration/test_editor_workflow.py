"""The editor's path: translation status, annotations, fallback notices, new guides, CI files."""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

import yaml
from bs4 import BeautifulSoup, Tag

from tests.conftest import MKDOCS_YML, REPO, SiteFolder, repository_settings

WORKSHEET = """\
---
title: {title}
worksheet:
  id: readiness
  scale: [{{value: 0, label: {no}}}, {{value: 1, label: {yes}}}]
  bands: [{{min: 0, label: {low}}}]
  sections:
    - id: training
      title: {title}
      weight: {weight}
      criteria:
        - {{id: programme, text: {text}}}
    - id: monitoring
      title: {title}
      weight: 50
      criteria:
        - {{id: frequency, text: {text}}}
---
# {title}
"""


def fixture_docs(docs: Path) -> None:
    """en/ready.md in all three languages (es out of step), en/only.md in English only."""
    pages = {
        "en/ready.md": WORKSHEET.format(
            title="Ready", no="No", yes="Yes", low="Low", weight=50, text="Text"
        ),
        "es/ready.md": WORKSHEET.format(
            title="Listo", no="No", yes="Sí", low="Bajo", weight=60, text="Texto"
        ),
        "sv/ready.md": WORKSHEET.format(
            title="Redo", no="Nej", yes="Ja", low="Låg", weight=50, text="Text"
        ),
        "en/only.md": "# Only in English\n",
        "en/index.md": "# Home\n\n<!-- translation-status -->\n",
        "es/index.md": "# Inicio\n\n<!-- translation-status -->\n",
        "sv/index.md": "# Startsida\n\n<!-- translation-status -->\n",
    }
    for relative, text in pages.items():
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def tag(found: object) -> Tag:
    """What a lookup found, checked to be an element."""
    assert isinstance(found, Tag), found
    return found


def check(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worksheets", "check", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def test_translation_report_as_text(tmp_path: Path) -> None:
    fixture_docs(tmp_path)
    result = check("--translations", str(tmp_path))
    assert result.returncode == 1  # the out-of-step page is a problem
    lines = result.stdout.splitlines()
    assert [line.split() for line in lines[:5]] == [
        ["en", "es", "sv"],
        ["index.md", "present", "present", "present"],
        ["only.md", "present", "missing", "missing"],
        ["ready.md", "present", "out-of-step", "present"],
        ["worksheet", "readiness", "present", "out-of-step", "present"],
    ]
    assert any(
        line.startswith("es/ready.md:10: worksheet.sections[0].weight: 60 here but 50")
        for line in lines
    )
    assert lines[-1] == "3 pages in 3 languages: 2 missing, 1 out of step"


def test_translation_report_as_json(tmp_path: Path) -> None:
    fixture_docs(tmp_path)
    report = json.loads(check("--translations", "--format", "json", str(tmp_path)).stdout)
    assert report["default_language"] == "en"
    assert report["languages"] == ["en", "es", "sv"]
    pages = {page["page"]: page for page in report["pages"]}
    assert pages["only.md"]["languages"] == {"en": "present", "es": "missing", "sv": "missing"}
    ready = pages["ready.md"]
    assert ready["languages"] == {"en": "present", "es": "out-of-step", "sv": "present"}
    assert ready["blocks"] == [
        {
            "kind": "worksheet",
            "id": "readiness",
            "languages": {"en": "present", "es": "out-of-step", "sv": "present"},
        }
    ]
    assert list(ready["problems"]) == ["es"]
    assert ready["problems"]["es"][0].startswith("es/ready.md:10: worksheet.sections[0].weight")


def test_github_annotations_mark_file_and_line(tmp_path: Path) -> None:
    fixture_docs(tmp_path)
    (tmp_path / "en" / "typo.md").write_text(
        "---\nchecklist:\n  id: typo\n  sections:\n    - id: s\n      title: S\n      items:\n"
        "        - {id: a, text: 'A, with 100% effort', requried: true}\n---\n",
        encoding="utf-8",
    )
    result = check("--format", "github", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    docs = tmp_path.as_posix().replace(":", "%3A").replace(",", "%2C")
    assert (
        f"::error file={docs}/en/typo.md,line=8,title=checklist.sections[0].items[0].requried"
        "::unknown key 'requried'; did you mean 'required'?"
    ) in lines
    assert any(line.startswith(f"::error file={docs}/es/ready.md,line=10,") for line in lines)
    assert (
        f"::notice file={docs}/en/only.md,title=missing translation::only.md has no 'es' "
        "translation; readers get en/only.md"
    ) in lines


def test_fallback_page_says_so_in_each_language(site_folder: Callable[..., SiteFolder]) -> None:
    site = site_folder()
    fixture_docs(site.docs)
    site.write("es/ready.md", (site.docs / "sv/ready.md").read_text(encoding="utf-8"))
    build = site.build()
    assert build.returncode == 0, build.output
    notices = {
        "es/only/index.html": (
            "Esta página aún no está disponible en Español; se muestra en English."
        ),
        "sv/only/index.html": "Den här sidan finns ännu inte på Svenska; den visas på English.",
    }
    for path, notice in notices.items():
        document = BeautifulSoup(build.html(path), "html.parser")
        assert notice in " ".join(document.get_text(" ").split()), path
    for path in ("only/index.html", "es/ready/index.html", "sv/index.html"):
        assert "worksheets-fallback" not in build.html(path), path


def test_translation_status_page_is_generated(site_folder: Callable[..., SiteFolder]) -> None:
    site = site_folder(MKDOCS_YML.replace("strict: true", ""))
    fixture_docs(site.docs)
    build = site.build(strict=False)
    assert build.returncode == 0, build.output
    document = BeautifulSoup(build.html("sv/index.html"), "html.parser")
    rows = {
        " ".join(tag(row.th).get_text(" ").split()): [
            cell.get_text(" ").strip() for cell in row.find_all("td")
        ]
        for row in document.select(".worksheets-translation-status tbody tr")
    }
    assert rows["only.md Only in English"] == [
        "Översatt",
        "Saknas: visas på English",
        "Saknas: visas på English",
    ]
    assert rows["ready.md Ready"] == ["Översatt", "Ur takt med English", "Översatt"]
    assert rows["↳ worksheet readiness"] == ["Översatt", "Ur takt med English", "Översatt"]


def test_new_guide_passes_the_check_and_builds(site_folder: Callable[..., SiteFolder]) -> None:
    site = site_folder()
    for lang in ("en", "es", "sv"):
        site.write(f"{lang}/index.md", "# Home\n")
    created = subprocess.run(
        [
            sys.executable,
            "-m",
            "worksheets",
            "new-guide",
            "site-visits",
            "--title",
            "Site visits: what to look for",
            "--docs",
            str(site.docs),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    assert [Path(line).relative_to(site.docs).as_posix() for line in created.stdout.split()] == [
        "en/site-visits.md",
        "es/site-visits.md",
        "sv/site-visits.md",
    ]
    assert check(str(site.docs)).returncode == 0
    build = site.build()
    assert build.returncode == 0, build.output
    assert "Första avsnittet" in build.html("sv/site-visits/index.html")
    again = subprocess.run(
        [sys.executable, "-m", "worksheets", "new-guide", "site-visits", "--docs", str(site.docs)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 1 and "already there" in again.stderr


def test_broken_internal_link_fails_the_strict_build(
    site_folder: Callable[..., SiteFolder],
) -> None:
    validation = repository_settings()["validation"]
    site = site_folder(MKDOCS_YML + yaml.safe_dump({"validation": validation}))
    for lang in ("en", "es", "sv"):
        site.write(f"{lang}/index.md", "# Home\n\n[A guide](no-such-guide.md) [x](#nowhere)\n")
    build = site.build()
    assert build.returncode != 0
    assert "contains a link 'no-such-guide.md', but the target" in build.output
    assert "'#nowhere'" in build.output


def test_workflows_are_valid_and_run_the_readme_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    assert (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("make test")
    checks = yaml.safe_load((REPO / ".github/workflows/checks.yml").read_text(encoding="utf-8"))
    assert "pull_request" in checks[True]  # YAML 1.1 reads the key "on" as true
    steps = [step.get("run", "") for job in checks["jobs"].values() for step in job["steps"]]
    assert any("--format github" in step for step in steps)
    assert any(step.strip() == "make site" for step in steps)
    assert any(step.strip() == "make test" for step in steps)
    deploy = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    assert deploy[True]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for job in deploy["jobs"].values() for step in job["steps"]]
    assert any(use.startswith("actions/deploy-pages") for use in uses)
    assert any(
        step.get("run", "").strip() == "make site"
        for job in deploy["jobs"].values()
        for step in job["steps"]
    )
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in hooks["repos"] for hook in repo["hooks"]]
    assert any("worksheets check" in entry for entry in entries)
    template = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert "python -m worksheets check" in template


def test_editor_settings_point_at_the_committed_schema() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert "./schema/worksheets.schema.json" in schemas
    tasks = json.loads((REPO / ".vscode/tasks.json").read_text(encoding="utf-8"))
    task = tasks["tasks"][0]
    assert "worksheets" in " ".join([task["command"], *task.get("args", [])])
    pattern = task["problemMatcher"]["pattern"]
    match = re.match(
        pattern["regexp"], "es/a.md:14: worksheet.sections[1].weight: must be a number"
    )
    assert match is not None
    assert match.group(pattern["file"]) == "es/a.md"
    assert match.group(pattern["line"]) == "14"
    assert match.group(pattern["message"]).startswith("worksheet.sections[1].weight: must")


def test_watch_reports_again_after_a_change(tmp_path: Path) -> None:
    fixture_docs(tmp_path)
    command = [
        sys.executable,
        "-m",
        "worksheets",
        "check",
        str(tmp_path),
        "--watch",
        "--interval",
        "0.1",
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        watch(process, tmp_path)


class Lines:
    """A process's output lines, each awaited for at most ``timeout`` seconds."""

    def __init__(self, stream: IO[str], timeout: float = 30) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        self.timeout = timeout
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.queue.put(line)

    def next(self) -> str:
        try:
            return self.queue.get(timeout=self.timeout)
        except queue.Empty:
            raise AssertionError(f"no output line within {self.timeout} s") from None


def watch(process: subprocess.Popen[str], tmp_path: Path) -> None:
    try:
        assert process.stdout is not None
        output = Lines(process.stdout)
        lines = [output.next() for _ in range(3)]
        assert lines[0] == "worksheets: checking\n"
        assert lines[1].startswith("es/ready.md:10: worksheet.sections[0].weight")
        assert lines[2] == "worksheets: 1 problem\n"
        fixed = (tmp_path / "sv/ready.md").read_text(encoding="utf-8")
        (tmp_path / "es/ready.md").write_text(fixed, encoding="utf-8")
        os.utime(tmp_path / "es/ready.md", ns=(1, 10**18))
        assert output.next() == "worksheets: checking\n"
        assert output.next() == "worksheets: 0 problems\n"
    finally:
        process.terminate()
        process.wait(timeout=10)
