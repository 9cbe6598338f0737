"""Run every ledger test against a real SQLite file and a real PostgreSQL server.

PostgreSQL comes from ``CLAIMTRACE_TEST_POSTGRES_URL``; when that is unset, the fixture
reuses the cluster of ``bash scripts/postgres.sh start`` when one is running, else starts a
private cluster of its own (its own data directory and a free port, without installing
anything) and stops it at the end: two test runs side by side never share a server that one
of them will stop. When no server can be had the PostgreSQL variants
skip with the reason, except under CI (``CI=true``) or when ``CLAIMTRACE_TEST_POSTGRES_URL``
names a server that does not answer, where they fail: CI must never pass while silently
testing one backend.

Each PostgreSQL test gets its own schema (``search_path`` in the URL), dropped after.
"""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "postgres.sh"
BACKENDS = ("sqlite", "postgresql")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


try:
    import sqlalchemy  # noqa: F401
except ImportError:  # the 'db' extra is not installed
    if _in_ci():
        raise
    collect_ignore_glob = ["test_*.py"]


def _free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _private_cluster_env() -> dict[str, str]:
    """Settings for scripts/postgres.sh that give this test run a cluster of its own."""
    return {
        **os.environ,
        "CLAIMTRACE_PG_NO_INSTALL": "1",
        "CLAIMTRACE_PG_DIR": f"{tempfile.gettempdir()}/claimtrace-pg-{os.getuid()}-{os.getpid()}",
        "CLAIMTRACE_PG_PORT": str(_free_port()),
    }


def _start_local() -> tuple[str | None, str, dict[str, str] | None]:
    """(url, reason, env of the cluster started here or None) from scripts/postgres.sh.

    A cluster already started by hand with the script's defaults is reused and left running;
    otherwise the run starts a private one, which only this run stops.
    """
    if not SCRIPT.exists():
        return None, f"{SCRIPT} is missing", None
    shared = {**os.environ, "CLAIMTRACE_PG_NO_INSTALL": "1"}
    running = subprocess.run(
        ["bash", str(SCRIPT), "url"], capture_output=True, text=True, env=shared, check=False
    )
    if running.returncode == 0 and running.stdout.strip():
        return running.stdout.strip().splitlines()[-1], "", None
    env = _private_cluster_env()
    try:
        started = subprocess.run(
            ["bash", str(SCRIPT), "start"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        _stop_local(env)
        return None, f"scripts/postgres.sh start failed: {exc}", None
    if started.returncode != 0 or not started.stdout.strip():
        _stop_local(env)
        tail = " ".join(started.stderr.strip().splitlines()[-3:])
        return None, f"scripts/postgres.sh start failed: {tail}", None
    return started.stdout.strip().splitlines()[-1], "", env


def _stop_local(env: dict[str, str]) -> None:
    """Stop the cluster that ``env`` names and delete its data directory."""
    subprocess.run(["bash", str(SCRIPT), "stop"], capture_output=True, env=env, check=False)


@pytest.fixture(scope="session")
def postgres_url():
    """The base URL of a PostgreSQL server for tests (or skip/fail, see module doc)."""
    url = os.environ.get("CLAIMTRACE_TEST_POSTGRES_URL")
    explicit = bool(url)
    started: dict[str, str] | None = None
    reason = ""
    if not url:
        url, reason, started = _start_local()
    if not url:
        message = (
            "no PostgreSQL for the ledger tests: CLAIMTRACE_TEST_POSTGRES_URL is unset and "
            f"{reason or 'no server could be started'}"
        )
        if _in_ci():
            pytest.fail(message + " (CI=true: PostgreSQL tests must run)")
        pytest.skip(message)
    from claimtrace.ledger.store import database_url

    url = database_url(url)
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        message = f"PostgreSQL at {url} does not answer: {exc}"
        if started is not None:
            _stop_local(started)
        if _in_ci() or explicit:  # a server was promised: its absence is an error
            pytest.fail(message)
        pytest.skip(message)
    finally:
        engine.dispose()
    try:
        yield url
    finally:
        if started is not None:
            _stop_local(started)


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty ledger URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    base = request.getfixturevalue("postgres_url")
    from sqlalchemy import create_engine

    schema = f"t_{uuid.uuid4().hex[:16]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    engine.dispose()


@pytest.fixture
def ledger(db_url):
    from claimtrace.ledger import Ledger

    with Ledger.open(db_url) as opened:
        yield opened
