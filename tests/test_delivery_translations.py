"""Both languages complete: the Qt-free catalog (.po) and the Qt .ts files of every UI feature."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from desktop_app import i18n_build
from desktop_app.messages import LANGUAGES, catalog_dir, parse_po

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _po_files() -> dict[str, dict[str, Path]]:
    return {lang: {p.name: p for p in catalog_dir(lang).glob("*.po")} for lang in LANGUAGES}


def test_every_po_file_exists_in_both_languages():
    files = _po_files()
    assert set(files["zh_CN"]) == set(files["en"])


@pytest.mark.parametrize("name", sorted(_po_files()["en"]))
def test_po_catalogs_have_identical_keys_and_no_empty_text(name):
    zh = parse_po((catalog_dir("zh_CN") / name).read_text(encoding="utf-8"))
    en = parse_po((catalog_dir("en") / name).read_text(encoding="utf-8"))
    assert sorted(set(zh) ^ set(en)) == []
    assert [k for k, v in zh.items() if not v.strip()] == []
    assert [k for k, v in en.items() if not v.strip()] == []
    # A placeholder in one language but not the other would print "{path}" or lose the value.
    mismatched = [k for k in zh if set(PLACEHOLDER.findall(zh[k])) != set(PLACEHOLDER.findall(en[k]))]
    assert mismatched == []


def test_qt_translations_are_complete_in_both_languages():
    problems = i18n_build.problems()
    assert problems == [], "\n".join(problems[:40]) + "\nrun `python -m desktop_app.i18n_build update`"


def _feature_tree(tmp_path: Path, source: str) -> tuple[Path, Path]:
    ui = tmp_path / "ui"
    (ui / "demo").mkdir(parents=True)
    (ui / "demo" / "__init__.py").write_text(source, encoding="utf-8")
    (ui / "top.py").write_text("class Top:\n    def t(self):\n        return self.tr('Shell text')\n",
                               encoding="utf-8")
    qt = tmp_path / "qt"
    qt.mkdir()
    return ui, qt


WIDGET = """
from PySide6.QtWidgets import QWidget
class Demo(QWidget):
    def retranslate(self):
        self.setWindowTitle(self.tr("Restore from backup"))
"""


def test_update_fills_english_keeps_chinese_and_check_finds_gaps(tmp_path, capsys):
    ui, qt = _feature_tree(tmp_path, WIDGET)
    i18n_build.update(ui, qt)
    assert "unfinished zh_CN  demo  [Demo]  Restore from backup" in capsys.readouterr().out
    assert sorted(p.name for p in qt.iterdir()) == ["demo_en.ts", "demo_zh_CN.ts", "shell_en.ts", "shell_zh_CN.ts"]
    assert all(e.finished for e in i18n_build.entries(qt / "demo_en.ts"))
    problems = i18n_build.problems(ui, qt)
    assert any("demo_zh_CN.ts: unfinished: [Demo] 'Restore from backup'" in p for p in problems)
    # Translate, then add a new string: the old translation survives, the new one is reported missing.
    zh = qt / "demo_zh_CN.ts"
    zh.write_text(zh.read_text(encoding="utf-8").replace('<translation type="unfinished" />',
                                                         "<translation>从备份恢复</translation>")
                  .replace('<translation type="unfinished"></translation>', "<translation>从备份恢复</translation>"),
                  encoding="utf-8")
    (qt / "shell_zh_CN.ts").unlink()
    shutil.copy(qt / "shell_en.ts", qt / "shell_zh_CN.ts")  # "translated" (same text) for this test
    assert i18n_build.problems(ui, qt) == []
    (ui / "demo" / "__init__.py").write_text(WIDGET + '        self.tr("Back up now")\n', encoding="utf-8")
    problems = i18n_build.problems(ui, qt)
    assert any("demo_zh_CN.ts: not in the .ts file: [Demo] 'Back up now'" in p for p in problems)
    assert any("demo_en.ts: not in the .ts file" in p for p in problems)
    i18n_build.update(ui, qt)
    kept = {e.source: e.finished for e in i18n_build.entries(zh)}
    assert kept == {"Restore from backup": True, "Back up now": False}


def test_check_reports_a_translation_that_drops_a_placeholder(tmp_path):
    ui, qt = _feature_tree(tmp_path, WIDGET.replace('"Restore from backup"', '"Restored into {path}"'))
    i18n_build.update(ui, qt)
    shutil.copy(qt / "shell_en.ts", qt / "shell_zh_CN.ts")
    zh = qt / "demo_zh_CN.ts"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace('<translation type="unfinished" />', "<translation>已恢复</translation>")
                  .replace('<translation type="unfinished"></translation>', "<translation>已恢复</translation>"),
                  encoding="utf-8")
    assert i18n_build.problems(ui, qt) == ["demo_zh_CN.ts: placeholders differ from the source: "
                                           "[Demo] 'Restored into {path}'"]


def test_check_command_exit_code(tmp_path, monkeypatch):
    ui, qt = _feature_tree(tmp_path, WIDGET)
    monkeypatch.setattr(i18n_build, "ui_dir", lambda: ui)
    monkeypatch.setattr(i18n_build, "qt_dir", lambda: qt)
    assert i18n_build.main(["check"]) == 1
