"""Typed wrapper around QSettings: window state, last workspace, language. Nothing that matters
lives here; that is in the workspace database."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.q = settings or QSettings()

    def _str(self, key: str, default: str | None = None) -> str | None:
        value = self.q.value(key, default)
        return str(value) if value is not None else None

    @property
    def last_workspace(self) -> str | None:
        return self._str("workspace/last")

    @last_workspace.setter
    def last_workspace(self, path: str) -> None:
        self.q.setValue("workspace/last", path)

    @property
    def language(self) -> str | None:
        return self._str("ui/language")

    @language.setter
    def language(self, lang: str) -> None:
        self.q.setValue("ui/language", lang)

    def geometry(self, name: str) -> QByteArray | None:
        value = self.q.value(f"window/{name}/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, name: str, data: QByteArray) -> None:
        self.q.setValue(f"window/{name}/geometry", data)

    def window_state(self, name: str) -> QByteArray | None:
        value = self.q.value(f"window/{name}/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, name: str, data: QByteArray) -> None:
        self.q.setValue(f"window/{name}/state", data)

    def last_person(self, workspace_id: str) -> str | None:
        return self._str(f"person/{workspace_id}")

    def set_last_person(self, workspace_id: str, person_id: str) -> None:
        self.q.setValue(f"person/{workspace_id}", person_id)

    def value(self, key: str, default=None):
        return self.q.value(key, default)

    def set_value(self, key: str, value) -> None:
        self.q.setValue(key, value)
