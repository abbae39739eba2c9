"""Offline after one visit: the site's service worker, in Chromium, against a
server that can go away (a site visit without signal).

Playwright's ``set_offline`` does not reach a service worker's own requests
(microsoft/playwright#2311), so "offline" here is both: the browser told it is
offline (the page's notice reads ``navigator.onLine``) and the server dropping
every connection without an answer, which is what a fetch sees with no network.
The site is served under a sub-path, as on GitHub Pages.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Error, Page, expect
from worksheets.formats.answers import AnswersFile

from tests.browser.conftest import TEXTS, watch_errors, write_test_site
from tests.browser.hosting import Host
from tests.conftest import MKDOCS_YML, MKDOCS_YML_WITH_PDFS, REPO

VERSION_LINE = re.compile(r'^const OFFLINE = \{"version": "([0-9a-f]+)"', re.M)


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Callable[[Path], Host]]:
    hosts: list[Host] = []

    def start(folder: Path) -> Host:
        hosts.append(Host(folder))
        return hosts[-1]

    yield start
    for each in hosts:
        each.close()


def worker_version(site_dir: Path) -> str:
    found = VERSION_LINE.search((site_dir / "offline-worker.js").read_text(encoding="utf-8"))
    assert found, "offline-worker.js has no manifest line"
    return found.group(1)


def wait_until_kept(page: Page, version: str) -> None:
    """The worker has kept the page's language (it says so with the build's version)."""
    page.wait_for_function(
        "v => document.documentElement.getAttribute('data-worksheets-offline') === v",
        arg=version,
        timeout=30_000,
    )


def cache_names(page: Page) -> list[str]:
    names: list[str] = page.evaluate("caches.keys()")
    return names


def go_offline(context: BrowserContext, host: Host) -> None:
    context.set_offline(True)
    host.down = True


def go_online(context: BrowserContext, host: Host) -> None:
    host.down = False
    context.set_offline(False)


def build(root: Path, config: str = MKDOCS_YML, people_suffix: str = "") -> Path:
    site = write_test_site(root, extra_pages=False, config=config, people_suffix=people_suffix)
    done = site.build()
    assert done.returncode == 0, done.output
    return done.site_dir


def test_guides_forms_answers_and_export_work_offline_after_one_visit(
    tmp_path: Path, host: Callable[[Path], Host], context_factory: Callable[..., BrowserContext]
) -> None:
    site_dir = build(tmp_path / "project", config=MKDOCS_YML_WITH_PDFS)
    server = host(site_dir)
    version = worker_version(site_dir)
    context = context_factory(service_workers="allow")
    page = context.new_page()
    errors = watch_errors(page)

    # One visit: the Spanish checklist, which links to its PDF.
    page.goto(f"{server.url}es/visit/")
    wait_until_kept(page, version)
    pdf_link = page.locator(".worksheets-pdf a").get_attribute("href")
    assert pdf_link and pdf_link.endswith(".pdf")
    notice = page.locator(".worksheets-offline")
    expect(notice).to_be_hidden()

    go_offline(context, server)
    # A page of the same language never opened: kept with the language.
    page.goto(f"{server.url}es/ready/")
    expect(page.locator("h1").first).to_have_text(TEXTS["es"]["title"])
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Sin conexión")
    first = page.locator("section.worksheets fieldset input[type=radio]").first
    first.check()
    page.reload()
    expect(page.locator("section.worksheets fieldset input[type=radio]").first).to_be_checked()
    with page.expect_download() as download:
        page.get_by_role("button", name="Exportar JSON").click()
    exported = AnswersFile.model_validate_json(Path(download.value.path()).read_bytes())
    assert (exported.id, exported.lang) == ("readiness", "es")
    assert exported.answers == {"programme": 0}
    # A second assessment: the comparison shows both, offline as online.
    page.get_by_role("button", name="Nueva evaluación").click()
    table = page.locator(".worksheets-compare table")
    expect(table).to_be_visible()
    # One column per assessment: the new one (open) and the one answered above.
    expect(table.get_by_role("columnheader")).to_have_count(2)
    expect(table.get_by_role("row").filter(has_text=TEXTS["es"]["programme"])).to_be_visible()

    # The PDF linked from the page the reader opened is kept; another one is not.
    kept = page.evaluate(
        "url => fetch(url).then(r => r.arrayBuffer())"
        ".then(b => new TextDecoder().decode(b.slice(0, 5)))",
        f"{server.url}es/visit/{pdf_link}",
    )
    assert kept == "%PDF-"
    with pytest.raises(Error):
        page.evaluate("url => fetch(url).then(r => r.status)", f"{server.url}pdf/readiness-en.pdf")
    # Another language was never read: it is not kept.
    with pytest.raises(Error):
        page.goto(f"{server.url}visit/")

    go_online(context, server)
    page.goto(f"{server.url}es/ready/")
    expect(notice).to_be_hidden()
    assert errors == []


def test_language_switcher_keeps_the_language_chosen(
    tmp_path: Path, host: Callable[[Path], Host], context_factory: Callable[..., BrowserContext]
) -> None:
    site_dir = build(tmp_path / "project")
    server = host(site_dir)
    version = worker_version(site_dir)
    page = context_factory(service_workers="allow").new_page()
    page.goto(f"{server.url}es/visit/")
    wait_until_kept(page, version)
    # Material's language menu: the link to the same page in Swedish.
    swedish: str = page.locator('.md-select a[hreflang="sv"]').first.evaluate("a => a.href")
    assert swedish.startswith(f"{server.url}sv/"), swedish
    page.goto(swedish)
    page.evaluate("document.documentElement.removeAttribute('data-worksheets-offline')")
    page.reload()
    wait_until_kept(page, version)
    go_offline(page.context, server)
    for path in ("sv/ready/", "es/ready/", "sv/"):
        page.goto(f"{server.url}{path}")
        expect(page.locator(".worksheets-offline")).to_be_visible()


def test_a_new_build_replaces_the_offline_copy(
    tmp_path: Path, host: Callable[[Path], Host], context_factory: Callable[..., BrowserContext]
) -> None:
    root = tmp_path / "project"
    site_dir = build(root)
    server = host(site_dir)
    old = worker_version(site_dir)
    context = context_factory(service_workers="allow")
    page = context.new_page()
    page.goto(f"{server.url}sv/visit/")
    wait_until_kept(page, old)

    new_dir = build(root, people_suffix=" (ny version)")
    assert new_dir == site_dir
    new = worker_version(site_dir)
    assert new != old
    page.reload()
    # The new worker installs, keeps the languages the old one kept, and drops the old cache.
    deadline = time.monotonic() + 30
    while cache_names(page) != [f"worksheets-offline-{new}"]:
        assert time.monotonic() < deadline, cache_names(page)
        page.wait_for_timeout(200)
    go_offline(context, server)
    page.goto(f"{server.url}sv/visit/")
    expect(page.locator("section.worksheets")).to_contain_text("(ny version)")


def test_turning_offline_copies_off_removes_them(
    tmp_path: Path, host: Callable[[Path], Host], context_factory: Callable[..., BrowserContext]
) -> None:
    root = tmp_path / "project"
    site_dir = build(root)
    server = host(site_dir)
    page = context_factory(service_workers="allow").new_page()
    page.goto(f"{server.url}visit/")
    wait_until_kept(page, worker_version(site_dir))
    assert cache_names(page)

    config = MKDOCS_YML.replace("      pdf: false\n", "      pdf: false\n      offline: false\n")
    build(root, config=config)
    assert "offline.js" not in (site_dir / "visit" / "index.html").read_text(encoding="utf-8")
    page.reload()
    deadline = time.monotonic() + 30
    while cache_names(page) or page.evaluate(
        "navigator.serviceWorker.getRegistrations().then(r => r.length)"
    ):
        assert time.monotonic() < deadline, "the old copy stayed"
        page.wait_for_timeout(200)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_mkdocs_serve_registers_no_worker_and_serves_one_that_removes_itself(
    tmp_path: Path, page: Page
) -> None:
    site = write_test_site(tmp_path / "project", extra_pages=False)
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr",
         f"127.0.0.1:{port}"],
        cwd=site.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while True:
            try:
                response = page.request.get(url + "visit/")
                if response.ok:
                    break
            except Error:
                pass
            assert time.monotonic() < deadline and serve.poll() is None, (
                "mkdocs serve did not start"
            )
            time.sleep(0.5)
        assert "offline.js" not in response.text()
        worker = page.request.get(url + "offline-worker.js")
        assert worker.ok
        assert "unregister()" in worker.text() and "const OFFLINE" not in worker.text()
        # The script as written, comments and all (a build publishes the bundle).
        script = page.request.get(url + "assets/worksheets/block.js").text()
        assert script == (REPO / "plugins/worksheets/assets/block.js").read_text(encoding="utf-8")
        page.goto(url + "visit/")
        expect(page.locator("section.worksheets")).to_be_visible()
    finally:
        serve.terminate()
        serve.communicate(timeout=30)
