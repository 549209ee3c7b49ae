#!/usr/bin/env bash
# Adds one EF Core migration to both provider sets (SQLite and PostgreSQL), so they never drift.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
p=src/OpenCpts.Web
dotnet ef migrations add "$name" --project "$p" --context SqliteOpenCptsDb --output-dir Infrastructure/Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project "$p" --context PostgresOpenCptsDb --output-dir Infrastructure/Data/Migrations/Postgres --no-build
