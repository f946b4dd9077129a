"""The `coproduce` console command: friendly names for the management commands.

`coproduce serve [ADDRESS]` runs gunicorn, the production web server (with DEBUG on, as in
`make run`, it starts `coproduce worker` beside it; SERVE_WORKER=0 leaves it out); every
other command is Django's (`coproduce migrate`, `coproduce check --deploy`, …).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

ALIASES = {
    "demo": ["demo"],
}


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def gunicorn_args(address: str | None = None) -> list[str]:
    """Gunicorn's command line; each figure can be overridden from the environment."""
    cores = os.cpu_count() or 1
    bind = address or os.environ.get("BIND") or f"0.0.0.0:{_int_env('PORT', 8000)}"
    return [
        "coproduce.wsgi:application",
        f"--bind={bind}",
        # Sync workers: pages are short and database-bound; two per core plus one.
        f"--workers={_int_env('WEB_CONCURRENCY', min(2 * cores + 1, 8))}",
        f"--timeout={_int_env('GUNICORN_TIMEOUT', 60)}",
        f"--graceful-timeout={_int_env('GUNICORN_GRACEFUL_TIMEOUT', 30)}",
        f"--keep-alive={_int_env('GUNICORN_KEEPALIVE', 5)}",
        # Recycled now and then so a slow leak never takes a worker down in service hours.
        f"--max-requests={_int_env('GUNICORN_MAX_REQUESTS', 2000)}",
        f"--max-requests-jitter={_int_env('GUNICORN_MAX_REQUESTS_JITTER', 200)}",
        # Our middleware writes one JSON line per request; gunicorn's own log is errors only.
        "--error-logfile=-",
        # No control socket: it would be written under $HOME, which a service user lacks.
        "--no-control-socket",
        "--worker-tmp-dir=/dev/shm" if os.path.isdir("/dev/shm") else "--worker-tmp-dir=/tmp",  # noqa: S108
    ]


def serve(argv: list[str]) -> None:
    if any(arg in {"-h", "--help"} for arg in argv):
        print(
            "usage: coproduce serve [ADDRESS]\n\n"
            "Runs gunicorn on ADDRESS (default 0.0.0.0:$PORT, PORT=8000). Environment:\n"
            "WEB_CONCURRENCY (workers), GUNICORN_TIMEOUT, GUNICORN_GRACEFUL_TIMEOUT,\n"
            "GUNICORN_KEEPALIVE, GUNICORN_MAX_REQUESTS, GUNICORN_CMD_ARGS (any other option).\n"
            "With DEBUG on, `coproduce worker` runs beside it (SERVE_WORKER=0: not)."
        )
        return
    # Load the settings here, so a missing production setting is reported once, by name,
    # instead of as gunicorn's "Worker failed to boot".
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        sys.exit(f"coproduce serve: {error}")
    from django.conf import settings

    web = [sys.executable, "-m", "gunicorn", *gunicorn_args(argv[0] if argv else None)]
    if settings.DEBUG and os.environ.get("SERVE_WORKER", "1") != "0":
        sys.exit(serve_with_worker(web))
    # Production: the worker is its own service (deploy/systemd/coproduce-worker.service).
    os.execv(sys.executable, web)  # noqa: S606  (replaces this process: signals reach gunicorn)


def serve_with_worker(web: list[str], worker: list[str] | None = None) -> int:
    """Development (`make run`): the web server with `coproduce worker` beside it, so queued
    e-mail (printed by the console backend) and prepared files appear. Ctrl+C, or either one
    stopping, stops both. Returns the web server's exit status."""
    worker = worker or [sys.executable, "-m", "coproduce.cli", "worker"]

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # The handler goes in before either child starts: a SIGTERM that arrives while they
    # start must still stop both (it once killed this process and orphaned the worker).
    previous = signal.signal(signal.SIGTERM, stop)
    children: list[subprocess.Popen[bytes]] = []
    stopped = False
    try:
        children.append(subprocess.Popen(worker))  # noqa: S603
        children.append(subprocess.Popen(web))  # noqa: S603
        print(
            f"Worker started (process {children[0].pid}): queued e-mail appears here.", flush=True
        )
        while all(child.poll() is None for child in children):
            time.sleep(0.2)
    except KeyboardInterrupt:
        stopped = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    return 0 if stopped else (children[-1].returncode or 0)


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "serve":
        serve(args[1:])
        return
    from django.core.management import execute_from_command_line

    if args and args[0] in ALIASES:
        args = ALIASES[args[0]] + args[1:]
    execute_from_command_line(["coproduce", *args])


if __name__ == "__main__":
    main()
