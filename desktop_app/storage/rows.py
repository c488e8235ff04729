"""Small helpers shared by the repositories."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def uuid7() -> str:
    """A time-ordered UUID (version 7): rows inserted together sit together in the B-tree,
    which keeps bulk inserts fast, while ids stay unique across merged workspaces."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | (rand >> 68 & 0xFFF) << 64 | 0b10 << 62 | (rand & ((1 << 62) - 1))
    h = f"{value:032x}"  # what str(uuid.UUID(int=value)) gives, without building the object (every hotkey)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_id_source: Callable[[], str] = uuid7


def new_id() -> str:
    return _id_source()


@contextmanager
def id_source(fn: Callable[[], str]) -> Iterator[None]:
    """Use ``fn`` for new ids for a while (the demo builder makes ids from its seed)."""
    global _id_source
    previous, _id_source = _id_source, fn
    try:
        yield
    finally:
        _id_source = previous


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str | None, default: Any = None) -> Any:
    if text is None or text == "":
        return default
    return json.loads(text)
