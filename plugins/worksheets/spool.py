"""A mapping whose values wait in a temporary file rather than in memory.

A language build hands every page's content to MkDocs before the theme renders
the first page, and the blocks' search texts wait until the build's end: at 200
guides a language, holding them in memory made most of what the plugin added
to a build's peak of memory. Only the keys and where each value lies stay in
memory; the file is removed once the mapping is empty or closed.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Hashable, Iterator, MutableMapping
from typing import IO, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Spool(MutableMapping[K, V], Generic[K, V]):
    """Values by key, each written with ``encode`` and read back with ``decode``."""

    def __init__(self, encode: Callable[[V], bytes], decode: Callable[[bytes], V]) -> None:
        self._encode, self._decode = encode, decode
        self._where: dict[K, tuple[int, int]] = {}  # offset, length
        self._file: IO[bytes] | None = None
        # The file's length, and whether its position is there: values set one after
        # another are then buffered together rather than each sought and written.
        self._end = 0
        self._at_end = True

    def __setitem__(self, key: K, value: V) -> None:
        data = self._encode(value)
        if self._file is None:
            try:
                self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
            except OSError:  # no usable temporary folder: memory it is
                self._file = io.BytesIO()
            self._end, self._at_end = 0, True
        if not self._at_end:
            self._file.seek(self._end)
        self._at_end = False  # (until the write is whole)
        self._file.write(data)
        self._at_end = True
        # A value set again is written again: the file only grows until it is emptied.
        self._where[key] = (self._end, len(data))
        self._end += len(data)

    def __getitem__(self, key: K) -> V:
        offset, length = self._where[key]
        assert self._file is not None
        self._at_end = False
        self._file.seek(offset)
        return self._decode(self._file.read(length))

    def __delitem__(self, key: K) -> None:
        del self._where[key]
        if not self._where:
            self.close()

    def __contains__(self, key: object) -> bool:
        return key in self._where

    def __iter__(self) -> Iterator[K]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def close(self) -> None:
        """Forget every value; the file is removed."""
        self._where.clear()
        if self._file is not None:
            self._file.close()
            self._file = None
