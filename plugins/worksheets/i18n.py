"""Everything the plugin reads from mkdocs-static-i18n, in one place.

mkdocs-static-i18n has no public API for other plugins, so these are its
attributes as of 1.x; ``tests/integration/test_i18n_adapter.py`` checks each
fact against the installed version, so that an upgrade that changes one fails
loudly instead of quietly building every language the same.

Facts read:

- the plugin is registered as ``i18n`` in ``config.plugins``;
- ``plugin.building``: true while it builds the further languages (inside the
  first build's ``on_post_build``);
- ``plugin.config.languages``: entries with ``locale`` and ``site_name``;
- ``plugin.default_language`` and ``plugin.current_language``;
- ``page.file.locale``: the language of a page's source file;
- ``plugin.config.reconfigure_search``: whether it removes, from the search index
  it stacks up across languages, each entry of a further language equal to an
  entry of the default language.
"""

from __future__ import annotations

from typing import Any

PLUGIN_NAME = "i18n"


def _plugin(config: Any) -> Any:
    return config.plugins.get(PLUGIN_NAME)


def is_first_build(config: Any) -> bool:
    """True for the default language's build, in which the others run; per-site work
    is done once, there."""
    return not getattr(_plugin(config), "building", False)


def _entries(config: Any) -> list[Any]:
    return list(getattr(getattr(_plugin(config), "config", None), "languages", None) or [])


def languages(config: Any) -> list[str] | None:
    """The configured languages' locales, or None without the i18n plugin."""
    return [entry.locale for entry in _entries(config)] or None


def default_language(config: Any) -> str | None:
    return getattr(_plugin(config), "default_language", None)


def current_language(config: Any) -> str | None:
    """The language being built (a page missing in it is shown in the default language)."""
    language = getattr(_plugin(config), "current_language", None)
    return str(language) if language else None


def site_names(config: Any) -> dict[str, str]:
    """The site's name in each language that sets one."""
    return {
        entry.locale: entry.site_name
        for entry in _entries(config)
        if getattr(entry, "site_name", None)
    }


def page_language(page: Any, config: Any) -> str:
    """A page's language: its file's locale, else the language being built, else the theme's."""
    locale = getattr(page.file, "locale", None)
    if locale:
        return str(locale)
    return current_language(config) or str(config.theme.get("language") or "en")


def keep_search_entries(config: Any) -> None:
    """Keep every language's search entries: the plugin splits the index by language
    folder (search.py), so an untranslated page, shown in the default language under a
    further language's folder, belongs in that language's index. mkdocs-static-i18n
    would remove it, comparing every entry with every other (time quadratic in the
    number of entries: a second of a 600-page build, growing fastest of all)."""
    plugin = _plugin(config)
    if plugin is not None and hasattr(plugin.config, "reconfigure_search"):
        plugin.config.reconfigure_search = False
