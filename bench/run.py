"""`make bench`: import, reading view, concurrent annotating and export, each measured against
what PostgreSQL alone does with the same rows. Uses its own database (newsreader_bench) on the
same server, which it drops and recreates. `--scale 0.05` gives a quick run.
"""

import argparse
import json
import os
import platform
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BENCH_DB = "newsreader_bench"


def bench_environment(database: str = BENCH_DB) -> dict[str, str]:
    url = os.environ.get("DATABASE_URL")
    if url:
        parts = urlsplit(url)
        url = urlunsplit(parts._replace(path=f"/{database}"))
    else:
        url = f"postgres://newsreader@/{database}?host={ROOT / '.data' / 'postgres'}"
    return {
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "DJANGO_SETTINGS_MODULE": "newsreader.settings",
    }


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    database = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}"')
        conn.execute(f'CREATE DATABASE "{database}"')


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def timed(label: str):
    class Timer:
        def __enter__(self):
            print(f"… {label}", flush=True)
            self.start = time.perf_counter()
            return self

        def __exit__(self, *exc):
            self.seconds = time.perf_counter() - self.start

    return Timer()


# --- import -------------------------------------------------------------------------------
def bench_import(scale: float) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from bench.corpus import write_corpus

    count = max(20, int(10_000 * scale))
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), count)
        with (
            timed(f"import_articles on {count:,} generated pages") as t,
            open(os.devnull, "w") as devnull,
        ):
            call_command("import_articles", folder, verbosity=0, stdout=devnull)
    tables = [
        "articles_article",
        "articles_block",
        "articles_strippedsegment",
        "articles_commentthread",
        "articles_comment",
    ]
    with connection.cursor() as cursor, timed("COPY of the same rows"):
        copy_seconds = 0.0
        for table in tables:
            cursor.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
                [table],
            )
            columns = ", ".join(f'"{c}"' for (c,) in cursor.fetchall())
            cursor.execute(f"SELECT {columns} FROM {table}")
            rows = cursor.fetchall()
            cursor.execute(f"CREATE TEMP TABLE copy_{table} (LIKE {table} INCLUDING ALL)")
            started = time.perf_counter()
            with cursor.cursor.copy(f"COPY copy_{table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            copy_seconds += time.perf_counter() - started
    return {
        "import_articles": count,
        "import_seconds": round(t.seconds, 2),
        "import_articles_per_s": round(count / t.seconds, 1),
        "copy_seconds": round(copy_seconds, 3),
        "import_vs_copy": round(copy_seconds / t.seconds, 3),
    }


# --- reading view -------------------------------------------------------------------------
def bench_reader(requests: int) -> dict:
    import random

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from annotations.models import Annotation
    from articles.models import Article

    article = max(Article.objects.only("pk", "canonical_text"), key=lambda a: len(a.canonical_text))
    user = get_user_model().objects.create_user("bench-reader")
    text, rng = article.canonical_text, random.Random(3)
    Annotation.objects.bulk_create(
        Annotation(
            user=user,
            article=article,
            tag=rng.choice(["claim", "quote", "opinion"]),
            start=(s := rng.randrange(len(text) - 80)),
            end=s + rng.randint(5, 80),
            exact=text[s : s + 5],
        )
        for _ in range(500)
    )
    client = Client()
    client.force_login(user)
    url = f"/articles/{article.pk}/"
    for _ in range(10):
        assert client.get(url).status_code == 200
    times = []
    with timed(f"reading view with 500 highlights, {requests} requests"):
        for _ in range(requests):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {
        "reader_p50_ms": round(statistics.median(times), 1),
        "reader_p95_ms": round(percentile(times, 0.95), 1),
        "reader_queries": len(queries.captured_queries),
        "reader_article_chars": len(text),
    }


# --- concurrent annotating ------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_annotate(env: dict, seconds: float, users: int = 20) -> dict:
    from django.contrib.auth import get_user_model

    from annotations.models import Annotation
    from articles.models import Article
    from bench.load import SimulatedUser

    article = Article.objects.order_by("pk").first()
    accounts = [f"bench-user-{n}" for n in range(users)]
    for name in accounts:
        get_user_model().objects.create_user(name, password="bench-pass-123")
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "newsreader.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base)
        deadline = [0.0]

        def start_clock():
            deadline[0] = time.monotonic() + seconds

        ready = threading.Barrier(users + 1, action=start_clock)
        clients = [
            SimulatedUser(
                base,
                name,
                "bench-pass-123",
                article.pk,
                len(article.canonical_text),
                deadline,
                seed=n,
                ready=ready,
            )
            for n, name in enumerate(accounts)
        ]
        for client in clients:
            client.start()
        ready.wait()
        with timed(f"{users} users annotating for {seconds:.0f} s") as t:
            for client in clients:
                client.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = [ms for c in clients for ms in c.result.latencies_ms] or [float("nan")]
    believed = set().union(*(c.result.believed for c in clients))
    stored = set(
        Annotation.objects.filter(user__username__in=accounts).values_list("pk", flat=True)
    )
    return {
        "annotate_users": users,
        "annotate_requests": len(latencies),
        "annotate_rps": round(len(latencies) / t.seconds, 1),
        "annotate_p50_ms": round(statistics.median(latencies), 1),
        "annotate_p95_ms": round(percentile(latencies, 0.95), 1),
        "annotate_p99_ms": round(percentile(latencies, 0.99), 1),
        "annotate_errors": sum(c.result.errors for c in clients),
        "annotate_lost": len(believed - stored),
        "annotate_unexpected": len(stored - believed),
    }


def _wait_for(base: str) -> None:
    import urllib.request

    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/accounts/login/", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


# --- export ----------------------------------------------------------------------------------
def bench_export(env: dict, rows: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from annotations.export import export_values
    from annotations.filters import filter_annotations
    from articles.models import Article

    user = get_user_model().objects.create_user("bench-exporter")
    article = Article.objects.order_by("pk").first()
    with connection.cursor() as cursor, timed(f"inserting {rows:,} annotations"):
        cursor.execute(
            'INSERT INTO annotations_annotation (user_id, article_id, tag, note, start, "end", '
            "exact, original_exact, prefix, suffix, status, created_at, updated_at) "
            "SELECT %s, %s, (ARRAY['claim','quote','opinion'])[1 + g %% 3], "
            "CASE WHEN g %% 7 = 0 THEN '=cmd() with \"quotes\", commas' ELSE 'note ' || g END, "
            "g %% 1000, g %% 1000 + 20, 'quoted text ' || g, 'quoted text ' || g, 'before', "
            "'after', 'anchored', now(), now() FROM generate_series(1, %s) g",
            [user.pk, article.pk, rows],
        )
        cursor.execute("ANALYZE annotations_annotation")
    with tempfile.TemporaryDirectory() as folder:
        output, peak_file = Path(folder) / "export.csv", Path(folder) / "peak-mb"
        with timed("export_annotations --format csv (streaming)") as t:
            process = subprocess.Popen(
                [
                    PYTHON,
                    "-m",
                    "bench.peak_memory",
                    str(peak_file),
                    "manage.py",
                    "export_annotations",
                    "--format",
                    "csv",
                    "--user",
                    "bench-exporter",
                    "--output",
                    str(output),
                ],
                cwd=ROOT,
                env={**os.environ, **env},
                stderr=subprocess.DEVNULL,
            )
            status = process.wait()
        written = sum(1 for _ in output.open(encoding="utf-8", newline="")) - 1
        peak_mb = float(peak_file.read_text())
    assert status == 0, "export failed"
    query = export_values(filter_annotations(user, {}), neutralised=True).query
    sql, params = query.sql_with_params()
    with (
        connection.cursor() as cursor,
        timed("COPY (same query) TO STDOUT WITH CSV") as c,
        cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH CSV", params) as copy,
    ):
        for _chunk in copy:
            pass
    return {
        "export_rows": rows,
        "export_seconds": round(t.seconds, 2),
        "export_rows_per_s": round(rows / t.seconds),
        "export_peak_mb": peak_mb,
        "export_copy_seconds": round(c.seconds, 2),
        "export_vs_copy": round(c.seconds / t.seconds, 3),
        "export_rows_written": written,
    }


# --- main --------------------------------------------------------------------------------------
def machine_facts() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "postgresql": pg_version,
        "platform": platform.platform(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 is the full benchmark")
    scale = parser.parse_args().scale
    env = bench_environment()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    recreate_database(env["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off serves the manifest
    results = {"scale": scale}
    results |= bench_import(scale)
    results |= bench_reader(requests=max(20, int(200 * scale)))
    results |= bench_annotate(env, seconds=max(5.0, 30 * scale))
    results |= bench_export(env, rows=max(10_000, int(1_000_000 * scale)))
    results |= machine_facts()
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    width = max(map(len, results))
    print("\n".join(f"{key:<{width}}  {value}" for key, value in results.items()))


if __name__ == "__main__":
    main()
