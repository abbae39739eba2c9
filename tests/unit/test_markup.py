"""Text from front matter: inline Markdown, never executable HTML."""

from __future__ import annotations

import pytest
from worksheets.markup import block_html, inline_html, plain_text, safe_url


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("We visited the **delivery** sites", "We visited the <strong>delivery</strong> sites"),
        ("*emphasis* and `code`", "<em>emphasis</em> and <code>code</code>"),
        ("[COPC](https://www.copc.com/)", '<a href="https://www.copc.com/">COPC</a>'),
        ("[guide](../choosing-a-vendor/)", '<a href="../choosing-a-vendor/">guide</a>'),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("[click](javascript:alert(1))", "<span>click</span>"),
        ("[click](JaVaScRiPt:alert(1))", "<span>click</span>"),
        ("[click](data:text/html;base64,PHNjcmlwdD4=)", "<span>click</span>"),
        ("[click](vbscript:msgbox)", "<span>click</span>"),
        ("![pixel](https://tracker.example/p.gif)", "<span>pixel</span>"),
        ('"quotes" & <ampersands>', '"quotes" &amp; &lt;ampersands&gt;'),
    ],
)
def test_inline_html(source: str, html: str) -> None:
    assert inline_html(source) == html


def test_block_html_keeps_paragraphs() -> None:
    assert block_html("One.\n\nTwo <b>.") == "<p>One.</p>\n<p>Two &lt;b&gt;.</p>"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com", True),
        ("mailto:qa@example.com", True),
        ("#section", True),
        ("page/", True),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:image/png;base64,xx", False),
        ("file:///etc/passwd", False),
    ],
)
def test_safe_url(url: str, safe: bool) -> None:
    assert safe_url(url) is safe


def test_plain_text() -> None:
    assert plain_text("We **visited** <b>") == "We visited <b>"
