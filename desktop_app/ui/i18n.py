"""Qt translations (.qm per feature) plus the Qt-free catalog, switched together at runtime."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from desktop_app import messages
from desktop_app.paths import resource_path

_installed: list[QTranslator] = []
_applied: list[str] = []  # the language of the last apply_language (none yet: Qt's source texts)


def applied_language() -> str | None:
    return _applied[-1] if _applied else None


def qm_files(lang: str) -> list:
    folder = resource_path("i18n", "qt")
    return sorted(folder.glob(f"*_{lang}.qm")) if folder.exists() else []


def apply_language(lang: str) -> str:
    """Load every feature's .qm for ``lang``; widgets retranslate on QEvent.LanguageChange."""
    lang = messages.normalize_language(lang) or messages.DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    for qm in qm_files(lang):
        t = QTranslator(app)
        if t.load(str(qm)):
            app.installTranslator(t)
            _installed.append(t)
    qt_base = QTranslator(app)
    if lang == "zh_CN" and qt_base.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                                        _qt_translations_dir()):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    messages.set_language(lang)
    _applied[:] = [lang]
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return lang


def reset_language() -> None:
    """Remove every installed translator and the QLocale default (tests; a clean slate)."""
    app = QCoreApplication.instance()
    for t in _installed:
        if app is not None:
            app.removeTranslator(t)
    _installed.clear()
    _applied.clear()
    QLocale.setDefault(QLocale.system())
    messages.set_language(messages.DEFAULT_LANGUAGE)
    # Widgets of a finished test may outlive their workspace: drop the LanguageChange events
    # removeTranslator posted to every top-level widget instead of retranslating them.
    from PySide6.QtCore import QEvent

    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)


def _qt_translations_dir() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class Retranslating:
    """Mixin for a widget with a ``retranslate()`` that sets its texts: a language switch
    (Qt's LanguageChange, sent to every widget when translators change) calls it.

    Put it first among the bases (``class Page(Retranslating, QWidget)``) so its changeEvent runs.
    """

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc] - the Qt base class follows in the MRO
