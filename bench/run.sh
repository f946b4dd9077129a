#!/bin/bash
# Full benchmark: generate `small` and `large` on SQLite and PostgreSQL, then measure the pages.
# Usage: bench/run.sh [sizes...]   (default: small large). PostgreSQL at 127.0.0.1:5432, trust auth.
# Rows are appended to var/bench/pages.md (bench/results.md holds the figures quoted in notes).
# Generating `large` takes about twelve minutes per database.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-uv}
# Generating and migrating are development commands: DEBUG off would ask for production keys.
export DEBUG=${DEBUG:-true}
sizes=${*:-small large}
mkdir -p var/bench
for size in $sizes; do
  for db in sqlite postgres; do
    if [ "$db" = sqlite ]; then
      url="sqlite:///$PWD/var/bench/$size.sqlite3"; rm -f "var/bench/$size.sqlite3"*
    else
      url="postgres://postgres@127.0.0.1:5432/bench_$size"
      psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS bench_$size" -c "CREATE DATABASE bench_$size"
    fi
    DATABASE_URL=$url $UV run coproduce migrate -v0
    DATABASE_URL=$url $UV run coproduce generate --size "$size"
    DATABASE_URL=$url $UV run python bench/pages_bench.py --size "$size" --out var/bench/pages.md
  done
done
