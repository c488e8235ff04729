"""Read and convert a file's rows on a second thread while the import thread writes them.

SQLite releases the GIL while it inserts, so parsing the next rows (pure Python) overlaps the
inserts of the previous ones: on two or more cores an import costs about the larger of the two
instead of their sum. The hand-over is a bounded queue of row batches (memory stays flat), and
anything the reader raises (a damaged file, a cancel) is raised again in the import thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")

BATCH = 1000
DEPTH = 8  # batches in flight: enough to ride out a slow flush, small enough to stay flat


def prefetch(source: Iterator[T], *, batch: int = BATCH, depth: int = DEPTH) -> Iterator[T]:
    """Yield ``source``'s items, produced on a worker thread; closing this generator stops the worker."""
    handover: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    worker = threading.Thread(target=_produce, args=(source, handover, stop, batch), name="import-reader",
                              daemon=True)
    worker.start()
    try:
        while True:
            kind, payload = handover.get()
            if kind == "items":
                yield from payload
            elif kind == "end":
                return
            else:
                raise payload
    finally:
        stop.set()
        while worker.is_alive():  # unblock a worker waiting on a full queue, then let it finish
            try:
                handover.get_nowait()
            except queue.Empty:
                worker.join(0.01)


def _produce(source: Iterator, handover: queue.Queue, stop: threading.Event, batch: int) -> None:
    items: list = []
    try:
        for item in source:
            items.append(item)
            if len(items) >= batch:
                if not _put(handover, ("items", items), stop):
                    return
                items = []
        if _put(handover, ("items", items), stop):
            _put(handover, ("end", None), stop)
    except BaseException as exc:  # noqa: BLE001 - handed to the import thread, which raises it
        # The rows read before the error go first, so the error reaches the import at its place.
        if _put(handover, ("items", items), stop):
            _put(handover, ("error", exc), stop)
    finally:
        close = getattr(source, "close", None)
        if close is not None:
            close()


def _put(handover: queue.Queue, item: tuple, stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            handover.put(item, timeout=0.05)
            return True
        except queue.Full:
            continue
    return False
