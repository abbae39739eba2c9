"""A real site, served on 127.0.0.1, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route, sync_playwright

from tests.conftest import MKDOCS_YML, SiteFolder

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

CHECKLIST = """\
---
title: {title}
checklist:
  id: site-visit
  version: 2
  title: {title}
  sections:
    - id: visit
      title: {section}
      items:
        - id: floor
          text: {floor}
          required: true
          weight: 2
        - id: people
          text: {people}
        - id: reports
          text: {reports}
          required: true
---
# {title}

<!-- checklist -->
"""

WORKSHEET = """\
---
title: {title}
worksheet:
  id: readiness
  scale:
    - {{value: 0, label: {no}}}
    - {{value: 1, label: {partly}}}
    - {{value: 2, label: {yes}}}
  sections:
    - id: training
      title: {training}
      weight: 40
      criteria:
        - id: programme
          text: {programme}
          critical: true
    - id: monitoring
      title: {monitoring}
      weight: 60
      criteria:
        - id: frequency
          text: {frequency}
          weight: 2
        - id: feedback
          text: {feedback}
  bands:
    - {{min: 85, label: {ready}}}
    - {{min: 50, label: {close}}}
    - {{min: 0, label: {notready}}}
---
# {title}

<!-- worksheet -->
"""

TEXTS = {
    "en": dict(
        title="Site visit",
        section="On site",
        floor="We walked the delivery floor.",
        people="We met the team leads.",
        reports="Reports arrive on time.",
        no="Not in place",
        partly="Partly",
        yes="In place",
        training="Training",
        monitoring="Monitoring",
        programme="A training programme exists.",
        frequency="Agents are monitored 7 to 14 times a month.",
        feedback="Agents get constructive feedback.",
        ready="Ready for audit",
        close="Close the gaps",
        notready="Not ready",
    ),
    "es": dict(
        title="Visita al centro",
        section="En el centro",
        floor="Recorrimos la planta.",
        people="Conocimos a los jefes de equipo.",
        reports="Los informes llegan a tiempo.",
        no="No implantado",
        partly="Parcialmente",
        yes="Implantado",
        training="Capacitación",
        monitoring="Monitoreo",
        programme="Existe un programa de capacitación.",
        frequency="Los agentes se monitorean de 7 a 14 veces al mes.",
        feedback="Los agentes reciben retroalimentación.",
        ready="Listo para la auditoría",
        close="Cierre las brechas",
        notready="No preparado",
    ),
    "sv": dict(
        title="Platsbesök",
        section="På plats",
        floor="Vi gick runt på golvet.",
        people="Vi träffade teamledarna.",
        reports="Rapporterna kommer i tid.",
        no="Saknas",
        partly="Delvis",
        yes="På plats",
        training="Utbildning",
        monitoring="Uppföljning",
        programme="Det finns ett utbildningsprogram.",
        frequency="Agenterna följs upp 7 till 14 gånger i månaden.",
        feedback="Agenterna får återkoppling.",
        ready="Redo för revision",
        close="Täpp till luckorna",
        notready="Inte redo",
    ),
}

# Every text field carries a payload; none may run.
PAYLOAD = '<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script>'
LINK = "[click me](javascript:window.__xss=1)"
XSS_PAGE = f"""\
---
title: 'XSS {PAYLOAD}'
checklist:
  id: xss-checklist
  title: '{PAYLOAD}'
  intro: '{PAYLOAD} {LINK}'
  sections:
    - id: s
      title: '{PAYLOAD}'
      intro: '{PAYLOAD}'
      items:
        - id: a
          text: '{PAYLOAD} {LINK}'
          help: '{PAYLOAD} {LINK}'
worksheet:
  id: xss-worksheet
  title: '{PAYLOAD}'
  intro: '{PAYLOAD}'
  scale:
    - {{value: 0, label: '{PAYLOAD}', description: '{PAYLOAD}'}}
    - {{value: 1, label: '{LINK}'}}
  sections:
    - id: s
      title: '{PAYLOAD}'
      criteria:
        - id: c
          text: '{PAYLOAD} {LINK}'
          guidance: '{PAYLOAD} {LINK}'
          critical: true
  bands:
    - {{min: 0, label: '{PAYLOAD}', description: '{PAYLOAD}'}}
---
# XSS
"""


def write_test_site(
    root: Path,
    *,
    home: str = "",
    extra_pages: bool = True,
    people_suffix: str = "",
    config: str = MKDOCS_YML,
) -> SiteFolder:
    """A checklist (visit.md) and a worksheet (ready.md) in three languages."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = SiteFolder(root)
    for lang, texts in TEXTS.items():
        site.write(f"{lang}/index.md", f"# {texts['title']}\n\n{home}\n")
        people = f"{texts['people']}{people_suffix}"
        site.write(f"{lang}/visit.md", CHECKLIST.format(**{**texts, "people": people}))
        site.write(f"{lang}/ready.md", WORKSHEET.format(**texts))
        if extra_pages:
            site.write(f"{lang}/xss.md", XSS_PAGE)
    return site


def export_test_pdfs(folder: Path, *block_ids: str, lang: str = "en") -> Path:
    """The English PDFs of the test site's blocks, exported into ``folder`` by the
    `pdf` command (for tests that fill them, read them and import them)."""
    docs = write_test_site(folder / "project", extra_pages=False).docs
    done = subprocess.run(
        [sys.executable, "-m", "worksheets", "pdf", *block_ids, "--lang", lang,
         "--docs", str(docs), "--out", str(folder), "--cache-dir", str(folder / "cache")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return folder


def build_test_site(root: Path) -> Path:
    """The browser tests' site, with a page of script payloads in every text field."""
    site = write_test_site(root, home="[→](visit.md) [→](ready.md)")
    build = site.build()
    assert build.returncode == 0, build.output
    return build.site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """``serve(folder)`` -> the base URL of a static server for that folder on 127.0.0.1."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], str]) -> str:
    return serve(build_test_site(tmp_path_factory.mktemp("browser") / "project"))


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def outside_requests() -> list[str]:
    """Every request the page tried to send anywhere but 127.0.0.1 (they are blocked)."""
    return []


@pytest.fixture
def context_factory(
    browser: Browser, outside_requests: list[str]
) -> Iterator[Callable[..., BrowserContext]]:
    contexts: list[BrowserContext] = []

    def guard(route: Route) -> None:
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("blob:", "data:")) or host == "127.0.0.1":
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    def make(**options: object) -> BrowserContext:
        context = browser.new_context(accept_downloads=True, **options)  # type: ignore[arg-type]
        context.route("**/*", guard)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert outside_requests == [], f"requests left 127.0.0.1: {outside_requests}"


def watch_errors(page: Page) -> list[str]:
    """Uncaught script errors of the page, collected as they happen."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
    return errors


@pytest.fixture
def page(context_factory: Callable[..., BrowserContext]) -> Iterator[Page]:
    """A fresh page (empty storage) that must end the test without a script error."""
    page = context_factory().new_page()
    errors = watch_errors(page)
    yield page
    assert errors == [], errors
