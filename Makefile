# LiveOps Desk. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
  BIN := $(VENV)/Scripts
else
  BIN := $(VENV)/bin
endif
PY := $(BIN)/python
DEMO := demo-workspace/demo.liveops

.PHONY: run test lint venv translations bench check-export build check-build clean demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PY) -m pip install --quiet -e ".[test,dev]"
	touch $(VENV)/.installed $(VENV)/.installed-test $@

venv: $(VENV)/.installed

translations: $(VENV)/.installed
	$(PY) -m desktop_app.i18n_build

$(DEMO): | $(VENV)/.installed
	mkdir -p $(dir $(DEMO))
	$(BIN)/liveops demo $(DEMO)

demo: $(DEMO)

run: $(VENV)/.installed translations $(DEMO)
	$(PY) -m desktop_app --workspace $(DEMO)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check desktop_app tests benchmarks

test: $(VENV)/.installed-test translations lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

# PyInstaller onedir build (build.spec): dist/liveops-desk/ with liveops-desk (windowed) and liveops (console).
ifeq ($(OS),Windows_NT)
  EXE := .exe
endif
DIST_APP := dist/liveops-desk/liveops-desk$(EXE)

build: $(VENV)/.installed-dev translations
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec

check-build: build
	$(DIST_APP) --self-test --report build/selftest-report.txt  # offscreen by itself; the report is for windowed Windows builds
	@tail -n 1 build/selftest-report.txt

bench: $(VENV)/.installed-test translations
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

clean:
	rm -rf build dist .pytest_cache .ruff_cache

# Export (issue 7): render a demo session report (client variant) and a multi-session report to PDF
# with LibreOffice so a person can look at them: build/check-export/*.pdf.
EXPORT_OUT := build/check-export
check-export: $(VENV)/.installed translations
	@command -v soffice >/dev/null 2>&1 || { echo "LibreOffice (soffice) is needed: apt-get install libreoffice-calc (Debian/Ubuntu), brew install --cask libreoffice (macOS), or https://www.libreoffice.org/download (Windows)"; exit 1; }
	rm -rf $(EXPORT_OUT) && mkdir -p $(EXPORT_OUT)
	$(BIN)/liveops demo $(EXPORT_OUT)/demo.liveops --days 2
	$(PY) -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"SELECT s.id FROM sessions s JOIN session_summaries m ON m.session_id=s.id WHERE s.status='closed' ORDER BY m.signoff='approved' DESC, s.on_air_utc LIMIT 1\").fetchone()[0])" $(EXPORT_OUT)/demo.liveops > $(EXPORT_OUT)/session.txt
	$(BIN)/liveops export $(EXPORT_OUT)/demo.liveops --lang zh_CN --session $$(cat $(EXPORT_OUT)/session.txt) --allow-draft --out $(EXPORT_OUT)/session_client.xlsx
	$(BIN)/liveops export $(EXPORT_OUT)/demo.liveops --lang zh_CN --from 2020-01-01 --to 2099-12-31 --csv --out $(EXPORT_OUT)/multi.xlsx
	cd $(EXPORT_OUT) && soffice --headless --convert-to pdf session_client.xlsx multi.xlsx >/dev/null
	@ls -1 $(EXPORT_OUT)/*.pdf
