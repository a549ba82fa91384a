# Mreža in a container: a slim Python base, an unprivileged user, the mreza command as entry point.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    MREZA_DATABASE_URL=sqlite+aiosqlite:////data/mreza.db

WORKDIR /app
COPY . /app
# Editable, so that the package finds its migrations and knowledge base beside it in /app.
RUN pip install --no-compile -e . \
    && useradd --create-home --uid 10001 mreza \
    && mkdir -p /data && chown mreza /data

USER mreza
VOLUME ["/data"]
ENTRYPOINT ["mreza"]
CMD ["chat"]
