"""Reads a whole docs folder and runs every check: what the plugin and `check` share."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .checks import (
    MissingTranslation,
    block_rules,
    cross_language,
    duplicate_ids,
    translation_parity,
)
from .files import PageFile, page_files, read_page
from .formats.problems import Problem, sorted_problems
from .formats.scancache import Parsed, ScanCache, page_key
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


def _page_language(shown: str, languages: list[str]) -> tuple[str, str] | None:
    """``(language, path within the language)``, or None for a language not asked for."""
    parts = shown.split("/")
    if len(parts) > 1 and parts[0] in languages:
        return parts[0], "/".join(parts[1:])
    if len(parts) > 1 and LOCALE_RE.match(parts[0]):
        return None
    return languages[0], shown


def _parse(shown: str, text: str, lang: str, rel: str) -> Parsed:
    page = parse_page(shown, text, lang, rel)
    found = [*page.problems]
    for block in page.blocks.values():
        found.extend(block_rules(shown, block))
    return page, tuple(found)


# Pages parsed in this process, by key: `mkdocs serve` rescans the docs on every change,
# and only the pages whose text changed are parsed again. (A page and its problems are
# shared between scans: nothing changes them afterwards.)
_PARSED: dict[str, Parsed] = {}
_KEPT = 4096


def _found(
    page_file: PageFile, key: str, lang: str, rel: str, cache: ScanCache | None
) -> Parsed | None:
    """The page with the record ``key``, parsed earlier in this process or kept in the
    scan cache; None if neither has it."""
    shown = page_file.shown

    def reparse() -> SourcePage | None:
        # A damaged block in the cache: the page as it is now.
        again = read_page(page_file)
        return None if isinstance(again, Problem) else _parse(shown, again, lang, rel)[0]

    return _PARSED.get(key) or (cache.get(key, shown, lang, rel, reparse) if cache else None)


def _parsed(page_file: PageFile, text: str, lang: str, rel: str, cache: ScanCache | None) -> Parsed:
    """A page parsed and its blocks checked, once per content (in this process, or in the
    scan cache of earlier builds)."""
    key = page_key(page_file.shown, text, lang, rel)
    found = _found(page_file, key, lang, rel, cache) or _parse(page_file.shown, text, lang, rel)
    return _kept(key, found, cache)


def _kept(key: str, found: Parsed, cache: ScanCache | None) -> Parsed:
    found[0].key = key
    if cache is not None:
        cache.put(key, found)
    if len(_PARSED) >= _KEPT:
        _PARSED.clear()
    _PARSED[key] = found
    return found


def _status(page_file: PageFile) -> os.stat_result | None:
    """``os.stat`` of a page's file (a link followed), taken before it is read; None for
    anything but a regular file (read_page says what it is)."""
    try:
        status = os.stat(page_file.path)
    except OSError:
        return None
    return status if stat.S_ISREG(status.st_mode) else None


def scan_docs(
    docs_dir: Path,
    default_language: str = "en",
    languages: list[str] | None = None,
    cache: ScanCache | None = None,
) -> Site:
    """Parse and check every page under ``docs_dir`` (``docs/<lang>/**.md``), reading
    unchanged pages from ``cache`` (loaded) and saving it at the end."""
    if languages is None:
        languages = detect_languages(docs_dir, default_language)
    elif default_language in languages:
        languages = [default_language, *(lang for lang in languages if lang != default_language)]
    site = Site(default_language=default_language, languages=languages)
    problems: list[Problem] = []
    for page_file in page_files(docs_dir, problems):
        located = _page_language(page_file.shown, languages)
        if located is None:
            continue
        lang, rel = located
        shown = page_file.shown
        status = _status(page_file) if cache is not None else None
        known = cache.known(shown, status, lang, rel) if cache and status is not None else None
        kept = _found(page_file, known, lang, rel, cache) if known else None
        if kept is not None and known is not None:
            # The file is as it was when read: its record, without reading it.
            page, found = _kept(known, kept, cache)
        else:
            text = read_page(page_file)
            if isinstance(text, Problem):
                problems.append(text)
                continue
            page, found = _parsed(page_file, text, lang, rel, cache)
        if cache is not None and status is not None and page.key:
            cache.saw(shown, status, lang, rel, page.key)
        site.pages[(lang, rel)] = page
        site.by_path[shown] = page
        problems.extend(found)
    problems.extend(duplicate_ids(site.pages.values()))
    parity, site.missing = cross_language(
        site.pages,
        default_language,
        languages,
        # Kept per pair of pages: a rebuild compares no models.
        (lambda a, b: cache.parity(a, b, translation_parity)) if cache else translation_parity,
    )
    problems.extend(parity)
    site.problems = sorted_problems(problems)
    if cache is not None:
        cache.save()
    return site
