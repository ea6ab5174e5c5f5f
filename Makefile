# The two commands a newcomer needs: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test bench readability messages lint format lock superuser clean

$(STAMP): requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(PY) manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(PY) -m pytest

# Server CPU and latency against a bare view and a minimal wizard, on SQLite and PostgreSQL.
bench: $(STAMP)
	$(PY) -m bench.run

# Readability of every scenario's guidance page and every question page, printed.
readability: $(STAMP)
	$(PY) -m pytest tests/intake/test_readability.py -q -s -p no:warnings

# Collect new messages into the Spanish catalogue (needs GNU gettext), then compile it.
# Translate what is new in locale/es/LC_MESSAGES/django.po first; commit both .po and .mo.
messages: $(STAMP)
	$(PY) manage.py makemessages -l es --no-obsolete --no-location --ignore=".venv/*" --ignore="tests/*" --ignore="bench/*" --ignore="staticfiles/*" --ignore="var/*"
	$(PY) manage.py compilemessages -l es

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/hadolint Dockerfile

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

superuser: $(STAMP)
	$(PY) manage.py createsuperuser

# Re-pin dependencies after changing pyproject.toml (needs pip-tools).
lock: $(STAMP)
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --no-emit-find-links --no-emit-index-url --allow-unsafe -o requirements/base.txt pyproject.toml
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --no-emit-find-links --no-emit-index-url --allow-unsafe --extra dev -o requirements/dev.txt pyproject.toml

clean:
	rm -rf $(VENV) staticfiles var
