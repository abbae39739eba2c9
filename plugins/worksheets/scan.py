"""Reads a whole docs folder and runs every check: what the plugin and `check` share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .checks import MissingTranslation, block_rules, cross_language, duplicate_ids
from .formats.problems import FieldPath, Problem, sorted_problems
from .parse import parse_page
from .source import SourcePage

# mkdocs-static-i18n's own notion of a language folder name.
LOCALE_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass
class Site:
    """Every page of every language, with all problems found."""

    default_language: str
    languages: list[str]
    pages: dict[tuple[str, str], SourcePage] = field(default_factory=dict)
    by_path: dict[str, SourcePage] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    missing: list[MissingTranslation] = field(default_factory=list)
    _by_path: dict[str, list[Problem]] | None = field(default=None, repr=False)

    def page(self, lang: str, rel: str) -> SourcePage | None:
        return self.pages.get((lang, rel))

    def problems_of(self, path: str) -> list[Problem]:
        """The problems of one page (looked up for every page of every language build)."""
        if self._by_path is None:
            self._by_path = {}
            for problem in self.problems:
                self._by_path.setdefault(problem.path, []).append(problem)
        return self._by_path.get(path, [])

    def missing_summary(self) -> list[str]:
        """One line per language that lacks pages of the default language."""
        by_language: dict[str, list[str]] = {}
        for missing in self.missing:
            by_language.setdefault(missing.lang, []).append(missing.rel)
        return [
            f"{len(pages)} page(s) have no '{lang}' translation, readers get the "
            f"'{self.default_language}' page: {', '.join(pages)}"
            for lang, pages in sorted(by_language.items())
        ]


def detect_languages(docs_dir: Path, default_language: str) -> list[str]:
    """The language folders under ``docs_dir``, the default language first."""
    found = (
        sorted(
            child.name
            for child in docs_dir.iterdir()
            if child.is_dir() and LOCALE_RE.match(child.name)
        )
        if docs_dir.is_dir()
        else []
    )
    return [default_language, *(lang for lang in found if lang != default_language)]


def _markdown_files(docs_dir: Path, languages: list[str]) -> list[tuple[str, str, Path]]:
    files = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel_path = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in rel_path.parts):
            continue
        first = rel_path.parts[0]
        if len(rel_path.parts) > 1 and first in languages:
            lang, rel = first, Path(*rel_path.parts[1:]).as_posix()
        elif len(rel_path.parts) > 1 and LOCALE_RE.match(first):
            continue  # a language that was not asked for
        else:
            lang, rel = languages[0], rel_path.as_posix()
        files.append((lang, rel, path))
    return files


def scan_docs(
    docs_dir: Path, default_language: str = "en", languages: list[str] | None = None
) -> Site:
    """Parse and check every page under ``docs_dir`` (``docs/<lang>/**.md``)."""
    if languages is None:
        languages = detect_languages(docs_dir, default_language)
    elif default_language in languages:
        languages = [default_language, *(lang for lang in languages if lang != default_language)]
    site = Site(default_language=default_language, languages=languages)
    problems: list[Problem] = []
    for lang, rel, path in _markdown_files(docs_dir, languages):
        shown = path.relative_to(docs_dir).as_posix()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            problems.append(
                Problem(shown, 1, FieldPath("file"), f"is not UTF-8 text ({error.reason})")
            )
            continue
        page = parse_page(shown, text, lang, rel)
        site.pages[(lang, rel)] = page
        site.by_path[shown] = page
        problems.extend(page.problems)
        for block in page.blocks.values():
            problems.extend(block_rules(shown, block))
    problems.extend(duplicate_ids(site.pages.values()))
    parity, site.missing = cross_language(site.pages, default_language, languages)
    problems.extend(parity)
    site.problems = sorted_problems(problems)
    return site
