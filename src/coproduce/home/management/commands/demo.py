from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coproduce.home.demo import DEMO_PASSWORD, SIGN_INS, load_demo


class Command(BaseCommand):
    help = "Load the demo organisation (once; safe to run again) and print its sign-ins."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_demo()
        self.stdout.write(
            "Demo organisation loaded." if created else "Demo organisation already present."
        )
        self.stdout.write(
            "\nDemo sign-ins (username / password) at http://127.0.0.1:8000/auth/login/"
        )
        for label, username in SIGN_INS:
            self.stdout.write(f"  {label:<34} {username:<14} {DEMO_PASSWORD}")
        self.stdout.write(
            "  The admin and the manager set up two-step sign-in (an authenticator app) when they first sign in."
        )
        self.stdout.write("")
