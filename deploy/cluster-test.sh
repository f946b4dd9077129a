#!/usr/bin/env bash
# Cluster test (`make cluster-test`): two `coproduce serve` servers and a worker behind haproxy,
# sharing Redis (cache, lock-out), an S3-compatible bucket (moto's server) and a PostgreSQL
# database through Django's connection pool, all on 127.0.0.1. tests/cluster/drive.py then
# checks what must hold across servers. Every process started here is stopped on exit.
#
#   deploy/cluster-test.sh            # database `cluster` on 127.0.0.1:5432, made afresh
#   CLUSTER_DATABASE_URL=postgres://postgres@127.0.0.1:5432/cluster2 deploy/cluster-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-uv}
work="$PWD/var/cluster"
rm -rf "$work" && mkdir -p "$work"
started=()     # process-group leaders started here
redis_started=""

stop() {
  local status=$?
  for pid in "${started[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do
    for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if [[ -n $redis_started ]]; then redis-cli -h 127.0.0.1 -p 6379 shutdown nosave >/dev/null 2>&1 || true; fi
  local left=0
  for pid in "${started[@]}"; do kill -0 -- "-$pid" 2>/dev/null && left=1; done
  if [[ -n $redis_started ]] && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then left=1; fi
  if ((left)); then echo "FAIL a process the cluster test started is still running" >&2; status=1
  else echo "every process the cluster test started has stopped"; fi
  exit $status
}
trap stop EXIT INT TERM

