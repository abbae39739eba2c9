"""One test per validation rule (SPEC section 4): the message text and its line.

Each case marks the line the problem must point at with ``#<`` in its source.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from worksheets.checks import block_rules
from worksheets.formats.problems import Problem
from worksheets.model import Worksheet
from worksheets.parse import parse_page
from worksheets.scan import scan_docs

from tests.conftest import write_doc as write

CHECKLIST = """\
---
checklist:
  id: due-diligence
  sections:
    - id: basics
      title: Basics
      items:
        - id: visited
          text: We visited the site.
{extra}
---
# Page
"""


def problems_in(source: str, path: str = "en/page.md") -> list[Problem]:
    page = parse_page(path, source, "en", "page.md")
    found = list(page.problems)
    for block in page.blocks.values():
        found.extend(block_rules(path, block))
    return found


def marked_line(source: str) -> int:
    lines = [number for number, line in enumerate(source.splitlines(), 1) if "#<" in line]
    assert len(lines) == 1, "mark exactly one line with #<"
    return lines[0]


CASES = [
    (
        "number-expected",
        """\
        ---
        worksheet:
          id: copc
          scale: [{value: 0, label: No}, {value: 1, label: Yes}]
          bands: [{min: 0, label: Any}]
          sections:
            - id: monitoring
              title: Monitoring
              criteria:
                - id: frequency
                  text: Monitored often.
                  weight: two #<
        ---
        """,
        "worksheet.sections[0].criteria[0].weight",
        "must be a number of 0 or more, got 'two'",
    ),
    (
        "weight-zero",
        CHECKLIST.format(extra="          weight: 0 #<"),
        "checklist.sections[0].items[0].weight",
        "must be a number greater than 0, got 0",
    ),
    (
        "typo-with-suggestion",
        CHECKLIST.format(extra="          requried: true #<"),
        "checklist.sections[0].items[0].requried",
        "unknown key 'requried'; did you mean 'required'?",
    ),
    (
        "unknown-key-without-close-match",
        CHECKLIST.format(extra="          colour: red #<"),
        "checklist.sections[0].items[0].colour",
        "unknown key 'colour'; known keys: help, id, required, text, weight",
    ),
    (
        "boolean-expected",
        CHECKLIST.format(extra="          required: yes #<"),
        "checklist.sections[0].items[0].required",
        "must be true or false, got 'yes'",
    ),
    (
        "text-expected",
        CHECKLIST.format(extra="          help: 42 #<"),
        "checklist.sections[0].items[0].help",
        "must be text, got 42 (put it in quotes)",
    ),
    (
        "bad-slug",
        CHECKLIST.format(extra="        - id: Second_Item #<\n          text: Two"),
        "checklist.sections[0].items[1].id",
        "must be a slug (lowercase letters and digits, words joined by single hyphens, "
        "like 'vendor-due-diligence'), got 'Second_Item'",
    ),
    (
        "missing-text",
        CHECKLIST.format(extra="        - id: second #<"),
        "checklist.sections[0].items[1].text",
        "is required",
    ),
    (
        "duplicate-item-id",
        CHECKLIST.format(
            extra="    - id: more\n      title: More\n      items:\n"
            "        - id: visited #<\n          text: Again."
        ),
        "checklist.sections[1].items[0].id",
        "duplicate id 'visited' (also checklist.sections[0].items[0]); "
        "ids are unique in a checklist",
    ),
    (
        "duplicate-section-id",
        CHECKLIST.format(
            extra="    - id: basics #<\n      title: Again\n      items:\n"
            "        - id: other\n          text: Other."
        ),
        "checklist.sections[1].id",
        "duplicate section id 'basics' (also sections[0])",
    ),
    (
        "version-not-positive",
        """\
        ---
        checklist:
          id: list
          version: 0 #<
          sections: [{id: a, title: A, items: [{id: b, text: B}]}]
        ---
        """,
        "checklist.version",
        "must be a whole number from 1 to 1000000, got 0",
    ),
    (
        "empty-sections",
        """\
        ---
        checklist:
          id: list
          sections: [] #<
        ---
        """,
        "checklist.sections",
        "needs at least 1 entry",
    ),
    (
        "missing-block-id",
        """\
        ---
        checklist: #<
          sections: [{id: a, title: A, items: [{id: b, text: B}]}]
        ---
        """,
        "checklist.id",
        "is required",
    ),
    (
        "block-not-a-mapping",
        """\
        ---
        checklist: yes #<
        ---
        """,
        "checklist",
        "must be a mapping of keys, got 'yes'",
    ),
    (
        "scale-too-short",
        """\
        ---
        worksheet:
          id: w
          scale: [{value: 0, label: Only}] #<
          bands: [{min: 0, label: Any}]
          sections: [{id: a, title: A, criteria: [{id: c, text: C}]}]
        ---
        """,
        "worksheet.scale",
        "needs at least 2 entries",
    ),
    (
        "scale-not-ascending",
        """\
        ---
        worksheet:
          id: w
          scale:
            - {value: 2, label: High}
            - {value: 1, label: Low} #<
          bands: [{min: 0, label: Any}]
          sections: [{id: a, title: A, criteria: [{id: c, text: C}]}]
        ---
        """,
        "worksheet.scale[1].value",
        "must be greater than the value before it (2); scale values are unique and ascending",
    ),
    (
        "scale-value-not-integer",
        """\
        ---
        worksheet:
          id: w
          scale:
            - {value: 0, label: Low}
            - {value: 1.5, label: High} #<
          bands: [{min: 0, label: Any}]
          sections: [{id: a, title: A, criteria: [{id: c, text: C}]}]
        ---
        """,
        "worksheet.scale[1].value",
        "must be a whole number from -1000000 to 1000000, got 1.5",
    ),
    (
        "no-zero-band",
        """\
        ---
        worksheet:
          id: w
          scale: [{value: 0, label: No}, {value: 1, label: Yes}]
          bands: #<
            - {min: 50, label: Good}
          sections: [{id: a, title: A, criteria: [{id: c, text: C}]}]
        ---
        """,
        "worksheet.bands",
        "one band must have 'min: 0' so that every score falls in a band",
    ),
    (
        "duplicate-band-min",
        """\
        ---
        worksheet:
          id: w
          scale: [{value: 0, label: No}, {value: 1, label: Yes}]
          bands:
            - {min: 0, label: Low}
            - {min: 0, label: Also low} #<
          sections: [{id: a, title: A, criteria: [{id: c, text: C}]}]
        ---
        """,
        "worksheet.bands[1].min",
        "duplicate band min 0 (also bands[0])",
    ),
    (
        "band-min-out-of-range",
        """\
        ---
        worksheet:
          id: w
          scale: [{value: 0, label: No}, {value: 1, label: Yes}]
          bands:
            - {min: 0, label: Low}
            - {min: 120, label: Impossible} #<
          sections: [{id: a, title: A, criteria: [{id: c, text: C}]}]
        ---
        """,
        "worksheet.bands[1].min",
        "must be a number from 0 to 100, got 120",
    ),
    (
        "section-weights-all-or-none",
        """\
        ---
        worksheet:
          id: w
          scale: [{value: 0, label: No}, {value: 1, label: Yes}]
          bands: [{min: 0, label: Any}]
          sections:
            - {id: a, title: A, weight: 30, criteria: [{id: c, text: C}]}
            - {id: b, title: B, criteria: [{id: d, text: D}]} #<
        ---
        """,
        "worksheet.sections[1]",
        "has no weight but other sections do; give a weight to every section or to none",
    ),
    (
        "yaml-syntax-error",
        """\
        ---
        title: Broken
        checklist:
          id: list
          sections: [{id: a, title: A #<
        ---
        """,
        "front matter",
        "YAML syntax error",
    ),
    (
        "duplicate-yaml-key",
        """\
        ---
        checklist:
          id: list
          id: other #<
          sections: [{id: a, title: A, items: [{id: b, text: B}]}]
        ---
        """,
        "checklist.id",
        "this key appears twice; the last one wins, delete the other",
    ),
    (
        "marker-without-block",
        """\
        ---
        title: No block
        ---
        # Page

        <!-- worksheet --> #<
        """.replace(" #<\n", "\n")
        + "",
        "worksheet",
        "the page has a <!-- worksheet --> marker but no 'worksheet:' block",
    ),
    (
        "marker-twice",
        CHECKLIST.format(extra="") + "<!-- checklist -->\n\nText.\n\n<!-- checklist -->#<\n",
        "checklist",
        "the <!-- checklist --> marker appears again (first on line",
    ),
    (
        "front-matter-not-closed",
        "---#<\ntitle: Never closed\nchecklist:\n  id: list\n",
        "front matter",
        "starts with '---' but has no closing '---' line",
    ),
]


@pytest.mark.parametrize(
    ("source", "field", "message"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_rule(source: str, field: str, message: str) -> None:
    source = textwrap.dedent(source)
    if "#<" in source:
        expected_line = marked_line(source)
    else:  # the marker line itself cannot carry "#<": find it by its text
        expected_line = next(
            number for number, line in enumerate(source.splitlines(), 1) if line.startswith("<!--")
        )
    problems = problems_in(source.replace("#<", ""))
    matching = [p for p in problems if p.field == field and message in p.message]
    assert matching, f"no '{field}: {message}' in:\n" + "\n".join(map(str, problems))
    assert matching[0].line == expected_line, str(matching[0])
    assert str(matching[0]).startswith(f"en/page.md:{expected_line}: {field}: ")


def test_every_problem_is_reported_in_one_run() -> None:
    source = CHECKLIST.format(
        extra="          weight: -1\n          requried: true\n        - id: Bad\n          text: x"
    )
    fields = {p.field for p in problems_in(source)}
    assert {
        "checklist.sections[0].items[0].weight",
        "checklist.sections[0].items[0].requried",
        "checklist.sections[0].items[1].id",
    } <= fields


def test_marker_in_code_fence_is_not_a_marker() -> None:
    source = "# Authoring\n\n```markdown\n<!-- worksheet -->\n```\n"
    assert problems_in(source) == []


def test_yes_and_no_are_words_in_labels() -> None:
    source = textwrap.dedent("""\
        ---
        worksheet:
          id: w
          scale: [{value: 0, label: No}, {value: 1, label: Yes}]
          bands: [{min: 0, label: Any}]
          sections: [{id: a, title: A, criteria: [{id: c, text: C}]}]
        ---
        """)
    page = parse_page("en/page.md", source, "en", "page.md")
    assert page.problems == []
    model = page.model("worksheet")
    assert isinstance(model, Worksheet)
    assert [point.label for point in model.scale or []] == ["No", "Yes"]


# --- across pages and languages -------------------------------------------------


WORKSHEET = """\
---
worksheet:
  id: readiness
  version: {version}
  scale: [{{value: 0, label: {no}}}, {{value: {top}, label: {yes}}}]
  bands: [{{min: 0, label: {low}}}, {{min: {band}, label: {high}}}]
  sections:
    - id: training
      title: {training}
      weight: {weight}
      criteria:
        - id: programme
          text: {text}
          critical: {critical}
    - id: monitoring
      title: {monitoring}
      weight: 50
      criteria:
        - id: {second}
          text: {text}
---
# {training}
"""
EN = dict(
    version=1,
    no="No",
    yes="Yes",
    top=2,
    low="Low",
    high="High",
    band=80,
    training="Training",
    weight=50,
    text="Text",
    critical="true",
    monitoring="Monitoring",
    second="frequency",
)
ES = {
    **EN,
    "no": "No",
    "yes": "Sí",
    "low": "Bajo",
    "high": "Alto",
    "training": "Capacitación",
    "text": "Texto",
    "monitoring": "Monitoreo",
}


def test_translation_with_same_structure_passes(tmp_path: Path) -> None:
    write(tmp_path, "en/ready.md", WORKSHEET.format(**EN))
    write(tmp_path, "es/ready.md", WORKSHEET.format(**ES))
    site = scan_docs(tmp_path, "en", ["en", "es", "sv"])
    assert site.problems == []
    assert [(m.rel, m.lang) for m in site.missing] == [("ready.md", "sv")]


@pytest.mark.parametrize(
    ("change", "line", "field", "message"),
    [
        ({"weight": 60}, 10, "worksheet.sections[0].weight", "60 here but 50 in en/ready.md:10"),
        ({"version": 2}, 4, "worksheet.version", "2 here but 1 in en/ready.md:4"),
        (
            {"critical": "false"},
            14,
            "worksheet.sections[0].criteria[0].critical",
            "false here but true in en/ready.md:14",
        ),
        (
            {"second": "cadence"},
            18,
            "worksheet.sections[1].criteria",
            "criterion ids [cadence] here but [frequency] in en/ready.md:18",
        ),
        ({"top": 3}, 5, "worksheet.scale", "scale values [0, 3] here but [0, 2] in en/ready.md:5"),
        ({"band": 85}, 6, "worksheet.bands", "band mins [0, 85] here but [0, 80] in en/ready.md:6"),
    ],
)
def test_translation_structure_mismatch_names_both_files(
    tmp_path: Path, change: dict[str, object], line: int, field: str, message: str
) -> None:
    write(tmp_path, "en/ready.md", WORKSHEET.format(**EN))
    write(tmp_path, "es/ready.md", WORKSHEET.format(**{**ES, **change}))
    problems = scan_docs(tmp_path, "en", ["en", "es"]).problems
    assert [str(p).split("; ")[0] for p in problems] == [f"es/ready.md:{line}: {field}: {message}"]


def test_translation_without_the_block(tmp_path: Path) -> None:
    write(tmp_path, "en/ready.md", WORKSHEET.format(**EN))
    write(tmp_path, "sv/ready.md", "# Beredskap\n")
    problems = scan_docs(tmp_path, "en", ["en", "sv"]).problems
    assert [str(p) for p in problems] == [
        "sv/ready.md:1: worksheet: en/ready.md:2 has a worksheet but sv/ready.md has none; "
        "translations have the same blocks as the default language"
    ]


def test_duplicate_block_id_across_pages(tmp_path: Path) -> None:
    write(tmp_path, "en/a.md", WORKSHEET.format(**EN))
    write(tmp_path, "en/b.md", WORKSHEET.format(**EN))
    problems = scan_docs(tmp_path, "en", ["en"]).problems
    assert [str(p) for p in problems] == [
        "en/b.md:3: worksheet.id: 'readiness' is already the id of the worksheet in "
        "en/a.md:3; block ids are unique across the site"
    ]


def test_checklist_and_worksheet_share_an_id_namespace(tmp_path: Path) -> None:
    source = WORKSHEET.format(**EN).replace(
        "---\n# ",
        "checklist:\n  id: readiness\n  sections: "
        "[{id: a, title: A, items: [{id: b, text: B}]}]\n---\n# ",
        1,
    )
    write(tmp_path, "en/a.md", source)
    problems = scan_docs(tmp_path, "en", ["en"]).problems
    assert len(problems) == 1
    assert "is already the id of the" in problems[0].message


def _gate_page(criterion: str, section: str = "") -> str:
    """A worksheet whose first criterion has ``criterion`` as its extra lines (marked with
    "#<" where the problem is expected), and its section ``section``."""
    return (
        "---\n"
        "worksheet:\n"
        "  id: contact\n"
        "  scale: [{value: 0, label: Poor}, {value: 1, label: Weak}, {value: 2, label: Good}]\n"
        "  bands: [{min: 0, label: Any}]\n"
        "  sections:\n"
        "    - id: skills\n"
        "      title: Skills\n" + section + "      criteria:\n"
        "        - id: resolution\n"
        "          text: The answer was right.\n" + criterion + "        - id: tone\n"
        "          text: The tone was kind.\n"
        "---\n"
    )


GATE_CASES = [
    (
        "weight-zero-not-critical",
        _gate_page("          weight: 0 #<\n"),
        "worksheet.sections[0].criteria[0].weight",
        "is 0, which only a gate may be",
    ),
    (
        "below-not-on-the-scale",
        _gate_page("          critical: {below: 5} #<\n"),
        "worksheet.sections[0].criteria[0].critical.below",
        "must be a value of this criterion's scale (0, 1, 2), got 5",
    ),
    (
        "below-the-lowest",
        _gate_page("          critical: {below: 0} #<\n"),
        "worksheet.sections[0].criteria[0].critical.below",
        "is the scale's lowest value (0), so nothing is below it",
    ),
    (
        "fails-unknown",
        _gate_page("          critical: {below: 2, fails: form} #<\n"),
        "worksheet.sections[0].criteria[0].critical.fails",
        "must be 'all' (the whole form fails) or 'section' (its section fails), got 'form'",
    ),
    (
        "critical-not-a-rule",
        _gate_page("          critical: yes #<\n"),
        "worksheet.sections[0].criteria[0].critical",
        "must be true, false or a mapping with 'below' and 'fails'",
    ),
    (
        "critical-unknown-key",
        _gate_page("          critical: {belwo: 2} #<\n"),
        "worksheet.sections[0].criteria[0].critical.belwo",
        "unknown key 'belwo'; did you mean 'below'?",
    ),
    (
        "section-weight-zero-with-points",
        _gate_page("", "      weight: 0 #<\n"),
        "worksheet.sections[0].weight",
        "is 0, which only a section of gates may be",
    ),
    (
        "section-and-criterion-share-an-id",
        _gate_page("").replace("- id: tone", "- id: skills #<"),
        "worksheet.sections[0].criteria[1].id",
        "'skills' is also the id of sections[0]; a section and a criterion need ids of their own",
    ),
]


@pytest.mark.parametrize(("source", "field", "message"), [case[1:] for case in GATE_CASES],
                         ids=[case[0] for case in GATE_CASES])  # fmt: skip
def test_gate_and_threshold_rules(source: str, field: str, message: str) -> None:
    expected_line = marked_line(source)
    problems = problems_in(source.replace("#<", ""))
    matching = [p for p in problems if p.field == field and message in p.message]
    assert matching, f"no '{field}: {message}' in:\n" + "\n".join(map(str, problems))
    assert matching[0].line == expected_line, str(matching[0])


def test_a_gate_and_a_section_threshold_are_accepted() -> None:
    source = _gate_page("          weight: 0\n          critical: {below: 2, fails: section}\n")
    assert problems_in(source) == []
    gate_section = _gate_page(
        "          weight: 0\n          critical: true\n", "      weight: 0\n"
    )
    assert [
        str(p)
        for p in problems_in(
            gate_section.replace(
                "text: The tone was kind.",
                "text: Kind.\n          weight: 0\n          critical: true",
            )
        )
    ] == []
