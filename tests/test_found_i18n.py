"""Every text the UI translates has a Chinese translation, including texts lupdate cannot see
(a helper's argument such as ``_tr("Exporting…")``, a ``self.tr()`` inside an f-string), and
``i18n_build update`` keeps those texts and their translations in the .ts files."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from desktop_app import i18n_build

pytestmark = pytest.mark.skipif(i18n_build.lupdate_command() is None, reason="needs pyside6-lupdate")


def test_every_text_the_ui_translates_has_a_finished_chinese_translation():
    missing = []
    for feature, sources in i18n_build.features().items():
        have = {(e.context, e.source): e for e in i18n_build.entries(i18n_build.ts_path(feature, "zh_CN"))}
        for key in i18n_build.ui_texts(sources):
            entry = have.get(key)
            if entry is None or not entry.finished:
                missing.append((feature, *key))
    assert missing == []


def test_the_scan_sees_helpers_and_f_strings(tmp_path):
    src = tmp_path / "w.py"
    src.write_text(textwrap.dedent('''
        from PySide6.QtCore import QCoreApplication

        def _tr(text):
            return QCoreApplication.translate("Feature", text)

        class Page:
            def title(self, name):
                return f"{self.tr('Window')} - {name}"

            def other(self):
                return _tr("Saved {path}"), self.label.tr("not a helper call")
    '''), encoding="utf-8")
    found = set(i18n_build.ui_texts([src]))
    assert {("Page", "Window"), ("Feature", "Saved {path}")} <= found
    assert not any(text == "not a helper call" and ctx == "Feature" for ctx, text in found)


def test_update_keeps_texts_behind_helpers_and_their_translations(tmp_path):
    ui = tmp_path / "ui" / "demo"
    ui.mkdir(parents=True)
    (ui / "__init__.py").write_text(textwrap.dedent('''
        from PySide6.QtCore import QCoreApplication

        def _tr(text):
            return QCoreApplication.translate("Demo", text)

        class Panel:
            def labels(self):
                return _tr("Exporting…"), f"{self.tr('Target')}:", self.tr("Plain")
    '''), encoding="utf-8")
    qt = tmp_path / "qt"
    qt.mkdir()
    (qt / "demo_zh_CN.ts").write_text(textwrap.dedent('''\
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE TS>
        <TS version="2.1" language="zh_CN" sourcelanguage="en">
        <context><name>Demo</name>
            <message><source>Exporting…</source><translation>正在导出…</translation></message>
        </context>
        <context><name>Panel</name>
            <message><source>Target</source><translation>目标项</translation></message>
            <message><source>Plain</source><translation>普通</translation></message>
        </context>
        </TS>
    '''), encoding="utf-8")
    shutil.copy(qt / "demo_zh_CN.ts", tmp_path / "before.ts")
    i18n_build.update(tmp_path / "ui", qt)
    zh = {(e.context, e.source): e.texts for e in i18n_build.entries(qt / "demo_zh_CN.ts")}
    assert zh == {("Demo", "Exporting…"): ("正在导出…",), ("Panel", "Target"): ("目标项",),
                  ("Panel", "Plain"): ("普通",)}
    en = {(e.context, e.source) for e in i18n_build.entries(qt / "demo_en.ts") if e.finished}
    assert en == set(zh)
    assert i18n_build.problems(tmp_path / "ui", qt) == []
