"""Blocks -> accessible HTML, through autoescaped Jinja2 templates."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .formats.answers import LIMITS, NA
from .formats.client import client_data, client_strings
from .formats.fields import field_name
from .formats.problems import Problem
from .markup import block_html, inline_html, plain_text
from .model import Checklist, Criterion, Worksheet, WorksheetSection, scale_bounds
from .result import result_segments
from .strings import Strings
from .translations import MISSING, OUT_OF_STEP, PRESENT, PageStatus


@cache
def environment() -> Environment:
    """The template environment (autoescape on; Markdown filters return safe HTML)."""
    env = Environment(
        loader=PackageLoader("worksheets", "templates"),
        # HTML is escaped; the Markdown template of a new guide is YAML and Markdown.
        autoescape=select_autoescape(
            enabled_extensions=("html",), default=False, default_for_string=True
        ),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = lambda text: Markup(inline_html(text)) if text else ""
    env.filters["mdblock"] = lambda text: Markup(block_html(text)) if text else ""
    # A translated sentence with HTML put into its placeholders (the sentence is escaped).
    env.filters["fill"] = lambda text, **values: Markup(escape(text)).format(**values)
    env.globals["field_name"] = field_name
    env.globals["control_id"] = control_id
    env.globals["NA"] = NA
    env.globals["LIMITS"] = LIMITS
    env.globals["critical_words"] = critical_words
    return env


def control_id(prefix: str, entry_id: str) -> str:
    """The HTML id of an item's answer control (a checklist's checkbox, a criterion's first
    radio button), which the result's links point at; the ids of the entry's other parts
    (its note, help, badges) add a suffix to it. The script reads it from the page."""
    return f"{prefix}-{entry_id}"


def render_block(
    model: Checklist | Worksheet,
    lang: str,
    page_title: str,
    answers: dict[str, Any] | None = None,
    pdf_url: str | None = None,
) -> str:
    """The HTML form of one block in ``lang``, scored for ``answers`` if given, with a
    link to its PDF when ``pdf_url`` is given."""
    strings = Strings(lang)
    summary = result_segments(model, answers or {}, strings)
    title = model.title or page_title
    template = environment().get_template(f"{model.kind}.html")
    return template.render(
        block=model,
        title=title,
        data=client_data(model, lang, title),
        pdf_url=pdf_url,
        prefix=f"ws-{model.id}",
        lang=lang,
        s=strings,
        summary=summary,
        how_scored=how_scored(model, strings) if isinstance(model, Worksheet) else "",
    )


def critical_words(
    worksheet: Worksheet, section: WorksheetSection, criterion: Criterion, strings: Strings
) -> str:
    """What fails a critical criterion, and what it fails, in words: "Critical: below
    “Good” fails the form" (SPEC section 3), for the page and the PDF."""
    rule = criterion.rule
    if rule is None:
        return ""
    scale = worksheet.scale_of(section)
    low, _high = scale_bounds(scale)
    value = low if rule.below is None else rule.below
    label = next((point.label for point in scale if point.value == value), str(value))
    where = "lowest" if rule.below is None else "below"
    return strings.format(f"critical_{where}_{'section' if rule.fails == 'section' else 'form'}",
                          label=plain_text(label))  # fmt: skip


def how_scored(worksheet: Worksheet, strings: Strings) -> str:
    """How a worksheet's score is computed, in words."""
    sections = all(section.weight is not None for section in worksheet.sections)
    by_sections = strings["how_scored_sections"] if sections else ""
    if worksheet.scale is None or any(section.scale for section in worksheet.sections):
        return strings.format("how_scored_scales", sections=by_sections)
    low, high = scale_bounds(worksheet.scale)
    low_label = next(point.label for point in worksheet.scale if point.value == low)
    return strings.format(
        "how_scored", low=low, high=high, low_label=plain_text(low_label), sections=by_sections
    )


@cache
def render_assets(stylesheet: str, script: str, lang: str) -> str:
    """The block's stylesheet and script, and the strings the script shows in ``lang``
    (the language of the page's blocks), for a page that has a block."""
    return (
        environment()
        .get_template("assets.html")
        .render(stylesheet=stylesheet, script=script, lang=lang, strings=client_strings(lang))
    )


@cache
def render_offline(script: str, lang: str) -> str:
    """The offline copy's script and the notice it shows when the network is gone."""
    return environment().get_template("offline.html").render(script=script, s=Strings(lang))


@cache
def render_booklet_link(url: str, lang: str) -> str:
    """The home page's link to a language's booklet of all blocks."""
    return environment().get_template("booklet_link.html").render(url=url, s=Strings(lang))


def render_fallback_notice(lang: str, fallback: str) -> str:
    """The notice on a page shown in the default language because ``lang`` lacks it."""
    strings = Strings(lang)
    text = strings.format(
        "fallback_notice",
        language=strings["language_name"],
        fallback=Strings(fallback)["language_name"],
    )
    return (
        environment()
        .from_string(
            '<div class="admonition note worksheets-fallback" lang="{{ lang }}">'
            "<p>{{ text }}</p></div>\n"
        )
        .render(text=text, lang=lang)
    )


def _count(statuses: list[PageStatus], languages: list[str], state: str) -> int:
    return sum(status.languages[language] == state for status in statuses for language in languages)


def render_translation_status(
    statuses: list[PageStatus], languages: list[str], lang: str, default: str
) -> str:
    """The translation status table of the site, in ``lang``."""
    strings = Strings(lang)
    fallback = Strings(default)["language_name"]
    words = {
        PRESENT: strings["ts_present"],
        MISSING: strings.format("ts_missing", fallback=fallback),
        OUT_OF_STEP: strings.format("ts_out_of_step", fallback=fallback),
    }
    summary = strings.format(
        "ts_summary",
        pages=len(statuses),
        languages=len(languages),
        missing=_count(statuses, languages, MISSING),
        out_of_step=_count(statuses, languages, OUT_OF_STEP),
    )
    return (
        environment()
        .get_template("translation_status.html")
        .render(
            pages=statuses,
            languages=languages,
            names={language: Strings(language)["language_name"] for language in languages},
            words=words,
            s=strings,
            summary=summary,
            problems=[
                problem
                for status in statuses
                for language_problems in status.problems.values()
                for problem in language_problems
            ],
        )
    )


def render_problems(problems: Iterable[Problem], lang: str) -> str:
    """The visible error box shown in place of a broken block (serve, non-strict builds)."""
    template = environment().get_template("problems.html")
    return template.render(problems=[str(problem) for problem in problems], s=Strings(lang))
