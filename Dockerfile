# Mreža in a container: a slim Python base, an unprivileged user, `mreza run` as entry point,
# and a health check on /healthz. One instance needs only MREZA_TELEGRAM_TOKEN (and a volume
# for its SQLite file); several share PostgreSQL and take updates by webhook (compose.yaml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    MREZA_DATABASE_URL=sqlite+aiosqlite:////data/mreza.db \
    MREZA_LOG_FORMAT=json

WORKDIR /app
COPY . /app
# Editable, so that the package finds its migrations and knowledge base beside it in /app.
RUN pip install --no-compile -e . \
    && useradd --create-home --uid 10001 mreza \
    && mkdir -p /data && chown mreza /data

USER mreza
VOLUME ["/data"]
EXPOSE 8080
# The slim image has no curl; Python itself asks /healthz (200 once Mreža runs on Telegram).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)"]
ENTRYPOINT ["mreza", "run"]
CMD ["--listen", "0.0.0.0:8080"]
