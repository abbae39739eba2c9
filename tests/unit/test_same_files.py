"""The page and `report` accept the same files (SPEC section 5): Hypothesis writes
answers files and bundles near every limit and shape, and each one goes both to the
Python owner (formats/answers.py, as `report` reads it) and to the page's own reading
(assets/transfer.js's readFile, under Node): both take it, with the same answers, or
both refuse it."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from worksheets.formats.answers import AnswersError, fit, parse_assessments

from tests.conftest import REPO
from tests.unit.test_js_scoring import EXAMPLES, model_of, script_block

MODEL = model_of(EXAMPLES["worksheet"])
BLOCK = script_block(MODEL, "en")


class Page:
    """One Node process reading files as the page does, a line each way."""

    def __init__(self) -> None:
        node = shutil.which("node")
        assert node, "Node.js is needed (make test installs it)"
        self.process = subprocess.Popen(
            [node, "tests/js/accepts.mjs"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def read(self, text: str) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(
            json.dumps({"block": BLOCK, "name": "f.json", "text": text}) + "\n"
        )
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())  # type: ignore[no-any-return]

    def close(self) -> None:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    reader = Page()
    yield reader
    reader.close()


def python_reads(text: str) -> list[dict[str, Any]] | None:
    try:
        documents = parse_assessments(text.encode("utf-8", "surrogatepass"))
    except AnswersError:
        return None
    read = []
    for document in documents:
        fitted = fit(document, MODEL)
        read.append({"label": document.label, "answers": fitted.answers, "notes": fitted.notes})
    return read


def weighted(*choices: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """One of the strategies, each as often as its weight."""
    return st.sampled_from(
        [strategy for weight, strategy in choices for _ in range(weight)]
    ).flatmap(lambda strategy: strategy)


texts = weighted(
    (12, st.text(alphabet=st.characters(codec="utf-8"), max_size=5)),
    (2, st.text(alphabet="ab", min_size=195, max_size=205)),
    (1, st.just("\ud800")),
    (1, st.just("x" * 4001)),
)
answers = weighted(
    (6, st.integers(-2, 4)),
    (4, st.sampled_from([2.0, 2.5, -0.0, 1e20, True, False, "na", "NA", "1", None, [], {}])),
)
dates = weighted(
    (4, st.none()),
    (4, st.dates().map(str)),
    (2, st.sampled_from(["2026-02-30", "2026-W01-1", "20261124", "2026-11-24T00:00"])),
)


def mostly(valid: Any, *invalid: Any) -> st.SearchStrategy[Any]:
    """``valid`` four times in five, else one of ``invalid``: a file is near valid, so
    that each of its fields is tried on its own."""
    return st.sampled_from([valid] * (4 * len(invalid)) + list(invalid))


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": draw(mostly("worksheets/answers@1", "worksheets/answers@2")),
        "kind": draw(mostly("worksheet", "checklist", "other")),
        "id": draw(mostly("readiness", "Readiness", "a" * 201, "other-block")),
        "version": draw(mostly(1, 2, 0, 1.0, 1.5, 1_000_001, "1", True)),
        "lang": draw(mostly("en", "es", "pt-BR", "e", "x" * 40, 3)),
    }
    optional = {
        "label": texts,
        "assessor": st.one_of(st.none(), texts),
        "date": dates,
        "updated": st.sampled_from([None, "2026-11-24T10:00:00Z", "u" * 65, 5]),
        "answers": weighted(
            (8, st.dictionaries(st.sampled_from(["programme", "records", "gone"]), answers)),
            (1, st.sampled_from([None, [], "x"])),
        ),
        "notes": weighted(
            (8, st.dictionaries(st.sampled_from(["programme", "gone"]), texts)),
            (1, st.dictionaries(st.just("records"), st.integers())),
        ),
        "extra": st.sampled_from([1, "x", None, 1e300]),
    }
    for key, strategy in optional.items():
        if draw(mostly(key in ("answers", "label"), key not in ("answers", "label"))):
            document[key] = draw(strategy)
    return document


@st.composite
def files(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return json.dumps(draw(documents()), ensure_ascii=draw(st.booleans()))
    bundle: dict[str, Any] = {
        "format": "worksheets/bundle@1",
        "assessments": draw(st.lists(documents(), max_size=3)),
    }
    return json.dumps(bundle, ensure_ascii=draw(st.booleans()))


def same_reading(page: Page, text: str) -> None:
    """Refused by both, or taken by both with the same answers and notes for this block
    (a file for other blocks only is taken by `report`, and the page says whose it is)."""
    python = python_reads(text)
    script = page.read(text)
    if python is None:
        assert script["states"] == [] and script["problems"], (text[:300], script)
        return
    expected = [
        {"answers": document["answers"], "notes": document["notes"]}
        for document, source in zip(python, _sources(text), strict=True)
        if source.get("kind") == "worksheet" and source.get("id") == "readiness"
    ]
    got = [{"answers": state["answers"], "notes": state["notes"]} for state in script["states"]]
    assert got == expected, (text[:300], script)
    if not expected:
        assert script["problems"], (text[:300], script)


def _sources(text: str) -> list[dict[str, Any]]:
    data = json.loads(text)
    return data["assessments"] if data.get("format") == "worksheets/bundle@1" else [data]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files())
@example(json.dumps({"format": "worksheets/answers@1", "kind": "worksheet", "id": "readiness",
                     "version": 1, "lang": "en", "label": "L" * 201}))  # fmt: skip
@example('{"format": "worksheets/answers@1", "kind": "worksheet", "id": "readiness", '
         '"version": 1, "lang": "en", "x": 1' + "0" * 500 + "}")  # fmt: skip
@example('{"format": "worksheets/answers@1", "kind": "worksheet", "id": "readiness", '
         '"version": 1, "lang": "en", "answers": {"\\ud800": 1}}')  # fmt: skip
def test_the_page_and_report_accept_the_same_files(page: Page, text: str) -> None:
    same_reading(page, text)
