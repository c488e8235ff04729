"""Known, user-facing failures. Each carries a message key for the Qt-free catalog."""

from __future__ import annotations

from desktop_app.messages import Message, msg


class LiveOpsError(Exception):
    """A refusal the user can act on; anything else that escapes is a bug."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    @property
    def message(self) -> Message:
        return Message(self.key, dict(self.params))

    def text(self, lang: str | None = None) -> str:
        return msg(self.key, lang=lang, **self.params)

    def __str__(self) -> str:
        return self.text()


class ValidationError(LiveOpsError):
    """A form value or argument is wrong; ``field`` names it."""

    def __init__(self, key: str, /, field: str | None = None, **params: object) -> None:
        super().__init__(key, field=field or "", **params)
        self.field = field


class NotFound(LiveOpsError):
    pass


class TransitionRefused(LiveOpsError):
    pass


def required_text(value: str | None, field: str, *, max_len: int | None = None) -> str:
    """``value`` stripped; refused naming ``field`` when empty or longer than ``max_len``."""
    text = (value or "").strip()
    if not text:
        raise ValidationError("error.field.required", field=field)
    if max_len is not None and len(text) > max_len:
        raise ValidationError("error.field.too_long", field=field, max=max_len)
    return text
