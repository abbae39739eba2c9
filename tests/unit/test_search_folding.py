"""Accent-insensitive search: the unaccented words each index document carries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from worksheets.search import OWN_LETTERS, split_search_index, unaccented


def test_spanish_words_lose_their_accents_but_not_their_enye() -> None:
    text = "<p>La <strong>calibración</strong> y la auditoría; Señal, ÚLTIMA, pingüino.</p>"
    assert unaccented(text, "es") == ["calibracion", "auditoria", "ultima", "pinguino"]


def test_swedish_keeps_its_own_letters() -> None:
    # "för" and "for" are different words in Swedish; "idé" is "ide" typed quickly.
    assert unaccented("Förändring på plats, en idé, ÅTGÄRD", "sv") == ["ide"]


def test_markup_is_not_read_as_words() -> None:
    assert unaccented('<a href="/é/">x</a>', "es") == []


@given(st.text(max_size=200), st.sampled_from(["es", "sv", "en", "xx"]))
def test_folded_words_are_plain_words(text: str, lang: str) -> None:
    own = OWN_LETTERS.get(lang, "")
    for word in unaccented(text, lang):
        assert word and "<" not in word and ">" not in word and " " not in word
        assert word == word.lower()
        assert all(not ("\u0300" <= char <= "\u036f") for char in word)
        assert set(word) & set(own) <= set(text.lower())


@given(
    st.lists(st.text(alphabet="aeióúñå <>/pb.,", max_size=40), max_size=8),
    st.sampled_from(["es", "sv", "en"]),
)
def test_runs_kept_across_texts_change_no_texts_words(texts: list[str], lang: str) -> None:
    # split_search_index keeps what each run folds to across one index's texts.
    runs: dict[str, list[str]] = {}
    assert [unaccented(text, lang, runs) for text in texts] == [
        unaccented(text, lang) for text in texts
    ]


def test_each_language_index_carries_its_unaccented_words(tmp_path: Path) -> None:
    index = {
        "config": {"lang": ["en"], "separator": "[\\\\s]+"},
        "docs": [
            {"location": "", "title": "Home", "text": "<p>Café culture</p>"},
            {"location": "es/", "title": "Inicio", "text": "<p>Calibración</p>"},
            {"location": "sv/", "title": "Hem", "text": "<p>Förändring</p>"},
        ],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    split_search_index(tmp_path, "en", ["en", "es", "sv"])

    def texts(folder: str) -> list[str]:
        path = tmp_path / folder / "search" / "search_index.json"
        return [doc["text"] for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]]

    assert texts("") == ["<p>Café culture</p><span hidden>cafe</span>"]
    assert texts("es") == ["<p>Calibración</p><span hidden>calibracion</span>"]
    assert texts("sv") == ["<p>Förändring</p>"]


def test_a_block_section_gets_its_text_and_the_words_folded_when_it_was_rendered(
    tmp_path: Path,
) -> None:
    from worksheets.searchtext import marker

    text = "<p>Señal de calibración</p>"
    key = marker(text)
    index = {
        "config": {"lang": ["en"]},
        "docs": [
            {"location": "es/g/#s", "title": "S", "text": key},
            {"location": "sv/g/#s", "title": "S", "text": key},
        ],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    # The block was rendered in Spanish only: its words were folded then, by Spanish rules.
    folded = {(key, "es"): unaccented(text, "es")}
    split_search_index(tmp_path, "en", ["en", "es", "sv"], {key: text}, folded)

    def docs(folder: str) -> list[str]:
        path = tmp_path / folder / "search" / "search_index.json"
        return [doc["text"] for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]]

    assert docs("es") == [f"{text}<span hidden>calibracion</span>"]
    # Shown in the Swedish folder (a page not translated): folded there, by Swedish rules.
    assert docs("sv") == [f"{text}<span hidden>senal calibracion</span>"]


@given(
    st.text(alphabet=st.sampled_from("aeéñåöÉǄ’'—“ <>b1_\n\t\xa0\u2003")),
    st.sampled_from(["en", "es", "sv"]),
)
def test_the_accented_words_are_those_of_every_word(text: str, lang: str) -> None:
    """Only words with a letter outside ASCII are looked at: the same as every word."""
    import re

    from worksheets.search import _folding

    table = _folding(OWN_LETTERS.get(lang, ""))
    expected: dict[str, None] = {}
    for word in re.findall(r"\w+", re.sub(r"<[^>]*>", " ", text)):
        if word.translate(table) != word:
            expected.setdefault(word.translate(table).lower(), None)
    assert unaccented(text, lang) == list(expected)


CONFIG = (
    '{"base": "../..", "features": ["navigation.instant"], "search": "s.js", "tags": null, '
    '"translations": {"clipboard.copy": "Copy \\"base\\": \\"x\\"", "x": "<\\/a>"}, '
    '"version": null}'
)


@pytest.mark.parametrize(
    "config",
    [
        CONFIG,
        CONFIG.replace('"base": "../.."', '"base":"../.."'),
        # A key "base" elsewhere too: the configuration is read whole.
        CONFIG.replace('"tags": null', '"tags": {"base": "t"}'),
    ],
)
def test_each_language_points_material_at_its_own_folder(config: str) -> None:
    from worksheets.search import language_base

    html = f'<head><script id="__config" type="application/json">{config}</script></head>'
    done = language_base(html, "..")
    inner = done.split('type="application/json">', 1)[1].split("</script>", 1)[0]
    data, before = json.loads(inner), json.loads(config)
    assert data == {**before, "base": ".."}
    assert done.startswith("<head><script") and done.endswith("</script></head>")
    assert "</a>" not in inner  # (a script cannot hold "</")
