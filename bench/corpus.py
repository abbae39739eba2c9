"""A corpus for the benchmark: N guides per language (en, es, sv), each with prose,
a checklist and a worksheet, written the way this site's guides are."""

from __future__ import annotations

import random
from pathlib import Path

LANGUAGES = ("en", "es", "sv")

WORDS = {
    "en": (
        "vendor quality calibration agents contact centre monitoring coaching forecast "
        "service level handling time escalation complaint training attrition schedule "
        "evaluation sample scorecard supervisor transition knowledge base customer "
        "satisfaction resolution compliance audit certification process improvement"
    ),
    "es": (
        "proveedor calidad calibración agentes centro de contacto supervisión formación "
        "previsión nivel de servicio tiempo medio escalado reclamación rotación turnos "
        "evaluación muestra cuadro de mando supervisor transición base de conocimiento "
        "cliente satisfacción resolución cumplimiento auditoría certificación mejora"
    ),
    "sv": (
        "leverantör kvalitet kalibrering agenter kundtjänst uppföljning coachning prognos "
        "servicenivå hanteringstid eskalering klagomål utbildning personalomsättning "
        "schema bedömning urval styrkort arbetsledare övergång kunskapsbas kund nöjdhet "
        "lösning efterlevnad revision certifiering förbättring"
    ),
}
SCALE = {
    "en": ("Not in place", "Partly", "In place"),
    "es": ("No implantado", "Parcialmente", "Implantado"),
    "sv": ("Saknas", "Delvis", "På plats"),
}
BANDS = {"en": ("Low", "High"), "es": ("Bajo", "Alto"), "sv": ("Låg", "Hög")}


def sentence(rng: random.Random, lang: str, words: int) -> str:
    vocabulary = WORDS[lang].split()
    text = " ".join(rng.choice(vocabulary) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def guide(number: int, lang: str, edit: int = 0) -> str:
    """Guide ``number`` in ``lang``; ``edit`` changes its first checklist item's text."""
    rng = random.Random(f"{number}-{lang}")
    items = []
    for i in range(12):
        text = sentence(rng, lang, 9) + (f" ({edit})" if i == 0 and edit else "")
        required = "true" if i % 3 == 0 else "false"
        items.append(
            f"        - {{id: item-{i}, text: {quoted(text)}, required: {required}, "
            f"weight: {1 + i % 2}}}"
        )
    criteria = [
        f"        - {{id: criterion-{i}, text: {quoted(sentence(rng, lang, 8))}, "
        f"weight: {1 + i % 3}, critical: {'true' if i == 0 else 'false'}, "
        f"guidance: {quoted(sentence(rng, lang, 14))}}}"
        for i in range(8)
    ]
    no, partly, yes = SCALE[lang]
    low, high = BANDS[lang]
    prose = "\n\n".join(
        " ".join(sentence(rng, lang, rng.randint(8, 20)) for _ in range(5)) for _ in range(6)
    )
    return f"""---
title: {quoted(sentence(rng, lang, 4)[:-1])}
checklist:
  id: checklist-{number}
  version: 1
  sections:
    - id: main
      title: {quoted(sentence(rng, lang, 3))}
      items:
{chr(10).join(items)}
worksheet:
  id: worksheet-{number}
  scale: [{{value: 0, label: {no}}}, {{value: 1, label: {partly}}}, {{value: 2, label: {yes}}}]
  bands: [{{min: 0, label: {low}}}, {{min: 70, label: {high}}}]
  sections:
    - id: first
      title: {quoted(sentence(rng, lang, 2))}
      weight: 40
      criteria:
{chr(10).join(criteria[:5])}
    - id: second
      title: {quoted(sentence(rng, lang, 2))}
      weight: 60
      criteria:
{chr(10).join(criteria[5:])}
---
# {sentence(rng, lang, 4)[:-1]}

{prose}

<!-- checklist -->

## {sentence(rng, lang, 3)[:-1]}

{prose}

<!-- worksheet -->
"""


def write_corpus(docs: Path, guides: int) -> None:
    """``guides`` guides per language, and a home page, under ``docs/<lang>/``."""
    for lang in LANGUAGES:
        folder = docs / lang
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text("# Home\n\n<!-- booklet -->\n", encoding="utf-8")
        for number in range(guides):
            path = folder / f"guide-{number}.md"
            path.write_text(guide(number, lang), encoding="utf-8")


def edit_guide(docs: Path, edit: int) -> Path:
    """Change one guide (English guide 0): its first checklist item's text."""
    path = docs / "en" / "guide-0.md"
    path.write_text(guide(0, "en", edit), encoding="utf-8")
    return path
