"""The import's reader thread: same rows in the same order, its errors raised in the import thread."""

from __future__ import annotations

import threading

import pytest

from desktop_app.services.ingest.prefetch import prefetch
from desktop_app.services.ingest.reader import FileRejected


def test_rows_arrive_in_order_across_batches():
    assert list(prefetch(iter(range(2503)), batch=100, depth=2)) == list(range(2503))


def test_an_empty_source_ends_cleanly():
    assert list(prefetch(iter(()))) == []


def test_a_reader_error_is_raised_in_the_import_thread_after_the_rows_before_it():
    def rows():
        yield from range(5)
        raise FileRejected("error.ingest.xlsx_damaged", file="a.xlsx", detail="zip")

    got = []
    with pytest.raises(FileRejected) as err:
        for row in prefetch(rows(), batch=2):
            got.append(row)
    assert got == [0, 1, 2, 3, 4]
    assert "a.xlsx" in str(err.value)


def test_stopping_early_stops_the_reader_and_closes_its_source():
    closed = threading.Event()

    def endless():
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()

    gen = prefetch(endless(), batch=10, depth=1)
    assert [next(gen) for _ in range(25)] == list(range(25))
    gen.close()
    assert closed.is_set()
    assert not [t for t in threading.enumerate() if t.name == "import-reader"]
