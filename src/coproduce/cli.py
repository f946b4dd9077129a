"""The `coproduce` console command: friendly names for the management commands.

`coproduce serve [ADDRESS]` runs gunicorn, the production web server; every other command
is Django's (`coproduce migrate`, `coproduce check --deploy`, …).
"""

from __future__ import annotations

import os
import sys

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
            "GUNICORN_KEEPALIVE, GUNICORN_MAX_REQUESTS, GUNICORN_CMD_ARGS (any other option)."
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
    os.execv(  # noqa: S606  (replaces this process: signals reach gunicorn directly)
        sys.executable,
        [sys.executable, "-m", "gunicorn", *gunicorn_args(argv[0] if argv else None)],
    )


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
