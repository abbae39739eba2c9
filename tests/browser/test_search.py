"""Search in the reader's own language: each language's pages search only that
language's pages, and an item's text is found once, not four times."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def search(page: Page, url: str, placeholder: str, query: str) -> list[str]:
    page.goto(url)
    box = page.get_by_role("textbox", name=placeholder)
    page.keyboard.press("s")  # Material's shortcut to the search box
    expect(box).to_be_focused()
    page.keyboard.type(query)  # Material searches on key events, not on a set value
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("link").first).to_be_visible()
    return [str(link.get_attribute("href")) for link in dialog.get_by_role("link").all()]


def test_swedish_pages_find_only_swedish_pages(page: Page, base_url: str) -> None:
    links = search(page, base_url + "sv/", "Sök", "utbildningsprogram")
    assert links and all("/sv/" in link or not link.startswith("http") for link in links)
    resolved = page.evaluate(
        "(links) => links.map((href) => new URL(href, location.href).pathname)", links
    )
    assert all(path.startswith("/sv/") for path in resolved), resolved


def test_an_items_text_is_found_once(page: Page, base_url: str) -> None:
    search(page, base_url, "Search", "delivery floor")
    dialog = page.get_by_role("dialog")
    texts = [item.inner_text() for item in dialog.get_by_role("article").all()]
    matches = [text for text in texts if "delivery floor" in text]
    assert len(matches) == 1, texts
    assert not any("Not applicable" in text for text in texts)


def test_spanish_search_ignores_accents(page: Page, base_url: str) -> None:
    """The page says "capacitación"; a reader types it without the accent."""
    links = search(page, base_url + "es/", "Búsqueda", "capacitacion")
    resolved = page.evaluate(
        "(links) => links.map((href) => new URL(href, location.href).pathname)", links
    )
    assert "/es/ready/" in resolved, resolved
    # The unaccented words the index carries for this are never shown.
    dialog = page.get_by_role("dialog")
    assert "capacitacion" not in dialog.inner_text().lower()
