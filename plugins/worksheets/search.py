"""Search in the reader's own language.

mkdocs-static-i18n writes one search index for every language, so a Swedish
reader searching "COPC" got the English and Spanish pages first. After the
build, the index is split: the root keeps the default language's pages, and
each language folder gets its own ``search/search_index.json`` with its pages
(addresses made relative to the folder) and its own stemmer. Each page of a
language then points Material's script at its language folder (``base`` in the
page's ``__config``), which is where Material fetches the index from; nothing
else in the page depends on ``base``.

Matching is case-insensitive (lunr lowercases every word) and, where the
language allows it, accent-insensitive: lunr compares words as they are
(after its stemmer), so "calibracion" typed on a phone found nothing for
"calibración". Each document of the index gets, in a hidden span that no
result shows, its words without their accents; Material's tokenizer indexes
them like the rest, so both spellings find the page. Letters that are letters of
their own in a language are kept: Spanish ñ, Swedish å, ä and ö ("for" and
"för" are different words).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .strings import base_language

INDEX = Path("search") / "search_index.json"
# Letters with a mark that are letters of their own, never folded, by language.
OWN_LETTERS = {"es": "ñ", "sv": "åäö", "fi": "åäö", "da": "æøå", "no": "æøå", "de": "äöüß"}
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")
_BASE_RE = re.compile(r'"base":\s*"(?:[^"\\]|\\.)*"')
_CONFIG_START = '<script id="__config" type="application/json">'
_CONFIG_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


@cache
def _folding(own: str) -> dict[int, str]:
    """A translation table: each letter of the Latin blocks that carries a mark, to its
    letter without it, except the language's own letters (either case)."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        if char.lower() in own:
            continue
        base = "".join(
            part
            for part in unicodedata.normalize("NFD", char)
            if unicodedata.category(part) != "Mn"
        )
        if base and base != char:
            table[code] = base
    return table


def unaccented(text: str, lang: str, runs: dict[str, list[str]] | None = None) -> list[str]:
    """The words of an index text (HTML) that read differently without accents,
    without them, in order of first appearance. ``runs``: what runs of text already
    seen in ``lang`` fold to, kept across the texts of one index (most recur)."""
    if text.isascii():
        return []
    table = _folding(OWN_LETTERS.get(lang, ""))
    runs = {} if runs is None else runs
    words: dict[str, None] = {}
    # No word crosses a space: each distinct run of text between spaces is looked at
    # once, in order of first appearance, and only if it has a letter outside ASCII.
    for run in dict.fromkeys(_TAG.sub(" ", text).split()):
        if run.isascii():
            continue
        folded_run = runs.get(run)
        if folded_run is None:
            folded_run = runs[run] = [
                folded.lower()
                for word in _WORD.findall(run)
                if (folded := word.translate(table)) != word
            ]
        for word in folded_run:
            words.setdefault(word, None)
    return list(words)


def _with_unaccented(
    doc: dict[str, Any],
    lang: str,
    words: list[str] | None = None,
    runs: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    if words is None:
        words = unaccented(str(doc.get("text", "")), lang, runs)
    if not words:
        return doc
    return {**doc, "text": f"{doc['text']}<span hidden>{' '.join(words)}</span>"}


def split_search_index(
    site_dir: Path,
    default: str,
    languages: list[str],
    texts: Mapping[str, str] | None = None,
    folded: Mapping[tuple[str, str], list[str]] | None = None,
) -> None:
    """One index per language folder; the root's keeps the default language only. An
    entry whose text is a marker of ``texts`` gets its text (searchtext.py), and its
    words without accents from ``folded`` (by marker and language) when there."""
    path = site_dir / INDEX
    if not path.is_file():
        return
    index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    others = [lang for lang in languages if lang != default]
    by_language: dict[str, list[dict[str, Any]]] = {lang: [] for lang in [default, *others]}
    for doc in index.pop("docs", []):
        location = str(doc.get("location", ""))
        lang = next((lang for lang in others if location.startswith(f"{lang}/")), default)
        by_language[lang].append(doc)
    # One language at a time: its entries get their texts and are written, then let go
    # (at 200 guides, holding every language's at once was the build's peak of memory).
    for lang in list(by_language):
        folding = base_language(lang)
        prefix = "" if lang == default else f"{lang}/"
        runs: dict[str, list[str]] = {}
        docs = [_entry(doc, prefix, folding, texts, folded, runs) for doc in by_language.pop(lang)]
        target = site_dir / (INDEX if lang == default else Path(lang) / INDEX)
        target.parent.mkdir(parents=True, exist_ok=True)
        config = {**index.get("config", {}), "lang": [folding]}
        target.write_text(
            json.dumps({"config": config, "docs": docs}, ensure_ascii=False), encoding="utf-8"
        )
        del docs


def _entry(
    doc: dict[str, Any],
    prefix: str,
    folding: str,
    texts: Mapping[str, str] | None,
    folded: Mapping[tuple[str, str], list[str]] | None,
    runs: dict[str, list[str]],
) -> dict[str, Any]:
    """An index entry as its language's index has it: its address without the language
    folder's ``prefix``, its marker's text, its words without accents."""
    words = None
    if texts and isinstance(doc.get("text"), str) and doc["text"] in texts:
        words = (folded or {}).get((doc["text"], folding))
        doc = {**doc, "text": texts[doc["text"]]}
    if prefix:
        doc = {**doc, "location": str(doc.get("location", ""))[len(prefix) :]}
    return _with_unaccented(doc, folding, words, runs)


def language_base(html: str, base: str) -> str:
    """The page with Material's ``base`` pointing at its language folder: ``base``, the
    relative URL of that folder from the page's."""
    # Material writes its configuration at the end of the page: look there first.
    match = _CONFIG_RE.match(html, max(html.rfind(_CONFIG_START), 0)) or _CONFIG_RE.search(html)
    if match is None:
        return html
    base = json.dumps(base)
    config = match.group(2)
    # Material writes ``"base": "<path>"`` once, at the top level of its configuration; a
    # string cannot hold an unescaped quote, so the pattern finds only that key. Anything
    # else: the configuration is read and written whole.
    found = _BASE_RE.findall(config)
    if len(found) == 1:
        config = _BASE_RE.sub(lambda _: f'"base": {base}'.replace("</", "<\\/"), config)
    else:
        data = json.loads(config)
        data["base"] = json.loads(base)
        config = json.dumps(data).replace("</", "<\\/")
    return "".join((html[: match.start(2)], config, html[match.end(2) :]))
