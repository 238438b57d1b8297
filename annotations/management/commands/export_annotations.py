"""Export annotations as CSV, JSONL, W3C Web Annotation JSON-LD or Markdown.

Streams rows (for CSV, records written by PostgreSQL's COPY) to a file or stdout, so memory
stays flat for any count; progress goes to stderr for large exports. Without --user, exports
everyone's.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from annotations.export import FORMATS
from annotations.filters import AnnotationFilterForm, filter_annotations

PROGRESS_EVERY = 50_000


class Command(BaseCommand):
    help = "Export annotations (csv, jsonl, w3c, markdown) to a file or stdout."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(FORMATS), default="csv")
        parser.add_argument("--user", help="Only this user's annotations (username).")
        parser.add_argument("--article", type=int, help="Only this article (id).")
        parser.add_argument("--tag", help="claim, quote or opinion.")
        parser.add_argument("--since", help="Created on or after this date (YYYY-MM-DD).")
        parser.add_argument("--output", help="Write here instead of stdout.")

    def handle(self, *args, **options):
        form = AnnotationFilterForm(
            {
                "tag": options["tag"] or "",
                "article": options["article"] or "",
                "since": options["since"] or "",
            }
        )
        if not form.is_valid():
            raise CommandError(form.errors.as_text())
        owner = None
        if options["user"]:
            owner = get_user_model().objects.filter(username=options["user"]).first()
            if owner is None:
                raise CommandError(f"No user named {options['user']!r}.")
        annotations = filter_annotations(owner, form.cleaned_data)
        total = annotations.count()
        export = FORMATS[options["format"]]
        out = (
            open(Path(options["output"]), "w", encoding="utf-8", newline="")  # noqa: SIM115
            if options["output"]
            else self.stdout._out
        )
        try:
            written = self._write(export, export.rows(annotations), out, total)
        finally:
            if options["output"]:
                out.close()
        self.stderr.write(f"Exported {written:,} annotation{'s' * (written != 1)}.")

    def _write(self, export, rows, out, total: int) -> int:
        counted = _progress(rows, total, self.stderr if total >= PROGRESS_EVERY else None)
        for chunk in export.chunks(counted, "Newsreader annotations"):
            out.write(chunk)
        out.flush()
        return counted.count


class _progress:
    def __init__(self, rows, total, stream):
        self.rows, self.total, self.stream, self.count = rows, total, stream, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            if self.stream and self.count % PROGRESS_EVERY == 0:
                self.stream.write(f"\r{self.count:,} / {self.total:,}", ending="")
                self.stream.flush()
            yield row
        if self.stream:
            self.stream.write("")
