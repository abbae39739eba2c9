"""The page for addresses that do not exist speaks the reader's language: hosts such
as GitHub Pages serve the root ``404.html`` for every missing address."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.browser.conftest import write_test_site
from tests.browser.hosting import Host
from tests.conftest import MKDOCS_YML

# The 404 page's links are absolute: MkDocs takes the site's path from site_url.
MESSAGES = {
    "en": ("Page not found", "Go to the home page"),
    "es": ("Página no encontrada", "Ir a la página de inicio"),
    "sv": ("Sidan hittades inte", "Gå till startsidan"),
}


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Host]:
    # The host first: site_url is its own address, so that nothing Material fetches from
    # the site's address (its sitemaps, on hovering the language menu) leaves 127.0.0.1.
    served = Host(tmp_path / "project" / "site")
    config = MKDOCS_YML.replace(
        "site_name: Test site\n", f"site_name: Test site\nsite_url: {served.url}\n"
    )
    site = write_test_site(tmp_path / "project", extra_pages=False, config=config)
    done = site.build()
    assert done.returncode == 0, done.output
    assert done.site_dir == served.folder
    yield served
    served.close()


@pytest.mark.parametrize(
    ("path", "lang"),
    [("no-such-guide/", "en"), ("es/guia-que-no-existe/", "es"), ("sv/saknas/helt/", "sv")],
)
def test_a_missing_address_answers_in_its_language(
    host: Host, context_factory: Callable[..., BrowserContext], path: str, lang: str
) -> None:
    page = context_factory().new_page()
    response = page.goto(host.url + path)
    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", lang)
    title, home = MESSAGES[lang]
    expect(page.locator("article h1")).to_have_text(title)
    # One message, in one language: the others stay in their templates.
    expect(page.locator("article h1")).to_have_count(1)
    page.get_by_role("link", name=home).click()
    expect(page).to_have_url(host.url + ("" if lang == "en" else f"{lang}/"))


def test_each_language_folder_has_its_own_page(host: Host) -> None:
    for lang in ("es", "sv"):
        page = (host.folder / lang / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page
        assert MESSAGES[lang][0] in page and "404 - Not found" not in page
    root = (host.folder / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in root
