# The two commands: `make run` (the portal on the embedded default, with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDRESS ?= 127.0.0.1:8000
# The embedded default: SQLite under ./var/, Celery eager, DEBUG on for the development server.
DEMO_ENV := DEBUG=1

.PHONY: run test assets lint format install clean

run: $(VENV)/.installed static/build/.built
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py load_demo --address http://$(ADDRESS)/
	$(DEMO_ENV) $(BIN)/python manage.py runserver $(ADDRESS)

test: $(VENV)/.installed static/build/.built
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(VENV)/.installed

assets: static/build/.built

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js 18 or newer) is needed to build the front end"; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

static/build/.built: node_modules/.installed static/src/build.mjs static/src/portal.scss
	npm run --silent build
	touch $@

clean:
	rm -rf $(VENV) node_modules static/build
