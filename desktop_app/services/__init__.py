"""Use cases over storage and domain. No Qt: the UI and the `liveops` CLI both call these."""

# Features that hook into the core use cases register when imported; import them here so
# every entry point (app, CLI, tests) gets the same behaviour.
from desktop_app.services import review as _review  # noqa: E402,F401
