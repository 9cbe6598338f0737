"""SIGKILL an ingest mid-batch, run it again: every article is stored exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from claimtrace.ledger import Ledger
from claimtrace.ledger.store import database_url
from claimtrace.ledger.synthetic import synthetic_corpus

SRC = Path(__file__).resolve().parents[2] / "src"
CLI = [sys.executable, "-c", "from claimtrace.cli import main; main()"]


def _count(url: str) -> int:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar()
    except Exception:  # not created yet
        return 0
    finally:
        engine.dispose()


def test_sigkill_mid_batch_then_rerun_stores_each_article_once(db_url, tmp_path):
    corpus = synthetic_corpus(60, claims=3, seed=11)
    lines = [json.dumps(a.to_dict()) + "\n" for a in corpus]
    path = tmp_path / "analysed.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    command = [*CLI, "ingest", "--analyzed", "--batch-size", "10", "-q", "--db", db_url]

    # Feed 25 articles through stdin: two batches of 10 commit, 5 wait in memory for the
    # third batch when the process is killed.
    proc = subprocess.Popen(
        [*command, "-"],
        stdin=subprocess.PIPE,
        env=env,
        text=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    proc.stdin.writelines(lines[:25])
    proc.stdin.flush()
    deadline = time.monotonic() + 90
    while _count(db_url) < 20 and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.1)
    time.sleep(0.3)  # let it read the rest of what it was given
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    committed = _count(db_url)
    assert committed == 20  # whole batches only; the 5 in flight are gone, nothing half-done

    rerun = subprocess.run(
        [*command, str(path)], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert rerun.returncode == 0, rerun.stderr
    assert "40 new" in rerun.stderr and "20 unchanged" in rerun.stderr

    with Ledger.open(db_url) as ledger:
        assert sorted(ledger.article_ids()) == sorted(a.id for a in corpus)
        assert ledger.count("claims") == 3 * len(corpus)
        with ledger.engine.connect() as conn:
            dupes = conn.execute(
                text(
                    "SELECT article_id, claim_id, count(*) FROM claims "
                    "GROUP BY article_id, claim_id HAVING count(*) > 1"
                )
            ).all()
        assert dupes == []
        for article in corpus[::7]:
            assert ledger.get_article(article.id) == article
        assert ledger.failures() == []
