"""The knowledge base itself: every page in three languages, the same blocks everywhere."""

from __future__ import annotations

import re

import pytest
from worksheets.model import Worksheet
from worksheets.scan import scan_docs

from tests.conftest import REPO

DOCS = REPO / "docs"
LANGUAGES = ("en", "es", "sv")
GUIDES = (
    "index.md",
    "quality-assurance.md",
    "choosing-a-vendor.md",
    "data-protection.md",
    "site-visit.md",
    "transition-and-exit.md",
    "running-the-engagement.md",
    "kpis-and-slas.md",
    "quality-monitoring.md",
    "contact-evaluation.md",
    "copc-readiness.md",
    "healthy-engagement.md",
    "glossary.md",
)
BLOCKS = {
    "vendor-due-diligence",
    "vendor-selection-scorecard",
    "monthly-governance-review",
    "quality-monitoring-programme",
    "copc-readiness",
    "engagement-health-check",
    "monthly-sla-kpi-scorecard",
    "security-due-diligence",
    "contact-evaluation",
    "transition-readiness",
    "site-visit",
}
LINK_RE = re.compile(r"\]\(([a-z0-9-]+\.md)(?:#([a-z0-9-]+))?\)")


def test_every_english_page_has_its_two_translations() -> None:
    english = sorted(path.relative_to(DOCS / "en") for path in (DOCS / "en").rglob("*.md"))
    assert {str(path) for path in english} >= set(GUIDES)
    for lang in LANGUAGES[1:]:
        missing = [str(path) for path in english if not (DOCS / lang / path).is_file()]
        assert missing == [], f"docs/{lang} lacks {missing}"


def test_every_block_id_appears_in_all_three_languages() -> None:
    site = scan_docs(DOCS, "en", list(LANGUAGES))
    assert site.problems == []
    ids = {
        lang: {
            block.model.id
            for (page_lang, _), page in site.pages.items()
            if page_lang == lang
            for block in page.blocks.values()
            if block.model is not None
        }
        for lang in LANGUAGES
    }
    assert ids["en"] == BLOCKS
    assert ids["es"] == ids["en"] and ids["sv"] == ids["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_anchors_are_the_same_in_every_language(lang: str) -> None:
    def anchors(language: str) -> list[str]:
        text = (DOCS / language / "glossary.md").read_text(encoding="utf-8")
        return re.findall(r"^###? .*\{#([a-z0-9-]+)\}\s*$", text, re.M)

    assert anchors(lang) == anchors("en")
    assert {"bpo", "copc", "ql", "sla", "kpi", "side-by-side-monitoring"} <= set(anchors(lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_links_every_guide_and_the_booklet(lang: str) -> None:
    home = (DOCS / lang / "index.md").read_text(encoding="utf-8")
    for guide in GUIDES[1:]:
        assert f"({guide}" in home, f"{lang}/index.md does not link {guide}"
    assert "<!-- booklet -->" in home


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copc_readiness_is_labelled_a_self_assessment(lang: str) -> None:
    text = (DOCS / lang / "copc-readiness.md").read_text(encoding="utf-8").lower()
    word = {"en": "self-assessment", "es": "autoevaluación", "sv": "självbedömning"}[lang]
    assert word in text
    assert "32" in text


def test_at_least_eleven_blocks() -> None:
    assert len(BLOCKS) >= 11


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_between_guides_resolve_and_every_guide_is_linked(lang: str) -> None:
    glossary = (DOCS / lang / "glossary.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r"\{#([a-z0-9-]+)\}", glossary))
    linked: set[str] = set()
    for page in sorted((DOCS / lang).glob("*.md")):
        for target, anchor in LINK_RE.findall(page.read_text(encoding="utf-8")):
            assert (DOCS / lang / target).is_file(), f"{page.name} links {target}"
            if target == "glossary.md" and anchor:
                assert anchor in anchors, f"{page.name} links glossary.md#{anchor}"
            if target != page.name:
                linked.add(target)
    assert set(GUIDES) - {"index.md"} <= linked


@pytest.mark.parametrize("lang", ["es", "sv"])
def test_each_language_uses_its_own_terms(lang: str) -> None:
    """terminology/<lang>.yml: the site's term for each concept; the variants to avoid
    (another variety of Spanish, a word that means something else in Swedish)."""
    import yaml

    entries = yaml.safe_load((REPO / "terminology" / f"{lang}.yml").read_text(encoding="utf-8"))
    assert len(entries) >= 20
    found = []
    for page in sorted((DOCS / lang).glob("*.md")):
        text = page.read_text(encoding="utf-8").lower()
        for entry in entries:
            for word in entry.get("avoid") or []:
                if re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text):
                    found.append(f"{page.name}: '{word}' (this site says '{entry['term']}')")
    assert found == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_evaluation_form_mixes_yes_no_compliance_with_rated_skills(lang: str) -> None:
    site = scan_docs(DOCS, "en", list(LANGUAGES))
    page = site.page(lang, "contact-evaluation.md")
    assert page is not None
    form = page.model("worksheet")
    assert isinstance(form, Worksheet) and form.scale is None
    compliance = form.sections[0]
    assert compliance.scale is not None and [p.value for p in compliance.scale] == [0, 1]
    assert all(criterion.critical for criterion in compliance.criteria)
    assert all(section.scale is not None for section in form.sections)


def test_source_figures_are_not_repeated_as_norms() -> None:
    english = " ".join(
        page.read_text(encoding="utf-8").lower() for page in (DOCS / "en").glob("*.md")
    )
    assert english.count("core competence") <= 2
    assert english.count("7 to 14") <= 3
