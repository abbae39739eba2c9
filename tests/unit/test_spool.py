"""Values kept in a temporary file behave as a dict would, whatever is put in and taken out."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from worksheets.spool import Spool

KEYS = st.sampled_from(["a", "b", "c", "d"])
# Any text (accents, emoji, NUL), any list of words: what search texts and forms hold.
VALUES = st.lists(st.text(), max_size=4)
ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("set"), KEYS, VALUES),
        st.tuples(st.just("pop"), KEYS, st.none()),
        st.tuples(st.just("close"), st.none(), st.none()),
    ),
    max_size=30,
)


def words_spool() -> Spool[str, list[str]]:
    return Spool(lambda words: json.dumps(words).encode(), json.loads)


@given(ACTIONS)
def test_a_spool_is_a_dict(actions: list[tuple[str, str | None, list[str] | None]]) -> None:
    spool, model = words_spool(), dict[str, list[str]]()
    for action, key, value in actions:
        if action == "set":
            assert key is not None and value is not None
            spool[key] = model[key] = value
        elif action == "pop":
            assert key is not None
            assert spool.pop(key, None) == model.pop(key, None)
        else:
            spool.close()
            model.clear()
        assert dict(spool) == model
        assert len(spool) == len(model) and all(k in spool for k in model)
    spool.close()


def test_its_file_goes_when_it_is_empty_or_closed() -> None:
    spool: Spool[str, str] = Spool(str.encode, bytes.decode)
    spool["page"] = "<form>é</form>"
    held = spool._file
    assert held is not None and not held.closed
    assert spool.pop("page") == "<form>é</form>"
    assert held.closed and spool._file is None
    spool["again"] = "x"
    assert spool["again"] == "x"
    spool.close()
    assert spool._file is None and dict(spool) == {}


def test_without_a_temporary_folder_it_keeps_values_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    spool: Spool[str, str] = Spool(str.encode, bytes.decode)
    spool["page"] = "<form>ö</form>"
    assert spool["page"] == "<form>ö</form>" and not (tmp_path / "missing").exists()
    spool.close()
