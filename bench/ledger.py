"""Ledger benchmark: ingest rate (analysis excluded) and claim query latency.

    PYTHONPATH=src python bench/ledger.py                      # SQLite and PostgreSQL
    PYTHONPATH=src python bench/ledger.py --backends sqlite --sizes 10000

For each backend it stores synthetic analysed articles (10 claims each, see
``claimtrace.ledger.synthetic``) through the real ingest path (``store_items``: batches
of 50, one transaction each) until the ledger holds each size in claims, and after each
size runs a fixed set of ``claims`` queries (limit 100) ``--repeat`` times.

Baselines, measured in the same run on the same database:

- ingest: the same article and claim rows, prebuilt, inserted with a raw DB-API
  ``executemany`` into bare tables (no indexes, no full text, no other tables): the
  floor for writing that data. The ratio says what the ledger's schema costs.
- queries: the same filters in raw SQL on those bare tables (no indexes; ``about`` as
  ``LIKE``), so the ratio says what the indexes and the full-text index buy.

PostgreSQL comes from ``--pg-url``, ``$CLAIMTRACE_TEST_POSTGRES_URL`` or
``bash scripts/postgres.sh start``; each run uses a fresh schema and drops it after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimtrace.ledger import Ledger  # noqa: E402
from claimtrace.ledger.ingest import store_items  # noqa: E402
from claimtrace.ledger.queries import query_claims  # noqa: E402
from claimtrace.ledger.rows import article_rows  # noqa: E402
from claimtrace.ledger.store import _utcnow, database_url  # noqa: E402
from claimtrace.ledger.synthetic import entity_pool, synthetic_article  # noqa: E402

CLAIMS_PER_ARTICLE = 10


def queries(pool) -> list[tuple[str, dict]]:
    entity = pool[7]
    return [
        ("newest", {}),
        ("kind", {"kind": "intelligence"}),
        ("stance", {"stance": "deny"}),
        ("source id", {"source": entity.id}),
        ("source name", {"source": entity.name}),
        ("about 1 word", {"about": "drones"}),
        ("about 2 words", {"about": "drones Kyiv"}),
        ("date range", {"since": "2024-03-01", "until": "2024-03-31"}),
        ("kind+stance+since", {"kind": "military", "stance": "assert", "since": "2024-06-01"}),
        ("about+kind", {"about": "convoy", "kind": "government"}),
    ]


def raw_sql(kw: dict, dialect: str) -> tuple[str, list]:
    """The same filter on the bare baseline table, in raw SQL."""
    ph = "?" if dialect == "sqlite" else "%s"
    where, params = [], []
    if "kind" in kw:
        where.append(f"source_kind = {ph}")
        params.append(kw["kind"])
    if "stance" in kw:
        where.append(f"stance = {ph}")
        params.append(kw["stance"])
    if "since" in kw:
        where.append(f"sort_date >= {ph}")
        params.append(kw["since"])
    if "until" in kw:
        where.append(f"sort_date <= {ph}")
        params.append(kw["until"])
    if "source" in kw:
        where.append(f"(source_entity_id = {ph} OR lower(source_text) LIKE {ph})")
        params += [kw["source"], f"%{kw['source'].lower()}%"]
    if "about" in kw:
        for word in kw["about"].split():
            where.append(f"lower(content_text) LIKE {ph}")
            params.append(f"%{word.lower()}%")
    clause = " WHERE " + " AND ".join(where) if where else ""
    return (
        f"SELECT * FROM bl_claims{clause} ORDER BY sort_date DESC, article_id, position LIMIT 100",
        params,
    )


BASE_ARTICLE_COLS = ("id", "text", "published", "title", "url", "outlet", "origin", "analysis_hash")
BASE_CLAIM_COLS = (
    "uid",
    "article_id",
    "claim_id",
    "position",
    "sort_date",
    "source_spans",
    "cue_spans",
    "content_spans",
    "source_text",
    "cue_text",
    "content_text",
    "source_kind",
    "source_entity_id",
    "stance",
    "hedges",
    "confidence",
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class Baseline:
    """Bare tables written and read with the raw DB-API connection."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.dialect = ledger.dialect
        with ledger.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE bl_articles ("
                + ", ".join(
                    f"{c} {'DATE' if c == 'published' else 'TEXT'}" for c in BASE_ARTICLE_COLS
                )
                + ")"
            )
            conn.exec_driver_sql(
                "CREATE TABLE bl_claims ("
                + ", ".join(
                    f"{c} "
                    + {"sort_date": "DATE", "position": "INTEGER", "confidence": "REAL"}.get(
                        c, "TEXT"
                    )
                    for c in BASE_CLAIM_COLS
                )
                + ")"
            )

    def rows(self, articles) -> tuple[list[tuple], list[tuple]]:
        a_rows, c_rows = [], []
        for article in articles:
            rows = article_rows(article, stored_at=_utcnow())
            a = rows["articles"][0]
            a_rows.append(tuple(a[c] for c in BASE_ARTICLE_COLS))
            for c in rows["claims"]:
                c_rows.append(
                    tuple(
                        json.dumps(c[k]) if isinstance(c[k], list) else c[k]
                        for k in BASE_CLAIM_COLS
                    )
                )
        return a_rows, c_rows

    def insert(self, a_rows, c_rows, batch_articles: int = 50) -> float:
        ph = "?" if self.dialect == "sqlite" else "%s"
        sql_a = f"INSERT INTO bl_articles VALUES ({', '.join([ph] * len(BASE_ARTICLE_COLS))})"
        sql_c = f"INSERT INTO bl_claims VALUES ({', '.join([ph] * len(BASE_CLAIM_COLS))})"
        raw = self.ledger.engine.raw_connection()
        try:
            cursor = raw.cursor()
            per = CLAIMS_PER_ARTICLE * batch_articles
            started = time.perf_counter()
            for i in range(0, len(a_rows), batch_articles):
                if self.dialect == "sqlite":
                    cursor.execute("BEGIN")
                cursor.executemany(sql_a, a_rows[i : i + batch_articles])
                cursor.executemany(
                    sql_c, c_rows[i * CLAIMS_PER_ARTICLE : i * CLAIMS_PER_ARTICLE + per]
                )
                raw.commit()
            return time.perf_counter() - started
        finally:
            raw.close()

    def query(self, kw: dict) -> float:
        sql, params = raw_sql(kw, self.dialect)
        raw = self.ledger.engine.raw_connection()
        try:
            cursor = raw.cursor()
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            elapsed = time.perf_counter() - started
            raw.rollback()
            return elapsed
        finally:
            raw.close()


