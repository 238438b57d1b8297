"""Print how one file parses, without touching the database.

`--json` prints title, byline, outlet, author, body (block texts), ads (every stripped
segment's text), stripped (with kinds), comments, thread metadata and every source line with
its destination. Without it, prints a readable outline.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.ingest import IngestError, ParsedArticle
from articles.ingest.files import load_file


def parsed_to_dict(parsed: ParsedArticle) -> dict:
    return {
        "title": parsed.title,
        "byline": parsed.byline,
        "outlet": parsed.outlet,
        "author": parsed.author,
        "url": parsed.url,
        "encoding": parsed.encoding,
        "body": [block.text for block in parsed.blocks],
        "blocks": [{"kind": b.kind.value, "text": b.text, "line": b.line} for b in parsed.blocks],
        "ads": [segment.text for segment in parsed.stripped],
        "stripped": [
            {"kind": s.kind.value, "text": s.text, "line": s.line} for s in parsed.stripped
        ],
        "thread": {"notice": parsed.thread.notice, "rules": parsed.thread.rules},
        "comments": [comment.text for comment in parsed.comments],
        "comment_details": [
            {
                "text": c.text,
                "author": c.author,
                "removed": c.removed,
                "partially_removed": c.partially_removed,
                "meta": list(c.meta),
            }
            for c in parsed.comments
        ],
        "lines": [
            {"number": line.number, "dest": line.dest.value, "text": line.text}
            for line in parsed.lines
        ],
    }


class Command(BaseCommand):
    help = "Show how a .txt or .html file parses (title, body, stripped parts, comments)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print the parse as JSON."
        )

    def handle(self, *args, file, as_json: bool, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            parsed, _ = load_file(path, max_bytes=settings.IMPORT_MAX_BYTES)
        except (IngestError, OSError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        if as_json:
            self.stdout.write(json.dumps(parsed_to_dict(parsed), ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"Title:  {parsed.title}\nOutlet: {parsed.outlet}\nAuthor: {parsed.author}"
        )
        for line in parsed.lines:
            if line.dest != "blank":
                self.stdout.write(f"{line.number:>4}  {line.dest:<12}  {line.text[:100]}")
