# Two commands matter on a fresh clone: `make chat` and `make test`. Each creates the virtual
# environment and installs what it needs the first time, and again whenever pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: chat test test-postgres lint eval bench check messages

chat: $(INSTALLED)  ## the console chat on the bundled knowledge base and ./mreza.db
	@$(BIN)/mreza chat

test: $(INSTALLED)  ## every test
	$(BIN)/pytest -q

# Each test gets a database of its own on this server, dropped afterwards.
POSTGRES_TEST_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/test

test-postgres: $(INSTALLED)  ## every test again, on PostgreSQL
	MREZA_TEST_DATABASE_URL=$(POSTGRES_TEST_URL) $(BIN)/pytest -q

lint: $(INSTALLED)  ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: lint test

eval: $(INSTALLED)  ## search quality on the development questions, beside two baselines
	$(BIN)/mreza eval

bench: $(INSTALLED)  ## performance figures (printed, never asserted)
	$(BIN)/mreza bench search

$(INSTALLED): pyproject.toml
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet --upgrade pip >&2
	@$(BIN)/pip install --quiet -e '.[dev]' >&2
	@touch $@

messages: $(INSTALLED)  ## refresh the translation template and catalogs from bot/texts.py
	$(BIN)/pybabel extract -k N_ --no-default-keywords --omit-header --no-location -w 100 -o bot/locales/mreza.pot bot/texts.py
	$(BIN)/pybabel update -D mreza -i bot/locales/mreza.pot -d bot/locales --no-fuzzy-matching -w 100
