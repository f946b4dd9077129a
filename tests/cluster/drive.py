"""The cluster test's checks (started by deploy/cluster-test.sh with the servers running).

Each check prints `ok …` or `FAIL …`; the run fails if any failed. Everything goes over
127.0.0.1: to server A or B directly, or through haproxy (the load balancer).
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import redis

PASSWORD = "coproduce-demo-2026"
failures: list[str] = []
BEGUN = time.monotonic()


def check(what: str, ok: bool, detail: object = "") -> None:
    print(
        f"{time.monotonic() - BEGUN:6.1f}s {'ok  ' if ok else 'FAIL'} {what}"
        + (f": {detail}" if detail != "" else ""),
        flush=True,
    )
    if not ok:
        failures.append(what)


class Browser:
    """One person's cookies, sent to whichever server (port) a request goes to."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.lock = threading.Lock()

    def request(
        self,
        method: str,
        path: str,
        *,
        port: int | None = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> tuple[int, http.client.HTTPResponse, bytes]:
        port = port or self.port
        sent = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https", **(headers or {})}
        with self.lock:
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        with self.lock:
            for header in response.msg.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response, data

    def get(self, path: str, port: int | None = None, **headers: str) -> tuple[int, bytes]:
        status, _, data = self.request("GET", path, port=port, headers=headers)
        return status, data

    def token(self, path: str, port: int | None = None) -> str:
        _, page = self.get(path, port)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        return found.group(1).decode() if found else ""

    def post(
        self,
        path: str,
        fields: dict[str, str],
        *,
        port: int | None = None,
        form_page: str | None = None,
        token: str | None = None,
        files: dict[str, tuple[str, str, bytes]] | None = None,
    ) -> tuple[int, http.client.HTTPResponse, bytes]:
        port = port or self.port
        fields = {"csrfmiddlewaretoken": token or self.token(form_page or path, port), **fields}
        headers = {"Referer": f"https://127.0.0.1:{port}{form_page or path}"}
        if files:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in fields.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                    f"{value}\r\n".encode()
                )
            for name, (filename, content_type, content) in files.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                    + content
                    + b"\r\n"
                )
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            from urllib.parse import urlencode

            body = urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, port=port, body=body, headers=headers)

    def sign_in(self, username: str, password: str, port: int | None = None) -> int:
        status, _, _ = self.post(
            "/auth/login/", {"login": username, "password": password}, port=port
        )
        return status


def coproduce(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coproduce.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def group_rss_kib(group: int) -> dict[int, int]:
    """Resident memory (KiB) of every process in a process group, from /proc."""
    found: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[2]) != group:  # pgrp
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    found[int(entry.name)] = int(line.split()[1])
        except (OSError, ValueError):
            continue
    return found


def haproxy_status(sock: Path, server: str) -> str:
    with socket.socket(socket.AF_UNIX) as client:
        client.settimeout(2)
        client.connect(str(sock))
        client.sendall(b"show stat\n")
        data = b""
        while chunk := client.recv(65536):
            data += chunk
    for line in data.decode().splitlines():
        cells = line.split(",")
        if len(cells) > 17 and cells[0] == "app" and cells[1] == server:
            return cells[17]
    return "?"


