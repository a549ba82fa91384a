# Two commands matter on a fresh clone: `make chat` and `make test`. Each creates the virtual
# environment and installs what it needs the first time, and again whenever pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: chat test test-slow test-postgres test-all test-clock lint eval bench check messages

chat: $(INSTALLED)  ## the console chat on the bundled knowledge base and ./mreza.db
	@$(BIN)/mreza chat

PYTEST := $(BIN)/pytest -q -n auto -p no:cacheprovider

test: $(INSTALLED)  ## the fast tests, on SQLite: what every change is checked with
	$(PYTEST) -m "not slow"

test-slow: $(INSTALLED)  ## the slow tier: processes, restarts, several instances, PostgreSQL
	$(PYTEST) -m slow --durations=15

# Each test gets a database of its own on this server, dropped afterwards.
POSTGRES_TEST_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/test

test-postgres: $(INSTALLED)  ## every test, slow tier included, on PostgreSQL
	MREZA_TEST_DATABASE_URL=$(POSTGRES_TEST_URL) $(PYTEST) --durations=15

test-all: test test-slow test-postgres  ## every test on SQLite, then every test on PostgreSQL

# Moments a scheduler gets wrong: the weekly digest's Monday morning, both daylight-saving
# nights, the turn of the year and a leap day, all in Belgrade; and Monday morning again from
# a machine in another time zone. The tests take their time from a fake clock, so each run
# must pass whatever the machine's clock says.
CLOCK_MOMENTS := "Europe/Belgrade 2026-12-14 09:30:00" "Europe/Belgrade 2027-03-28 01:59:30" \
	"Europe/Belgrade 2027-10-31 02:30:00" "Europe/Belgrade 2026-12-31 23:59:30" \
	"Europe/Belgrade 2028-02-29 12:00:00" "America/Los_Angeles 2026-12-14 00:30:00"
# Every scheduled chore is in these: the digest, event and pulse reminders, hand-off re-notices,
# pulse closing, delivery reports; with the Telegram tests that once failed on Mondays.
CLOCK_TESTS := tests/scheduler tests/curator/test_digest.py tests/curator/test_handoffs.py \
	tests/bot/test_events.py tests/bot/test_pulses.py tests/bot/test_schedules.py \
	tests/bot/test_reports.py tests/cli/test_announce.py tests/cli/test_event.py \
	tests/cli/test_pulse.py tests/knowledge/test_bundled_kb.py tests/telegram/test_curating.py \
	tests/telegram/test_hostile_text.py tests/telegram/test_pulses.py

test-clock: $(INSTALLED)  ## the scheduling tests under faketime at awkward moments (needs faketime)
	@command -v faketime >/dev/null || { echo "test-clock needs faketime (apt install faketime)"; exit 1; }
	@for moment in $(CLOCK_MOMENTS); do \
		set -- $$moment; zone=$$1; shift; \
		echo "== machine clock at $$* in $$zone"; \
		TZ=$$zone faketime "$$*" $(PYTEST) -m "not slow" $(CLOCK_TESTS) || exit 1; \
	done

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

messages: $(INSTALLED)  ## refresh the translation template and catalogs from bot/languages/*texts.py
	$(BIN)/pybabel extract -k N_ --no-default-keywords --omit-header --no-location -w 100 -o bot/languages/locales/mreza.pot bot/languages/texts.py bot/languages/console_texts.py
	$(BIN)/pybabel update -D mreza -i bot/languages/locales/mreza.pot -d bot/languages/locales --no-fuzzy-matching -w 100
