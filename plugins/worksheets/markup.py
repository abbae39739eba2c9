"""Inline Markdown for text from front matter, made safe.

Raw HTML is shown as text (never executed), ``javascript:``/``data:`` and
other non-web links lose their link, and images become their alt text.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor

_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Browsers ignore these inside a URL's scheme ("java\tscript:" is "javascript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


def safe_url(url: str) -> bool:
    """True for relative links, fragments and http(s)/mailto/tel links."""
    cleaned = _IGNORED_IN_URL.sub("", url).lower()
    match = _SCHEME_RE.match(cleaned)
    return match is None or match.group(1) in _SAFE_SCHEMES


class _Sanitize(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "a" and not safe_url(child.get("href", "")):
                    child.tag = "span"
                    child.attrib.clear()
                elif child.tag == "img":
                    replacement = etree.Element("span")
                    replacement.text = child.get("alt", "")
                    replacement.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, replacement)


class _SafeExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Sanitize(md), "worksheets_sanitize", 0)


_local = threading.local()


def _converter() -> markdown.Markdown:
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(extensions=[_SafeExtension()], output_format="html")
        _local.converter = converter
    return converter


# Python-Markdown looks for a link at every "[": time grows with the square of
# their number (4,000 take seconds). No real text has this many links, so a
# text with more brackets is shown with its brackets and without links.
MAX_BRACKETS = 32


@lru_cache(maxsize=8192)
def block_html(text: str) -> str:
    """Markdown -> safe HTML, paragraphs kept (intros, help, guidance)."""
    if text.count("[") > MAX_BRACKETS:
        text = text.replace("\\", "\\\\").replace("[", "\\[")
    converter = _converter()
    try:
        return converter.convert(text)
    finally:
        converter.reset()


@lru_cache(maxsize=8192)
def inline_html(text: str) -> str:
    """Markdown -> safe HTML without paragraph tags, for labels and titles."""
    html = block_html(text)
    html = re.sub(r"^<p>|</p>$", "", html.strip())
    return html.replace("</p>\n<p>", "<br>")


_TAG_RE = re.compile(r"<[^>]+>")


def plain_text(text: str) -> str:
    """The words of an inline Markdown text, for names and file metadata."""
    return html.unescape(_TAG_RE.sub("", inline_html(text)))
