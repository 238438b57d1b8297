"""Import scraped pages (.txt) and HTML files (.html, .htm) into the database.

Takes files, folders (searched recursively) and glob patterns. Each article is written in its
own transaction, so a failure leaves nothing half-written and the other files still import.
Prints progress for many files, one line per failure with its reason, and a summary; exits
non-zero when any file failed. It does not download pages.
"""

import glob
import multiprocessing
import os
import sys
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.importing import Outcome, import_article
from articles.ingest import IngestError, ParsedArticle
from articles.ingest.files import load_batch, load_or_reason

SUFFIXES = {".txt", ".html", ".htm"}
PROGRESS_FROM = 20  # files; fewer finish before a bar would help
PARALLEL_FROM = 20  # files; fewer do not pay for starting worker processes
BATCH = 8  # files a worker parses per task


def expand_paths(patterns: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to import, and (pattern, reason) for patterns that name nothing importable."""
    files, missing = [], []
    for pattern in patterns:
        matches = [Path(p) for p in glob.glob(pattern, recursive=True)] or [Path(pattern)]
        found = False
        for path in matches:
            if path.is_dir():
                inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
                files += [p for p in inside if p.is_file()]
                found = found or bool(inside)
            elif path.is_file():
                files.append(path)
                found = True
        if not found:
            exists = any(p.exists() for p in matches)
            missing.append((pattern, "no .txt or .html files" if exists else "no such file"))
    return list(dict.fromkeys(files)), missing


def parsed_files(
    files: list[Path], max_bytes: int, jobs: int
) -> Iterator[tuple[Path, tuple[ParsedArticle, bytes] | str]]:
    """Each file with its parse, or the reason it cannot be read, in order. With jobs > 1,
    worker processes parse ahead while the caller writes to the database, at most a few
    batches ahead so memory stays flat however many files there are. They are spawned, not
    forked, so they share nothing with this process (its database connection least), and
    niced: the writer and PostgreSQL are the critical path."""
    if jobs <= 1:
        yield from ((path, load_or_reason(path, max_bytes=max_bytes)) for path in files)
        return
    batches = [files[i : i + BATCH] for i in range(0, len(files), BATCH)]
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, spawn, initializer=os.nice, initargs=(10,)) as pool:
        ahead: deque[Future] = deque()
        for batch in batches:
            ahead.append(pool.submit(load_batch, batch, max_bytes))
            if len(ahead) > jobs * 2:
                yield from ahead.popleft().result()
        while ahead:
            yield from ahead.popleft().result()


class Command(BaseCommand):
    help = "Import scraped articles from .txt or .html files, folders or glob patterns."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, folders or glob patterns.")
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.IMPORT_MAX_BYTES,
            help="Refuse files larger than this (default: %(default)s).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes parsing files while this one writes (default: %(default)s).",
        )

    def handle(self, *args, paths, max_bytes, jobs, verbosity, **options):
        files, missing = expand_paths(paths)
        if not files and not missing:
            raise CommandError("Nothing to import.")
        outcomes: Counter[Outcome] = Counter()
        failures = list(missing)
        show_progress = len(files) >= PROGRESS_FROM and verbosity > 0
        jobs = jobs if len(files) >= PARALLEL_FROM else 1
        for n, (path, loaded) in enumerate(parsed_files(files, max_bytes, jobs), 1):
            if isinstance(loaded, str):  # the reason the file could not be read or parsed
                failures.append((str(path), loaded))
            else:
                try:
                    outcome = import_article(loaded[0], raw_bytes=loaded[1]).outcome
                except (IngestError, DatabaseError) as exc:
                    failures.append((str(path), str(exc) or type(exc).__name__))
                else:
                    outcomes[outcome] += 1
                    if verbosity > 1:
                        self.stdout.write(f"{outcome:>9}  {path}")
            if show_progress:
                self._progress(n, len(files))
        if show_progress:
            self.stderr.write("")
        self._summarise(outcomes, failures)
        if failures:
            sys.exit(1)

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stderr.flush()

    def _summarise(self, outcomes: Counter, failures) -> None:
        for path, reason in failures:
            self.stderr.write(self.style.ERROR(f"failed     {path}: {reason}"))
        for outcome in Outcome:
            count = outcomes[outcome]
            if count:
                self.stdout.write(f"{outcome.value:<10} {count} article{'s' * (count != 1)}")
        if failures:
            count = len(failures)
            self.stdout.write(self.style.ERROR(f"failed     {count} file{'s' * (count != 1)}"))
