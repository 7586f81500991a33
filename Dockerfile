# The portal's image: one image for every process. Its entrypoint is deploy/portal, the same
# script CI's production smoke and a council's own servers run: `web` (the default), `worker`,
# `beat`, `release` (migrate and the deployment checklist), `backup`, `restore` and `verify`.
FROM node:20-bookworm-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY static/src static/src
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHON=python
# WeasyPrint's native libraries and fonts for the PDFs; PostgreSQL's client for backups (15, as
# the database image in docker-compose.yml: pg_dump refuses a newer server).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 portal
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY . .
COPY --from=assets /src/static/build static/build
RUN SECRET_KEY=build-only deploy/portal build \
    && mkdir -p /app/var/media /app/var/private-media /app/var/backups \
    && chown -R portal /app/var
USER portal
EXPOSE 8000
ENTRYPOINT ["deploy/portal"]
CMD ["web"]
