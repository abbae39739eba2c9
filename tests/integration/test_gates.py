"""Scoring that can say no (SPEC section 3): a contact-evaluation form with gates (yes/no
rules of weight 0), a threshold that fails the form ("below Good") and one that fails
its section, built in three languages: each says what fails in words, translations keep
the thresholds, and a filled PDF scores as the page does."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader, PdfWriter
from worksheets.formats.answers import fit
from worksheets.model import Worksheet
from worksheets.pdf.read import read_answers
from worksheets.scan import scan_docs
from worksheets.scoring import round_percent, score_worksheet

from tests.conftest import SiteFolder
from tests.pdf_filling import choose

FORM = """\
---
title: {title}
worksheet:
  id: contact
  scale:
    - {{value: 0, label: {poor}}}
    - {{value: 1, label: {weak}}}
    - {{value: 2, label: {good}}}
    - {{value: 3, label: {strong}}}
  sections:
    - id: compliance
      title: {compliance}
      weight: 0
      scale: [{{value: 0, label: {no}}}, {{value: 1, label: {yes}}}]
      criteria:
        - {{id: identity, text: {identity}, weight: 0, critical: true}}
    - id: resolution
      title: {resolution}
      weight: 60
      criteria:
        - {{id: answer, text: {answer}, critical: {{below: 2}}}}
        - {{id: ownership, text: {ownership}}}
    - id: manner
      title: {manner}
      weight: 40
      criteria:
        - {{id: courtesy, text: {courtesy}, critical: {{below: 2, fails: section}}}}
        - {{id: clarity, text: {clarity}}}
  bands:
    - {{min: 85, label: {meets}}}
    - {{min: 0, label: {below}}}
---
# {title}
"""
TEXTS = {
    "en": dict(title="Contact evaluation", poor="Poor", weak="Weak", good="Good", strong="Strong",
               compliance="Compliance", no="No", yes="Yes", identity="Identity was verified.",
               resolution="Resolution", answer="The answer was right.",
               ownership="The agent owned the problem.", manner="Manner",
               courtesy="The agent was courteous.", clarity="The agent was clear.",
               meets="Meets the standard", below="Below the standard"),
    "es": dict(title="Evaluación de contacto", poor="Deficiente", weak="Débil", good="Bueno",
               strong="Sólido", compliance="Cumplimiento", no="No", yes="Sí",
               identity="Se verificó la identidad.", resolution="Resolución",
               answer="La respuesta fue correcta.", ownership="El agente asumió el problema.",
               manner="Trato", courtesy="El agente fue cortés.", clarity="El agente fue claro.",
               meets="Cumple el estándar", below="No cumple el estándar"),
    "sv": dict(title="Kontaktbedömning", poor="Svag", weak="Delvis", good="Bra", strong="Stark",
               compliance="Regelefterlevnad", no="Nej", yes="Ja",
               identity="Identiteten kontrollerades.", resolution="Lösning",
               answer="Svaret var rätt.", ownership="Agenten tog ansvar.", manner="Bemötande",
               courtesy="Agenten var artig.", clarity="Agenten var tydlig.",
               meets="Uppfyller standarden", below="Under standarden"),
}  # fmt: skip
WORDS = {
    "en": ("Critical: below “Good” fails the form", "Critical: below “Good” fails the section",
           "Critical: “No” fails the form"),
    "es": ("Crítico: por debajo de «Bueno» suspende el formulario",
           "Crítico: por debajo de «Bueno» suspende la sección",
           "Crítico: «No» suspende el formulario"),
    "sv": ("Kritisk: under ”Bra” underkänner formuläret",
           "Kritisk: under ”Bra” underkänner avsnittet", "Kritisk: ”Nej” underkänner formuläret"),
}  # fmt: skip


@pytest.fixture
def site(site_folder: Callable[..., SiteFolder]) -> SiteFolder:
    folder = site_folder()
    for lang, texts in TEXTS.items():
        folder.write(f"{lang}/index.md", "# Home\n")
        folder.write(f"{lang}/contact.md", FORM.format(**texts))
    return folder


def model(site: SiteFolder) -> Worksheet:
    """The English form as the plugin reads it (YAML 1.2: "No" is a word)."""
    scanned = scan_docs(site.docs, "en")
    block = scanned.pages[("en", "contact.md")].blocks["worksheet"].model
    assert isinstance(block, Worksheet)
    return block


def test_the_form_says_what_fails_in_every_language(site: SiteFolder) -> None:
    build = site.build()
    assert build.returncode == 0, build.output
    for lang, words in WORDS.items():
        page = "contact/index.html" if lang == "en" else f"{lang}/contact/index.html"
        text = BeautifulSoup(build.html(page), "html.parser").get_text(" ")
        for sentence in words:
            assert sentence in text, (lang, sentence)


def test_a_wrong_answer_fails_the_form_and_passed_rules_add_no_points(site: SiteFolder) -> None:
    worksheet = model(site)
    # Right answer, but discourteous: the manner section scores 0, the band follows.
    result = score_worksheet(
        worksheet, {"identity": 1, "answer": 3, "ownership": 3, "courtesy": 1, "clarity": 3}
    )
    assert (round_percent(result.score or 0), result.failed_sections) == (
        60,
        {"manner": ["courtesy"]},
    )
    assert result.band is not None and result.band.label == "Below the standard"
    # Wrong answer at the top of every other scale: the form fails at once.
    wrong = score_worksheet(worksheet, {"answer": 1, "ownership": 3, "courtesy": 3, "clarity": 3})
    assert wrong.failed_critical == ["answer"] and wrong.band is not None
    assert wrong.band.label == "Below the standard" and wrong.provisional
    # All skills "Weak" with the rule passed: 33 %, not 53 % (the gate adds nothing).
    weak = score_worksheet(
        worksheet, {"identity": 1, "answer": 2, "ownership": 1, "courtesy": 2, "clarity": 1}
    )
    assert round_percent(weak.score or 0) == 50 and weak.failed_critical == []


def test_a_translation_must_keep_the_thresholds(site: SiteFolder) -> None:
    spanish = site.docs / "es" / "contact.md"
    spanish.write_text(
        spanish.read_text(encoding="utf-8").replace("{below: 2, fails: section}", "{below: 3}"),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "worksheets", "check", str(site.docs)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert (
        "es/contact.md:27: worksheet.sections[2].criteria[0].critical: {below: 3, fails: all} "
        "here but {below: 2, fails: section} in en/contact.md:27" in done.stdout
    ), done.stdout


@pytest.mark.pdf
def test_a_filled_pdf_scores_as_the_page(site: SiteFolder, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "worksheets", "pdf", "contact", "--lang", "en",
         "--docs", str(site.docs), "--out", str(tmp_path), "--cache-dir", str(tmp_path / "c")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "contact-en.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "below “Good” fails the section" in " ".join(text.split())
    answers = {"identity": "1", "answer": "3", "ownership": "2", "courtesy": "1", "clarity": "3"}
    writer = PdfWriter(clone_from=PdfReader(pdf))
    for criterion, button in answers.items():
        choose(writer, f"contact:{criterion}", button)
    filled = tmp_path / "filled.pdf"
    with filled.open("wb") as stream:
        writer.write(stream)
    (assessment,) = read_answers(filled)
    worksheet = model(site)
    read_back = score_worksheet(worksheet, fit(assessment, worksheet).answers)
    direct = score_worksheet(worksheet, {key: int(value) for key, value in answers.items()})
    assert read_back == direct and direct.failed_sections == {"manner": ["courtesy"]}
