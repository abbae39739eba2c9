"""The committed JSON Schema and the `python -m worksheets` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml
from worksheets.cli import main, schema_text
from worksheets.model import json_schema

from tests.conftest import write_doc as write

REPO = Path(__file__).resolve().parent.parent.parent
SCHEMA = REPO / "schema" / "worksheets.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "run 'make schema' and commit schema/worksheets.schema.json"
    )


def test_schema_accepts_the_repository_pages_and_rejects_typos() -> None:
    schema = json_schema()
    validator = jsonschema.Draft202012Validator(schema)
    pages = sorted((REPO / "docs").rglob("*.md"))
    blocks = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}
        errors = list(validator.iter_errors(front))
        assert errors == [], f"{page}: {errors[0].message if errors else ''}"
        blocks += ("checklist" in front) + ("worksheet" in front)
    assert blocks >= 6
    bad = {
        "checklist": {
            "id": "a",
            "sections": [
                {"id": "s", "title": "S", "items": [{"id": "i", "text": "t", "requried": True}]}
            ],
        }
    }
    assert not validator.is_valid(bad)


BROKEN = """\
---
checklist:
  id: list
  sections:
    - id: basics
      title: Basics
      items:
        - id: visited
          text: Visited.
          weight: two
          requried: true
---
"""


def test_check_passes_on_the_repository_docs() -> None:
    assert main(["check", str(REPO / "docs")]) == 0


def test_check_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    write(tmp_path, "en/a.md", BROKEN)
    completed = subprocess.run(
        [sys.executable, "-m", "worksheets", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout.splitlines() == [
        "en/a.md:10: checklist.sections[0].items[0].weight: must be a number greater than 0, "
        "got 'two'",
        "en/a.md:11: checklist.sections[0].items[0].requried: unknown key 'requried'; "
        "did you mean 'required'?",
    ]
    assert "2 problems" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_check_json_output(tmp_path: Path) -> None:
    write(tmp_path, "en/a.md", BROKEN)
    write(tmp_path, "es/other.md", "# Otra\n")
    completed = subprocess.run(
        [sys.executable, "-m", "worksheets", "check", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(completed.stdout)
    assert report["problems"][0] == {
        "path": "en/a.md",
        "line": 10,
        "field": "checklist.sections[0].items[0].weight",
        "message": "must be a number greater than 0, got 'two'",
    }
    assert report["missing_translations"] == [
        {"page": "a.md", "language": "es", "fallback": "en/a.md"}
    ]


def test_check_on_a_missing_folder(tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 2


def test_schema_check_flags_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "schema.json"
    stale.write_text("{}", encoding="utf-8")
    assert main(["schema", "--output", str(stale), "--check"]) == 1
    assert main(["schema", "--output", str(stale)]) == 0
    assert main(["schema", "--output", str(stale), "--check"]) == 0


def test_check_of_one_language_leaves_the_others_out(tmp_path: Path) -> None:
    good = BROKEN.replace("          weight: two\n          requried: true\n", "")
    write(tmp_path, "en/a.md", good)
    write(tmp_path, "es/a.md", BROKEN)
    assert main(["check", str(tmp_path), "--language", "en"]) == 0
    assert main(["check", str(tmp_path)]) == 1
