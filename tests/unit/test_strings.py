"""Every user-visible string exists in every language, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest
from worksheets.strings import FALLBACK, Strings, _load, available

# Keys that are formats rather than words, and words that really are the same.
FORMATS = ("decimal_separator", "list_separator", "percent", "weight")
SAME_IN = {"es": ("answer_no",)}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_three_languages_are_there() -> None:
    assert {"en", "es", "sv"} <= set(available())


@pytest.mark.parametrize("lang", [lang for lang in available() if lang != FALLBACK])
def test_language_has_every_key_with_the_same_placeholders(lang: str) -> None:
    english, other = _load(FALLBACK), _load(lang)
    assert other.keys() == english.keys()
    for key, text in english.items():
        assert placeholders(other[key]) == placeholders(text), key
        if key not in FORMATS and key not in SAME_IN.get(lang, ()):
            assert other[key] != text, f"{lang}.{key} is not translated"


@pytest.mark.parametrize(
    ("lang", "value", "shown"),
    [("en", 62.5, "63%"), ("es", 62.5, "63 %"), ("sv", 62.5, "63 %"), ("sv", 0, "0 %")],
)
def test_percent_in_the_language_format(lang: str, value: float, shown: str) -> None:
    assert Strings(lang).percent(value) == shown


def test_numbers_use_the_language_decimal_separator() -> None:
    assert Strings("en").number(1.5) == "1.5"
    assert Strings("es").number(1.5) == "1,5"
    assert Strings("sv").number(2.0) == "2"


def test_unknown_language_falls_back_to_english_and_regional_to_base() -> None:
    assert Strings("fi")["not_applicable"] == "Not applicable"
    assert Strings("es_MX")["not_applicable"] == "No aplicable"


def test_the_script_gets_every_string_it_uses() -> None:
    from worksheets.formats.client import CLIENT_STRINGS

    from tests.conftest import REPO

    modules = sorted((REPO / "plugins/worksheets/assets").glob("*.js"))
    assert modules, "no script modules in plugins/worksheets/assets"
    script = "\n".join(module.read_text(encoding="utf-8") for module in modules)
    used = set(re.findall(r"\b(?:strings|s)\.([a-z]+_[a-z_]+|[a-z]+)\b", script))
    used |= {f"kind_{kind}" for kind in ("checklist", "worksheet")}
    known = set(_load(FALLBACK))
    assert (used & known) <= set(CLIENT_STRINGS)
    assert set(CLIENT_STRINGS) <= known


def test_the_script_types_the_strings_it_gets() -> None:
    """assets/types.js lists the keys of the strings in the client data (its StringKey)."""
    from worksheets.formats.client import CLIENT_STRINGS

    from tests.conftest import REPO

    types = (REPO / "plugins/worksheets/assets/types.js").read_text(encoding="utf-8")
    typedef = re.search(r"@typedef \{([^{}]*)\} StringKey", types)
    assert typedef, "no StringKey typedef in types.js"
    assert set(re.findall(r'"([a-z_]+)"', typedef.group(1))) == set(CLIENT_STRINGS)
