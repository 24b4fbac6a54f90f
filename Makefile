# The README's two commands are `make demo` and `make test`; both work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench loadtest mutmut system clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

system:
	bash scripts/system-packages.sh

demo: $(STAMP) system
	@echo "== 五份真实年报（../shared/seeds）的核验结果"
	seeds=$$(ls ../shared/seeds/*.txt 2>/dev/null || ls tests/data/seeds/*.txt); \
	  $(BIN)/gongkai check $$seeds; test $$? -le 1
	bash scripts/demo.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) system
	$(BIN)/pytest -n 2 -q
	bash scripts/with-postgres.sh $(BIN)/pytest -n 2 -q -p no:cacheprovider tests/web

test: lint typecheck pytest

bench: $(STAMP) system
	$(BIN)/python -m bench
	@echo "== web, applications on PostgreSQL"
	bash scripts/with-postgres.sh $(BIN)/python -m bench web applications

# 100 users for 5 minutes against gunicorn on a throwaway PostgreSQL (127.0.0.1 only); stops by itself.
loadtest: $(STAMP) system
	bash scripts/with-postgres.sh $(BIN)/python -m bench.load.run $(LOADTEST_ARGS)

# Mutation testing (pyproject's [tool.mutmut]); MUTANTS narrows it to a pattern of mutant names.
mutmut: $(STAMP)
	rm -rf mutants
	$(BIN)/mutmut run $(MUTANTS)
	$(BIN)/mutmut results

clean:
	rm -rf mutants
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