def jpeg() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, format="JPEG")
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("lb", "a", "b", "s3", "server-a", "server-b"):
        parser.add_argument(f"--{name}", type=int, required=True)
    parser.add_argument("--work", type=Path, required=True)
    args = parser.parse_args()
    lb, a, b = args.lb, args.a, args.b
    setup = json.loads((args.work / "setup.json").read_text().strip().splitlines()[-1])
    s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{args.s3}")
    bucket = os.environ["MEDIA_S3_BUCKET"]

    # 1. Signed in through A, the session works on B.
    staff = Browser(a)
    check("signing in through server A", staff.sign_in("practitioner", PASSWORD) == 302)
    status, page = staff.get("/media/", port=b)
    check("the session from A opens a staff page on server B", status == 200, status)
    check("server B knows who is signed in", b"/auth/logout/" in page)

    # 1b. Each of B's processes keeps the sessions it read until Redis tells it of a change:
    # a session signed out through A is refused on B's very next requests.
    leaving = Browser(a)
    check("a second session signed in through A", leaving.sign_in("practitioner", PASSWORD) == 302)
    kept = [leaving.get("/media/", port=b)[0] for _ in range(6)]
    old_cookies = dict(leaving.cookies)
    status, _, _ = leaving.post("/auth/logout/", {}, form_page="/media/")
    replay = Browser(b)
    replay.cookies = old_cookies
    answers = [replay.get("/media/")[0] for _ in range(6)]
    check(
        "signed out through A, that session is refused on B at once",
        kept == [200] * 6 and status == 302 and answers == [302] * 6,
        (kept, status, answers),
    )

    # 2. Lock-out counted across both servers (Redis), not per process.
    limit = int(os.environ["SIGN_IN_FAILURES_PER_ACCOUNT"])
    guesser = Browser(a)
    statuses = [guesser.sign_in("priya", "wrong-password", (a, b)[i % 2]) for i in range(limit)]
    check(f"{limit} wrong passwords, alternating A and B, are refused", set(statuses) == {200})
    for name, port in (("A", a), ("B", b)):
        refused = Browser(port).sign_in("priya", PASSWORD)
        check(f"then the right password is refused on server {name} (locked)", refused == 200)
    keys = [
        k.decode() for k in redis.Redis.from_url(os.environ["REDIS_URL"]).scan_iter("*sign-in*")
    ]
    check("the lock-out counts are in Redis", bool(keys), keys[:3])

    # 3. A photo uploaded through A is downloaded through B, from the bucket.
    add_page = staff.get("/media/add/")[1].decode()
    project = re.search(r'<option value="(\d+)"[^>]*>', add_page[add_page.find('name="project"') :])
    before = set(re.findall(r"/media/(\d+)/file/", staff.get("/media/")[1].decode()))
    status, _, _ = staff.post(
        "/media/add/",
        {"kind": "photo", "project": project.group(1) if project else "", "caption": "Cluster"},
        files={"file": ("cluster.jpg", "image/jpeg", jpeg())},
    )
    check("a photo uploaded through server A", status == 302, status)
    after = set(re.findall(r"/media/(\d+)/file/", staff.get("/media/", port=b)[1].decode()))
    new = sorted(after - before)
    check("it is listed by server B", len(new) == 1, new)
    if new:
        status, _, photo = staff.request("GET", f"/media/{new[0]}/file/", port=b)
        keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
        stored = [k for k in keys if k.endswith(".jpg") or k.endswith(".jpeg")]
        in_bucket = any(s3.get_object(Bucket=bucket, Key=k)["Body"].read() == photo for k in stored)
        check(
            "server B sends it, byte for byte the object in the bucket", status == 200 and in_bucket
        )
        on_disk = [p for p in Path(os.environ["MEDIA_ROOT"]).rglob("*") if p.is_file()]
        check("no private file was written to a server's disk", not on_disk, on_disk[:3])
        status, response, part = staff.request(
            "GET", f"/media/{new[0]}/file/", port=b, headers={"Range": "bytes=0-9"}
        )
        check(
            "a range through B",
            status == 206 and part == photo[:10],
            response.getheader("Content-Range"),
        )

    # 4. A notification queued by server A is e-mailed once, by the worker.
    hours = str(setup["kai_award_hours"])
    status, _, _ = staff.post(
        "/credits/award/",
        {
            "young_person": str(setup["kai_membership_id"]),
            "hours": hours,
            "reason": "Cluster",
            "partner_name": "",
            "key": uuid.uuid4().hex,
        },
    )
    check(
        f"{hours} hours awarded to Kai through server A (a milestone e-mail)", status == 302, status
    )
    mail_log = args.work / "smtp.log"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and "kai@bryn-valley.example" not in mail_log.read_text():
        time.sleep(0.3)
    time.sleep(3)  # long enough for a second copy to arrive, if one were sent
    sent = len(re.findall(r"^To: kai@bryn-valley\.example$", mail_log.read_text(), re.MULTILINE))
    check("the worker sent Kai's e-mail exactly once", sent == 1, sent)

    # 5. 20 bookings at once, split across A and B: exactly what Fran can afford go through.
    fran = Browser(a)
    check("Fran signs in", fran.sign_in("young", PASSWORD) == 302)
    path = f"/credits/rewards/{setup['reward_id']}/book/"
    # "Book" opens a confirmation page; its "Yes, book it" form posts back to the same address.
    token = fran.token(path)
    check("the confirmation page offers a form", bool(token), token)

    def book(i: int) -> int:
        port = (a, b)[i % 2]
        return fran.post(path, {"key": uuid.uuid4().hex}, port=port, token=token, form_page=path)[0]

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(book, range(20)))
    check("20 parallel bookings were all answered", answers == [302] * 20, answers)
    counted = coproduce(
        "shell",
        "-c",
        "from coproduce.core.tenancy import all_organisations\n"
        "from coproduce.credits.models import Redemption\n"
        "from coproduce.credits.selectors import balance_of\n"
        "from coproduce.organisations.models import Membership\n"
        "with all_organisations():\n"
        "    fran = Membership.objects.get(user__username='young')\n"
        f"    print(Redemption.objects.filter(reward_id={setup['reward_id']}, young_person=fran).count(), balance_of(fran)[0])",
    )
    booked, balance = (
        (int(x) for x in counted.stdout.split()[-2:]) if counted.returncode == 0 else (-1, -1)
    )
    expected = setup["expected_bookings"]
    check(
        f"exactly {expected} bookings went through",
        booked == expected,
        (booked, counted.stderr[-500:]),
    )
    check(
        "and the balance is what was left",
        balance == setup["fran_balance"] - expected * setup["price"],
        balance,
    )
    verify = coproduce("ledger-verify")
    check(
        "coproduce ledger-verify is clean",
        verify.returncode == 0,
        (verify.stdout + verify.stderr)[-300:],
    )

    # 6. Memory: server A streams the 200 MB film to 4 clients at once.
    film = f"/media/{setup['film_id']}/file/"
    for _ in range(12):  # every worker has answered a few requests before the baseline
        staff.get(film, port=a, Range="bytes=0-1023")
    time.sleep(0.5)
    baseline = sum(group_rss_kib(args.server_a).values())
    peak = baseline
    sizes: list[int] = []
    digests: list[str] = []
    expected_digest = hashlib.sha256((args.work / "film.bin").read_bytes()).hexdigest()

    def download(_: int) -> None:
        sent = {
            "Host": f"127.0.0.1:{a}",
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in staff.cookies.items()),
        }
        connection = http.client.HTTPConnection("127.0.0.1", a, timeout=120)
        connection.request("GET", film, headers=sent)
        response = connection.getresponse()
        digest, size = hashlib.sha256(), 0
        while chunk := response.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
        connection.close()
        sizes.append(size)
        digests.append(digest.hexdigest())

    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(download, i) for i in range(4)]
        while not all(f.done() for f in futures) and time.monotonic() - started < 180:
            peak = max(peak, sum(group_rss_kib(args.server_a).values()))
            time.sleep(0.05)
        for future in futures:
            future.result(timeout=1)
    seconds = time.monotonic() - started
    growth_mb = (peak - baseline) / 1024
    check(
        "4 clients each got the whole 200 MB film",
        sizes == [setup["film_size"]] * 4 and set(digests) == {expected_digest},
        sizes,
    )
    check(
        "server A's memory grew by at most 50 MB while sending it",
        growth_mb <= 50,
        f"{growth_mb:.1f} MB over {baseline / 1024:.0f} MB (all its processes), {4 * setup['film_size'] / seconds / 1e6:.0f} MB/s in {seconds:.1f} s",
    )

    # 7. Server B killed during a load run through haproxy: nothing lost once haproxy notices.
    sock = args.work / "haproxy.sock"
    results: list[tuple[float, float, int | str]] = []
    notice: list[float] = []
    killed: list[float] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            if killed and not notice and haproxy_status(sock, "b").startswith("DOWN"):
                notice.append(time.monotonic())
            time.sleep(0.05)

    def load(_: int) -> None:
        # Until 20 requests after haproxy noticed (or a minute): a fixed number of requests
        # can all be answered before it notices, on a fast machine, and then show nothing.
        after, deadline = 0, time.monotonic() + 60
        while after < 20 and time.monotonic() < deadline:
            begun = time.monotonic()
            try:
                answer = staff.get("/", port=lb)[0]
                results.append((begun, time.monotonic(), answer))
            except OSError as error:
                results.append((begun, time.monotonic(), type(error).__name__))
            after += bool(notice and begun >= notice[0])

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    with ThreadPoolExecutor(6) as pool:
        futures = [pool.submit(load, i) for i in range(6)]
        time.sleep(1.5)
        os.killpg(args.server_b, signal.SIGKILL)
        killed.append(time.monotonic())
        for future in futures:
            future.result(timeout=180)
    deadline = time.monotonic() + 10
    while not notice and time.monotonic() < deadline:
        time.sleep(0.1)
    stop.set()
    lost = [r for r in results if r[2] != 200]
    check("haproxy marked server B down", bool(notice), haproxy_status(sock, "b"))
    late = [r for r in results if notice and r[0] >= notice[0]]
    lost_after = [r for r in late if r[2] != 200]
    check(
        "no request lost once haproxy noticed",
        bool(late) and not lost_after,
        f"{len(results)} requests, {len(late)} after the notice "
        f"({notice[0] - killed[0]:.2f} s after the kill), {len(lost)} lost in all: "
        f"{[r[2] for r in lost][:5]}"
        if notice
        else "",
    )

    if failures:
        print("cluster test FAILED:", "; ".join(failures))
        sys.exit(1)
    print("cluster test passed")


if __name__ == "__main__":
    main()