# Started in a session of its own, so stopping the group stops its children (gunicorn workers).
spawn() { local log=$1; shift; setsid "$@" >"$work/$log" 2>&1 & started+=("$!"); disown; }
step() { echo "== $(date +%T) $*"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() {  # url, seconds
  for _ in $(seq 1 $(($2 * 5))); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "FAIL nothing answered at $1" >&2; tail -n 30 "$work"/*.log >&2; return 1
}

# ---- the engines: haproxy (Debian's), Redis, moto's S3 server, a mail catcher ----
if ! command -v haproxy >/dev/null; then
  sudo_=""; command -v sudo >/dev/null && [[ $(id -u) != 0 ]] && sudo_=sudo
  $sudo_ apt-get install -y -qq haproxy >/dev/null 2>&1 || { $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq haproxy; }
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  redis_started=1
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
redis-cli -h 127.0.0.1 -p 6379 -n 7 flushdb >/dev/null  # database 7 is the cluster test's own

s3=$(free_port); smtp=$(free_port); port_a=$(free_port); port_b=$(free_port); lb=$(free_port)
spawn moto.log "$UV" run --no-sync moto_server -H 127.0.0.1 -p "$s3"
spawn smtp.log env PYTHONUNBUFFERED=1 "$UV" run --no-sync python -m aiosmtpd -n \
  -l "127.0.0.1:$smtp" -c aiosmtpd.handlers.Debugging

# ---- production settings, the same for every process ----
export DEBUG=false
export SECRET_KEY="cluster-$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
export FIELD_ENCRYPTION_KEYS="cluster-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
export ALLOWED_HOSTS=127.0.0.1,localhost
export COPRODUCE_VAR_DIR="$work/var" MEDIA_ROOT="$work/var/media"
export DATABASE_URL=${CLUSTER_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cluster}
export DATABASE_POOL="min=1,max=4,timeout=10"
export REDIS_URL="redis://127.0.0.1:6379/7"
# Servers keep the sessions they read until Redis tells them of a change; with no timed
# re-read in this test, only that notice can carry a sign-out from A to B (check 1b).
export MEMBER_CACHE_CONFIRM_SECONDS=3600
export MEDIA_S3_BUCKET=coproduce-cluster MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:$s3"
export MEDIA_S3_ADDRESSING_STYLE=path MEDIA_S3_REGION=eu-west-2
export AWS_ACCESS_KEY_ID=cluster AWS_SECRET_ACCESS_KEY=cluster AWS_DEFAULT_REGION=eu-west-2
export EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend EMAIL_HOST=127.0.0.1 EMAIL_PORT=$smtp
export SIGN_IN_FAILURES_PER_ACCOUNT=4 SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS=4
export TRUSTED_PROXIES=127.0.0.1/32
export WEB_CONCURRENCY=4 GUNICORN_MAX_REQUESTS=0
unset LOG_FORMAT SENTRY_DSN
mkdir -p "$MEDIA_ROOT"

read -r pg_user pg_host pg_port pg_name < <(python3 -c '
import sys, urllib.parse as u
p = u.urlparse(sys.argv[1])
print(p.username or "postgres", p.hostname or "127.0.0.1", p.port or 5432, p.path.lstrip("/"))
' "$DATABASE_URL")
pg=(-h "$pg_host" -p "$pg_port" -U "$pg_user")
dropdb "${pg[@]}" --if-exists "$pg_name"
# Migrating a new database takes minutes; an earlier run's migrated copy, made from the same
# migrations and packages, is copied in seconds instead (CLUSTER_FRESH=1 migrates anyway).
template="${pg_name}_migrated_$(cat uv.lock src/coproduce/*/migrations/*.py | sha256sum | cut -c1-12)"
if [[ -z ${CLUSTER_FRESH:-} ]] &&
  [[ $(psql "${pg[@]}" -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$template'") == 1 ]]; then
  createdb "${pg[@]}" -T "$template" "$pg_name"
  migrated=1
else
  createdb "${pg[@]}" "$pg_name"
  migrated=""
fi

coproduce() { "$UV" run --no-sync coproduce "$@"; }
wait_http "http://127.0.0.1:$s3/" 60
"$UV" run --no-sync python -c "
import boto3, os
boto3.client('s3', endpoint_url=os.environ['MEDIA_S3_ENDPOINT_URL']).create_bucket(
    Bucket=os.environ['MEDIA_S3_BUCKET'],
    CreateBucketConfiguration={'LocationConstraint': os.environ['MEDIA_S3_REGION']})"
if [[ -n $migrated ]]; then
  step "$pg_name copied from $template (already migrated)"
else
  step "migrate $pg_name"
  coproduce migrate --no-input -v0
  for old in $(psql "${pg[@]}" -d postgres -Atqc \
    "SELECT datname FROM pg_database WHERE datname LIKE '${pg_name}\\_migrated\\_%'"); do
    dropdb "${pg[@]}" "$old"
  done
  createdb "${pg[@]}" -T "$pg_name" "$template"
fi
# The servers boot while the demo loads (they need only the tables).
step "a worker, servers A and B, haproxy"
spawn worker.log "$UV" run --no-sync coproduce worker --interval 0.2
spawn server-a.log "$UV" run --no-sync coproduce serve "127.0.0.1:$port_a"
server_a=${started[-1]}
spawn server-b.log "$UV" run --no-sync coproduce serve "127.0.0.1:$port_b"
server_b=${started[-1]}

sed -e "s/@LB@/$lb/" -e "s/@A@/$port_a/" -e "s/@B@/$port_b/" -e "s#@SOCK@#$work/haproxy.sock#" \
  deploy/cluster-haproxy.cfg >"$work/haproxy.cfg"
haproxy -c -q -f "$work/haproxy.cfg"
spawn haproxy.log haproxy -db -f "$work/haproxy.cfg"

step "the demo, a 200 MB film, test data"
coproduce demo >/dev/null
head -c 200M /dev/urandom >"$work/film.bin"
CLUSTER_WORK="$work" coproduce shell -c "$(cat tests/cluster/setup.py)" >"$work/setup.json"

wait_http "http://127.0.0.1:$port_a/healthz" 90
wait_http "http://127.0.0.1:$port_b/healthz" 90
wait_http "http://127.0.0.1:$lb/healthz" 30

step "the checks"
"$UV" run --no-sync python tests/cluster/drive.py \
  --work "$work" --lb "$lb" --a "$port_a" --b "$port_b" --s3 "$s3" \
  --server-a "$server_a" --server-b "$server_b"