def time_queries(ledger: Ledger, baseline: Baseline, pool, repeat: int) -> list[dict]:
    results = []
    for name, kw in queries(pool):
        for _ in range(2):  # warm caches
            query_claims(ledger, **kw)
            baseline.query(kw)
        times, base_times, n = [], [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            n = len(query_claims(ledger, **kw))
            times.append(time.perf_counter() - started)
            base_times.append(baseline.query(kw))
        results.append(
            {
                "query": name,
                "rows": n,
                "p50_ms": 1000 * statistics.median(times),
                "p95_ms": 1000 * percentile(times, 0.95),
                "baseline_p50_ms": 1000 * statistics.median(base_times),
                "all_ms": [1000 * t for t in times],
            }
        )
    return results


def postgres_url(arg: str | None) -> str:
    url = arg or os.environ.get("CLAIMTRACE_TEST_POSTGRES_URL")
    if not url:
        out = subprocess.run(
            ["bash", str(ROOT / "scripts" / "postgres.sh"), "start"],
            capture_output=True,
            text=True,
            check=True,
        )
        url = out.stdout.strip().splitlines()[-1]
    return database_url(url)


def run_backend(backend: str, sizes: list[int], repeat: int, pg_url: str | None) -> dict:
    cleanup = None
    if backend == "sqlite":
        tmp = tempfile.mkdtemp(prefix="claimtrace-bench-")
        url = f"sqlite:///{tmp}/ledger.db"
    else:
        from sqlalchemy import create_engine

        base = postgres_url(pg_url)
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        engine = create_engine(base)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")

        def cleanup() -> None:
            with engine.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
            engine.dispose()

        url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    pool = entity_pool(seed=1)
    out = {"backend": backend, "sizes": []}
    try:
        with Ledger.open(url) as ledger:
            baseline = Baseline(ledger)
            stored = 0
            for size in sizes:
                target = size // CLAIMS_PER_ARTICLE
                articles = [
                    synthetic_article(i, claims=CLAIMS_PER_ARTICLE, entities=pool, seed=1)
                    for i in range(stored, target)
                ]
                started, cpu = time.perf_counter(), time.process_time()
                stats = store_items(ledger, articles, batch_size=50)
                ledger.optimize()  # as `claimtrace ingest` does after a large ingest
                elapsed = time.perf_counter() - started
                cpu = time.process_time() - cpu
                assert stats.inserted == len(articles) and stats.failures == 0
                a_rows, c_rows = baseline.rows(articles)
                base_elapsed = baseline.insert(a_rows, c_rows)
                stored = target
                query_results = time_queries(ledger, baseline, pool, repeat)
                all_ms = [t for r in query_results for t in r["all_ms"]]
                out["sizes"].append(
                    {
                        "claims": ledger.count("claims"),
                        "articles_added": len(articles),
                        "ingest_articles_per_s": len(articles) / elapsed,
                        # this process only: for PostgreSQL the server's work is not in it
                        "ingest_articles_per_cpu_s": len(articles) / cpu,
                        "load_average": os.getloadavg()[0],
                        "baseline_articles_per_s": len(articles) / base_elapsed,
                        "queries": [
                            {k: v for k, v in r.items() if k != "all_ms"} for r in query_results
                        ],
                        "query_p50_ms": statistics.median(all_ms),
                        "query_p95_ms": percentile(all_ms, 0.95),
                        "baseline_query_p50_ms": statistics.median(
                            r["baseline_p50_ms"] for r in query_results
                        ),
                    }
                )
                print(f"[{backend}] {size} claims done", file=sys.stderr)
    finally:
        if cleanup:
            cleanup()
    return out


def report(results: list[dict]) -> str:
    lines = [
        "| backend | claims | ingest articles/s | per client CPU-s | raw executemany articles/s "
        "| ratio | query p50 ms | query p95 ms | raw unindexed p50 ms | speed-up | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for res in results:
        for s in res["sizes"]:
            lines.append(
                f"| {res['backend']} | {s['claims']:,} | {s['ingest_articles_per_s']:.0f} "
                f"| {s['ingest_articles_per_cpu_s']:.0f} | {s['baseline_articles_per_s']:.0f} "
                f"| {s['ingest_articles_per_s'] / s['baseline_articles_per_s']:.2f} "
                f"| {s['query_p50_ms']:.1f} | {s['query_p95_ms']:.1f} "
                f"| {s['baseline_query_p50_ms']:.1f} "
                f"| {s['baseline_query_p50_ms'] / s['query_p50_ms']:.1f}x "
                f"| {s['load_average']:.1f} |"
            )
    lines += [
        "",
        "| backend | claims | query | rows | p50 ms | p95 ms | raw unindexed p50 ms |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for res in results:
        for s in res["sizes"]:
            for q in s["queries"]:
                lines.append(
                    f"| {res['backend']} | {s['claims']:,} | {q['query']} | {q['rows']} "
                    f"| {q['p50_ms']:.1f} | {q['p95_ms']:.1f} | {q['baseline_p50_ms']:.1f} |"
                )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--sizes", default="10000,100000", help="claims, ascending")
    parser.add_argument("--repeat", type=int, default=30, help="runs of each query")
    parser.add_argument("--pg-url", default=None)
    parser.add_argument("--json", default=None, help="also write the results here")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    results = [
        run_backend(b.strip(), sizes, args.repeat, args.pg_url) for b in args.backends.split(",")
    ]
    print(report(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
