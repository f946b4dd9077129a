#!/usr/bin/env bash
# Production smoke test: after `make install`, serve with DEBUG=false exactly as in production
# (`coproduce serve`, gunicorn) on a free local port, and check what a load balancer and a
# person would see. Stops the server whatever happens.
#
#   deploy/smoke-test.sh                       # SQLite: var/smoke/coproduce.sqlite3 (made afresh)
#   SMOKE_DATABASE_URL=postgres://postgres@127.0.0.1:5432/smoke deploy/smoke-test.sh
#                                              # PostgreSQL: made afresh when its name starts
#                                              # with "smoke", else created if absent
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-uv}
work=var/smoke
mkdir -p "$work"

# Production settings: DEBUG off, throwaway secrets, HTTPS enforced (probes are exempt).
export DEBUG=false
export SECRET_KEY="smoke-$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
export FIELD_ENCRYPTION_KEYS="smoke-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
export ALLOWED_HOSTS=127.0.0.1,localhost
export COPRODUCE_VAR_DIR="$PWD/$work"
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export WEB_CONCURRENCY=2
unset LOG_FORMAT SENTRY_DSN

if [[ -n "${SMOKE_DATABASE_URL:-}" ]]; then
  export DATABASE_URL=$SMOKE_DATABASE_URL
  if [[ $DATABASE_URL == postgres* ]]; then
    # postgres://user@host:port/name: make the database if it is not there yet.
    read -r pg_user pg_host pg_port pg_name < <(python3 -c '
import sys, urllib.parse as u
p = u.urlparse(sys.argv[1])
print(p.username or "postgres", p.hostname or "127.0.0.1", p.port or 5432, p.path.lstrip("/"))
' "$DATABASE_URL")
    if [[ $pg_name == smoke* ]]; then
      dropdb -h "$pg_host" -p "$pg_port" -U "$pg_user" --if-exists "$pg_name"
    fi
    if ! psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -lqt | cut -d'|' -f1 | grep -qw "$pg_name"; then
      createdb -h "$pg_host" -p "$pg_port" -U "$pg_user" "$pg_name"
    fi
  fi
else
  rm -f "$work"/coproduce.sqlite3*
  export DATABASE_URL="sqlite:///$PWD/$work/coproduce.sqlite3"
fi
echo "== smoke test on ${DATABASE_URL%%:*}"

coproduce() { "$UV" run --no-sync coproduce "$@"; }
coproduce check --deploy --fail-level WARNING
coproduce migrate --no-input -v0
coproduce demo >/dev/null
# What the demo queued (e-mail), sent as the worker would, so /readyz sees no backlog.
coproduce worker --once

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log="$work/serve.log"
# A session of its own, so stopping it stops gunicorn's workers too.
setsid "$UV" run --no-sync coproduce serve "127.0.0.1:$port" >"$log" 2>&1 &
server=$!
stop() { kill -TERM -- "-$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap stop EXIT

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; echo "coproduce serve exited" >&2; exit 1; }
  sleep 1
done

"$UV" run --no-sync python - "$port" "$log" <<'PY'
"""What a load balancer, a browser and an operator see."""
import http.client
import json
import re
import sys
import time
import urllib.parse

port, log = int(sys.argv[1]), sys.argv[2]
cookies: dict[str, str] = {}
failures: list[str] = []


def get(path, *, https=True, method="GET", body=None, headers=None):
    """A request as the proxy forwards it (X-Forwarded-Proto) or as a plain-HTTP probe."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    sent = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    if https:
        sent["X-Forwarded-Proto"] = "https"
    if cookies:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    connection.request(method, path, body=body, headers=sent)
    response = connection.getresponse()
    text = response.read().decode(errors="replace")
    for header in response.msg.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name] = rest.split(";", 1)[0]
    return response, text


def expect(what, response, status):
    ok = response.status == status
    print(f"{'ok ' if ok else 'FAIL'} {what}: {response.status}")
    if not ok:
        failures.append(what)


response, _ = get("/healthz", https=False)
expect("/healthz over plain HTTP", response, 200)
response, body = get("/readyz", https=False)
expect("/readyz over plain HTTP", response, 200)
if response.status != 200:
    print(body)
response, _ = get("/auth/login/", https=False)
expect("a page over plain HTTP redirects to HTTPS", response, 301)

response, page = get("/auth/login/", headers={"X-Request-ID": "smoke-sign-in-page"})
expect("the sign-in page", response, 200)
css = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page)
if css:
    response, _ = get(css.group(1))
    expect(f"a static file with a hashed name ({css.group(1)})", response, 200)
else:
    failures.append("the sign-in page links no hashed stylesheet")
    print("FAIL the sign-in page links no hashed stylesheet")

token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
form = urllib.parse.urlencode(
    {"csrfmiddlewaretoken": token.group(1) if token else "", "login": "young",
     "password": "coproduce-demo-2026"}
)
response, _ = get(
    "/auth/login/", method="POST", body=form,
    headers={"Content-Type": "application/x-www-form-urlencoded",
             "Referer": f"https://127.0.0.1:{port}/auth/login/"},
)
expect("signing in as the demo young person", response, 302)
response, home = get("/")
expect("a signed-in page (home)", response, 200)
if 'action="/auth/logout/"' not in home and "/auth/logout/" not in home:
    failures.append("the home page does not show the person as signed in")
    print("FAIL the home page does not show the person as signed in")

response, _ = get("/no-such-page/")
expect("an unknown page", response, 404)

time.sleep(1)  # let the workers flush their lines
lines = [line for line in open(log) if line.startswith("{")]
requests = []
for line in lines:
    record = json.loads(line)
    if record.get("logger") == "coproduce.request":
        requests.append(record)
print(f"{len(requests)} JSON request lines in the log")
tagged = [r for r in requests if r.get("request_id") == "smoke-sign-in-page"]
if not tagged or tagged[0].get("path") != "/auth/login/" or tagged[0].get("status") != 200:
    failures.append("no JSON log line carries the sign-in page's request id")
    print("FAIL no JSON log line carries the sign-in page's request id")
signed_in = [r for r in requests if r.get("path") == "/" and r.get("status") == 200]
if not signed_in or not signed_in[-1].get("user_id") or not signed_in[-1].get("organisation_id"):
    failures.append("the signed-in request's line has no user and organisation ids")
    print("FAIL the signed-in request's line has no user and organisation ids")
if any("young" in line or "coproduce-demo-2026" in line for line in lines):
    failures.append("the log holds a username or password")
    print("FAIL the log holds a username or password")

if failures:
    print("smoke test FAILED:", "; ".join(failures))
    sys.exit(1)
print("smoke test passed")
PY
