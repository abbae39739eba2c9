"""Search in the reader's own language.

mkdocs-static-i18n writes one search index for every language, so a Swedish
reader searching "COPC" got the English and Spanish pages first. After the
build, the index is split: the root keeps the default language's pages, and
each language folder gets its own ``search/search_index.json`` with its pages
(addresses made relative to the folder) and its own stemmer. Each page of a
language then points Material's script at its language folder (``base`` in the
page's ``__config``), which is where Material fetches the index from; nothing
else in the page depends on ``base``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"
_CONFIG_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def split_search_index(site_dir: Path, default: str, languages: list[str]) -> None:
    """One index per language folder; the root's keeps the default language only."""
    path = site_dir / INDEX
    if not path.is_file():
        return
    index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    others = [lang for lang in languages if lang != default]
    prefixes = tuple(f"{lang}/" for lang in others)
    by_language: dict[str, list[dict[str, Any]]] = {lang: [] for lang in [default, *others]}
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        lang = next((lang for lang in others if location.startswith(f"{lang}/")), default)
        if location.startswith(prefixes):
            doc = {**doc, "location": location[len(lang) + 1 :]}
        by_language[lang].append(doc)
    for lang, docs in by_language.items():
        target = site_dir / (INDEX if lang == default else Path(lang) / INDEX)
        target.parent.mkdir(parents=True, exist_ok=True)
        config = {**index.get("config", {}), "lang": [lang.split("-")[0].split("_")[0]]}
        target.write_text(
            json.dumps({"config": config, "docs": docs}, ensure_ascii=False), encoding="utf-8"
        )


def language_base(html: str, page_dir: Path, language_dir: Path) -> str:
    """The page with Material's ``base`` pointing at its language folder."""
    match = _CONFIG_RE.search(html)
    if match is None:
        return html
    config = json.loads(match.group(2))
    config["base"] = Path(os.path.relpath(language_dir, page_dir)).as_posix()
    text = json.dumps(config).replace("</", "<\\/")
    return html[: match.start(2)] + text + html[match.end(2) :]
