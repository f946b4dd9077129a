"""The `coproduce` console command: friendly names for the management commands."""

from __future__ import annotations

import os
import sys

ALIASES = {
    "serve": ["runserver", "--noreload"],
    "demo": ["demo"],
}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ALIASES:
        args = ALIASES[args[0]] + args[1:]
    execute_from_command_line(["coproduce", *args])


if __name__ == "__main__":
    main()
