"""The running online-viewer stats kept between refreshes must always equal a full recomputation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.domain.summary import kpis_from_samples
from desktop_app.services import lifecycle, metrics_entry
from desktop_app.storage import samples as sample_repo
from desktop_app.storage import summaries
from desktop_app.storage.sessions import get_session


def _kpis_now(ctx, sid):
    s = get_session(ctx.ws, sid)
    stored = summaries.get_summary(ctx.ws, sid).kpis
    pure = kpis_from_samples(sample_repo.list_samples(ctx.ws, sid), s.on_air_utc, s.off_air_utc)
    return stored, pure


def test_incremental_online_stats_follow_appends_backdated_samples_and_rollbacks(ctx, clock):
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="增量")
    for v in (100, 300, 200, 600):
        clock.advance(minutes=1)
        metrics_entry.record_snapshot(ctx, s.id, {"online_viewers": v})
    stored, pure = _kpis_now(ctx, s.id)
    assert stored["avg_online_viewers"].value == pytest.approx(pure["avg_online_viewers"].value)
    assert stored["peak_online_viewers"].value == 600

    # a back-dated reading (e.g. from the CLI with --ts) lands before the last one seen
    metrics_entry.record_snapshot(ctx, s.id, {"online_viewers": 5000}, ts=s.on_air_utc + timedelta(seconds=90))
    stored, pure = _kpis_now(ctx, s.id)
    assert stored["peak_online_viewers"].value == 5000
    assert stored["avg_online_viewers"].value == pytest.approx(pure["avg_online_viewers"].value)

    # a snapshot whose transaction fails must not leave its reading in the running figures
    clock.advance(minutes=1)
    with pytest.raises(RuntimeError), ctx.ws.write():
        metrics_entry.record_snapshot(ctx, s.id, {"online_viewers": 9999})
        raise RuntimeError("disk went away")
    clock.advance(minutes=1)
    metrics_entry.record_snapshot(ctx, s.id, {"online_viewers": 400})
    stored, pure = _kpis_now(ctx, s.id)
    assert stored["peak_online_viewers"].value == 5000
    assert stored["avg_online_viewers"].value == pytest.approx(pure["avg_online_viewers"].value)

    # ending the broadcast changes the averaging window
    clock.advance(minutes=1)
    lifecycle.end_broadcast(ctx, s.id)
    stored, pure = _kpis_now(ctx, s.id)
    assert stored["avg_online_viewers"].value == pytest.approx(pure["avg_online_viewers"].value)
