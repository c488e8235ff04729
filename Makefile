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
	$(DIST_APP) --self-test  # sets QT_QPA_PLATFORM=offscreen itself

bench: $(VENV)/.installed-test translations
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

clean:
	rm -rf build dist .pytest_cache .ruff_cache
