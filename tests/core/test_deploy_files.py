"""deploy/ stays consistent with the commands, the Makefile, the README and the settings."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
# The README's scheduled jobs: each has a timer in deploy/systemd.
SCHEDULED = {
    "assessment_reminders",
    "apply_retention",
    "ledger-verify",
    "clear_sessions",
    "clear_prepared_files",
    "safeguarding_alerts",
    "safeguarding_retention",
    "send_due_messages",
}


def commands_in(text: str) -> set[str]:
    lines = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return set(re.findall(r"\bcoproduce(?:@|\s+)([a-z][\w-]*)", lines))


def test_every_command_the_deploy_files_run_exists() -> None:
    known = set(get_commands()) | {"serve"}
    texts = [p.read_text() for p in (DEPLOY / "systemd").iterdir()]
    texts.append((DEPLOY / "Containerfile").read_text())
    used = set().union(*(commands_in(t) for t in texts))
    used.discard("i")  # the template's `coproduce %i`
    assert {"serve", "worker", "backup", "collectstatic"} <= used
    assert used <= known, used - known


def test_each_scheduled_job_has_a_timer_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    timers = {
        re.search(r"Unit=coproduce@([\w-]+)\.service", p.read_text()).group(1)  # type: ignore[union-attr]
        for p in (DEPLOY / "systemd").glob("coproduce-*.timer")
        if "coproduce@" in p.read_text()
    }
    assert timers == SCHEDULED
    for job in SCHEDULED:
        assert f"coproduce {job}" in readme
        assert job in get_commands()


def test_the_web_unit_the_container_and_make_serve_run_the_same_server() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "coproduce serve" in makefile
    assert "coproduce collectstatic" in makefile
    assert "coproduce serve" in (DEPLOY / "systemd" / "coproduce-web.service").read_text()
    assert "coproduce worker" in (DEPLOY / "systemd" / "coproduce-worker.service").read_text()
    containerfile = (DEPLOY / "Containerfile").read_text()
    assert "npm ci" in containerfile and "uv sync" in containerfile
    assert "collectstatic" in containerfile
    assert 'CMD ["coproduce", "serve"]' in containerfile
    assert "deploy/smoke-test.sh" in (ROOT / ".ci" / "run").read_text()


def test_every_environment_variable_is_documented() -> None:
    settings = "".join(
        (ROOT / "src" / "coproduce" / name).read_text()
        for name in ("settings.py", "environment.py")
    )
    names = set(
        re.findall(
            r'(?:env_bool|env_list|env_secret|environ\.get)\(\s*"([A-Z_]+)"'
            r'|"([A-Z_]+)" in os\.environ|environ\["([A-Z_]+)"\]',
            settings,
        )
    )
    variables = {n for group in names for n in group if n} | {"SECRET_KEY_FILE"}
    cli = (ROOT / "src" / "coproduce" / "cli.py").read_text()
    variables |= set(re.findall(r"_int_env\(\s*'([A-Z_]+)'", cli)) | {"BIND"}
    operations = (ROOT / "docs" / "operations.md").read_text()
    missing = sorted(v for v in variables if f"`{v}`" not in operations)
    assert not missing, f"document these in docs/operations.md: {missing}"
