# syntax=docker/dockerfile:1
# Build: dependencies from the locked, hashed requirements; static files collected and compressed.
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
COPY requirements/base.txt requirements/base.txt
RUN python -m venv /venv \
    && /venv/bin/pip install --require-hashes --no-deps -r requirements/base.txt
COPY . .
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=localhost FIRM_PHONE=0 \
    /venv/bin/python manage.py collectstatic --noinput --settings=config.settings.production

# Run: a slim image with no build tools, as an unprivileged user.
FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.production
RUN useradd --system --uid 10001 --home-dir /app app
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=app:app /app /app
USER app
EXPOSE 8000
# Migrations run separately: docker run IMAGE python manage.py migrate --noinput
CMD ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi:application"]
