"""Each fact `worksheets.i18n` reads from mkdocs-static-i18n, checked against the installed
version: an upgrade that changes one fails here, by name, instead of building every
language the same."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.config import load_config
from worksheets import i18n

from tests.conftest import MKDOCS_YML, SiteFolder

SITE = MKDOCS_YML.replace(
    "{locale: es, name: Español, build: true}",
    "{locale: es, name: Español, build: true, site_name: Sitio de prueba}",
)


@pytest.fixture
def config(site_folder: Callable[..., SiteFolder]) -> Any:
    site = site_folder(SITE)
    site.write("en/index.md", "# Home\n")
    return load_config(str(site.root / "mkdocs.yml"))


def test_the_plugin_is_registered_as_i18n(config: Any) -> None:
    assert config.plugins.get(i18n.PLUGIN_NAME) is not None


def test_languages_are_entries_with_a_locale(config: Any) -> None:
    assert i18n.languages(config) == ["en", "es", "sv"]


def test_the_default_language(config: Any) -> None:
    assert i18n.default_language(config) == "en"


def test_site_names_per_language(config: Any) -> None:
    assert i18n.site_names(config) == {"es": "Sitio de prueba"}


def test_building_is_false_before_the_further_languages(config: Any) -> None:
    plugin = config.plugins.get(i18n.PLUGIN_NAME)
    assert plugin.building is False
    assert i18n.is_first_build(config)
    plugin.building = True
    assert not i18n.is_first_build(config)


def test_the_current_language_starts_unset_or_default(config: Any) -> None:
    assert i18n.current_language(config) in (None, "en")


def test_page_language_prefers_the_file_locale(config: Any) -> None:
    page = SimpleNamespace(file=SimpleNamespace(locale="sv"))
    assert i18n.page_language(page, config) == "sv"
    bare = SimpleNamespace(file=SimpleNamespace())
    assert i18n.page_language(bare, config) in ("en",)


def test_without_the_plugin_nothing_is_read(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [worksheets]\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert i18n.languages(config) is None
    assert i18n.default_language(config) is None
    assert i18n.current_language(config) is None
    assert i18n.site_names(config) == {}
    assert i18n.is_first_build(config)


def test_a_real_build_reads_the_build_language_and_file_locales(
    site_folder: Callable[..., SiteFolder],
) -> None:
    """``current_language`` (sv) and ``page.file.locale`` (en) together make the fallback
    notice; ``building`` makes the missing-translation note appear once, not per language."""
    site = site_folder(SITE)
    site.write("en/index.md", "# Home\n")
    site.write("es/index.md", "# Inicio\n")
    site.write("sv/index.md", "# Hem\n")
    site.write("en/only.md", "# Only in English\n")
    site.write("es/only.md", "# Solo\n")
    build = site.build()
    assert build.returncode == 0, build.output
    assert "worksheets-fallback" in build.html("sv/only/index.html")
    assert 'lang="sv"' in build.html("sv/only/index.html").split("worksheets-fallback")[1][:80]
    assert "worksheets-fallback" not in build.html("es/only/index.html")
    assert build.output.count("page(s) have no 'sv' translation") == 1


def test_search_entries_are_compared_across_languages_unless_told(config: Any) -> None:
    plugin = config.plugins.get(i18n.PLUGIN_NAME)
    assert plugin.config.reconfigure_search is True
    i18n.keep_search_entries(config)
    assert plugin.config.reconfigure_search is False


def test_an_untranslated_page_is_found_in_its_language_folder(
    site_folder: Callable[..., SiteFolder],
) -> None:
    import json

    site = site_folder()
    for lang in ("en", "es", "sv"):
        site.write(f"{lang}/index.md", "# Home\n")
    site.write("en/only.md", "# Untranslated\n\nA page in one language, sought by everyone.\n")
    build = site.build(strict=False)
    assert build.returncode == 0, build.output
    for folder in ("", "es/", "sv/"):
        index = json.loads((build.site_dir / folder / "search/search_index.json").read_text())
        found = [doc["location"] for doc in index["docs"] if "sought by everyone" in doc["text"]]
        assert found == ["only/#untranslated"], (folder, found)
