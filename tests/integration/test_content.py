"""The knowledge base itself: every page in three languages, the same blocks everywhere."""

from __future__ import annotations

import re

import pytest
from worksheets.scan import scan_docs

from tests.conftest import REPO

DOCS = REPO / "docs"
LANGUAGES = ("en", "es", "sv")
GUIDES = (
    "index.md",
    "quality-assurance.md",
    "choosing-a-vendor.md",
    "running-the-engagement.md",
    "quality-monitoring.md",
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
}


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
