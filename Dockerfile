# syntax=docker/dockerfile:1
# The production image: docker build -t intake . ; migrations run separately (see README).

# --- Build: locked, hashed dependencies; static files collected, compressed and fingerprinted.
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
COPY requirements/base.txt requirements/base.txt
RUN python -m venv /venv \
    && /venv/bin/pip install --require-hashes --no-deps -r requirements/base.txt
COPY . .
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost FIRM_PHONE=0 SITE_URL=https://localhost \
    INTAKE_NOTIFY_EMAILS=build@localhost DJANGO_DEFAULT_FROM_EMAIL=build@localhost \
    /venv/bin/python manage.py collectstatic --noinput --settings=config.settings.production

# --- Run: slim, no build tools, an unprivileged user, gunicorn with config/gunicorn.py.
FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.production GUNICORN_BIND=0.0.0.0:8000
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home app
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=10001:10001 /app /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=3).status != 200)"]
CMD ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi:application"]
