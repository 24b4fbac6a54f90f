#!/usr/bin/env bash
# The web demo: migrate, load the demo agencies and users, collect static files, and serve with
# gunicorn on http://127.0.0.1:8000 (whitenoise serves static files). Prints the demo logins.
# Environment: GONGKAI_DATA_DIR (default ./data), HOST, PORT, DATABASE_URL (default SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
export GONGKAI_DATA_DIR="${GONGKAI_DATA_DIR:-data}"
exec "$PYTHON" -m gongkai.site.serve --demo --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
