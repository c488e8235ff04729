"""Use cases over storage and domain. No Qt: the UI and the `liveops` CLI both call these."""
