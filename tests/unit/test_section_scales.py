"""Per-section scales (SPEC section 3): model, check, translations, page and print."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from worksheets.checks import block_rules, translation_parity
from worksheets.formats.problems import Problem
from worksheets.model import Worksheet
from worksheets.parse import parse_page
from worksheets.pdf.document import Entry, print_html
from worksheets.render import render_block

# A call-evaluation form: yes/no compliance items (a "No" fails the call), rated skills.
FORM = """\
---
worksheet:
  id: contact-evaluation
  {scale}
  sections:
    - id: compliance
      title: Compliance
      scale:
        - {{value: 0, label: "No"}}
        - {{value: 1, label: "Yes"}}
      criteria:
        - {{id: identity, text: The caller's identity was verified., critical: true}}
    - id: skills
      title: Skills
      {skills_scale}
      criteria:
        - {{id: empathy, text: The agent acknowledged the problem.}}
  bands:
    - {{min: 80, label: Pass}}
    - {{min: 0, label: Coach}}
---
# Form
"""
SKILLS_SCALE = (
    "scale: [{value: 1, label: Poor}, {value: 2, label: Fair}, "
    "{value: 3, label: Good}, {value: 4, label: Excellent}]"
)


def page(scale: str = "", skills_scale: str = SKILLS_SCALE) -> str:
    return FORM.format(scale=scale, skills_scale=skills_scale)


def problems_in(source: str, path: str = "en/form.md") -> list[Problem]:
    parsed = parse_page(path, source, path.split("/")[0], "form.md")
    found = list(parsed.problems)
    for block in parsed.blocks.values():
        found.extend(block_rules(path, block))
    return found


def model(source: str) -> Worksheet:
    parsed = parse_page("en/form.md", source, "en", "form.md")
    found = parsed.model("worksheet")
    assert isinstance(found, Worksheet), parsed.problems
    return found


def test_every_section_with_its_own_scale_needs_no_worksheet_scale() -> None:
    assert problems_in(page()) == []
    worksheet = model(page())
    assert worksheet.scale is None
    assert [p.label for p in worksheet.scale_by_criterion()["identity"]] == ["No", "Yes"]


def test_a_section_without_a_scale_needs_the_worksheets() -> None:
    (problem,) = problems_in(page(skills_scale=""))
    assert str(problem) == (
        "en/form.md:2: worksheet: needs a 'scale:', or one on every section (sections[1] has none)"
    )
    assert problems_in(page(scale=SKILLS_SCALE, skills_scale="")) == []


def test_a_section_scale_follows_the_scale_rules() -> None:
    source = page(skills_scale="scale: [{value: 2, label: A}, {value: 1, label: B}]")
    (problem,) = problems_in(source)
    assert problem.field == "worksheet.sections[1].scale[1].value"
    assert problem.message.startswith("must be greater than the value before it (2)")
    assert problem.line == 15  # the section's `scale:` line (a flow list)
    (short,) = problems_in(page(skills_scale="scale: [{value: 1, label: A}]"))
    assert short.field == "worksheet.sections[1].scale"
    assert short.message == "needs at least 2 entries"


def test_translations_keep_a_sections_scale_values() -> None:
    english = parse_page("en/form.md", page(), "en", "form.md")
    swedish_source = page().replace("{value: 4, label: Excellent}", "{value: 5, label: Utmärkt}")
    swedish = parse_page("sv/form.md", swedish_source, "sv", "form.md")
    (problem,) = translation_parity(english, swedish)
    assert problem.field == "worksheet.sections[1].scale"
    assert problem.message.startswith("scale values [1, 2, 3, 5] here but [1, 2, 3, 4] in en/")


@pytest.mark.parametrize("lang", ["en", "es", "sv"])
def test_the_page_offers_each_sections_own_scale(lang: str) -> None:
    html = render_block(model(page()), lang, "Form")
    document = BeautifulSoup(html, "html.parser")
    values = {
        name: [radio["value"] for radio in document.find_all("input", attrs={"name": name})]
        for name in ("contact-evaluation:identity", "contact-evaluation:empathy")
    }
    assert values == {
        "contact-evaluation:identity": ["0", "1", "na"],
        "contact-evaluation:empathy": ["1", "2", "3", "4", "na"],
    }
    how = document.find(class_="worksheets-how")
    assert how is not None and "0 %" in how.get_text().replace("0%", "0 %")


def test_the_pdf_offers_each_sections_own_scale() -> None:
    html = print_html([Entry(model(page()), "Form")], "en", date="2026-11-24", site_name="KB")
    document = BeautifulSoup(html, "html.parser")
    identity = document.find_all("input", attrs={"name": "contact-evaluation:identity"})
    assert [radio["value"] for radio in identity] == ["0", "1", "na"]
    headings = [h.get_text() for h in document.find_all("h3")]
    assert headings.count("Answer scale") == 2


def test_a_failed_compliance_item_shows_the_lowest_band_at_once() -> None:
    html = render_block(model(page()), "en", "Form", {"identity": 0})
    status = BeautifulSoup(html, "html.parser").find(name=None, attrs={"role": "status"})
    assert status is not None
    lines = [p.get_text() for p in status.find_all("p")]
    assert lines == [
        "Score: 0%",
        "Band: Coach",
        "Provisional: 1 of 2 answered",
        "Critical criteria failed: The caller's identity was verified",
    ]


def test_a_good_partial_result_shows_no_band() -> None:
    html = render_block(model(page()), "en", "Form", {"identity": 1})
    status = BeautifulSoup(html, "html.parser").find(name=None, attrs={"role": "status"})
    assert status is not None
    assert [p.get_text() for p in status.find_all("p")] == [
        "Score: 100%",
        "Band: shown once every criterion is answered",
        "Provisional: 1 of 2 answered",
    ]
