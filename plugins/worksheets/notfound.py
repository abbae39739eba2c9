"""A page for addresses that do not exist, in the reader's language.

MkDocs renders ``404.html`` at the site's root in every language build, so with
mkdocs-static-i18n the last language built won ("404.html is Swedish for
everyone"), and Material's message is English in every language. Each
language's page is kept as it is rendered, with its message translated: the
further languages get their own ``<lang>/404.html`` (for hosts that serve a 404
page per folder), and the root page, which hosts such as GitHub Pages serve for
every missing address, is the default language's, carrying every language's
message: a small script shows the one of the language folder in the address.
"""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import escape

from .render import environment
from .strings import Strings

TEMPLATE = "404.html"
# Material's message; other themes keep their own.
_MATERIAL_MESSAGE = "<h1>404 - Not found</h1>"
_CHOOSER = """<script>
(function () {
  var base = %s, path = location.pathname;
  var lang = path.indexOf(base) === 0 ? path.slice(base.length).split("/")[0] : "";
  var message = document.querySelector('template[data-worksheets-not-found="' + lang + '"]');
  var shown = document.querySelector("[data-worksheets-not-found-shown]");
  if (!message || !shown) return;
  shown.replaceWith(message.content.cloneNode(true));
  document.documentElement.lang = lang;
})();
</script>"""


def message(lang: str, home: str) -> str:
    return environment().get_template("not_found.html").render(s=Strings(lang), home=home)


def _home(base: str, lang: str, default: str) -> str:
    return base if lang == default else f"{base}{lang}/"


class NotFoundPages:
    """Each language build's 404 page, written once every language is built."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}

    def keep(self, html: str, lang: str, base: str, default: str) -> str:
        """The page as rendered for ``lang``, with the message in that language."""
        if _MATERIAL_MESSAGE in html:
            shown = message(lang, _home(base, lang, default))
            html = html.replace(
                _MATERIAL_MESSAGE, f"<div data-worksheets-not-found-shown>{shown}</div>", 1
            )
        self.pages[lang] = html
        return html

    def write(self, site_dir: Path, base: str, default: str) -> None:
        """``<lang>/404.html`` for each further language; the root's speaks them all."""
        for lang, html in self.pages.items():
            if lang != default:
                (site_dir / lang).mkdir(parents=True, exist_ok=True)
                (site_dir / lang / TEMPLATE).write_text(html, encoding="utf-8")
        root = self.pages.get(default)
        if root is None or "data-worksheets-not-found-shown" not in root:
            return
        templates = "".join(
            f'<template data-worksheets-not-found="{escape(lang)}"><div lang="{escape(lang)}">'
            f"{message(lang, _home(base, lang, default))}</div></template>"
            for lang in self.pages
            if lang != default
        )
        chooser = _CHOOSER % json.dumps(base).replace("</", "<\\/")
        root = root.replace("</article>", f"{templates}{chooser}</article>", 1)
        (site_dir / TEMPLATE).write_text(root, encoding="utf-8")
        self.pages = {}
