"""Restore annotations from a JSONL or W3C export made by export_annotations.

Matches articles by identity and users by username (or --user for all rows), re-anchors a
quote whose position changed, keeps unplaceable ones as orphaned, and never duplicates.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from annotations.restoring import RestoreError, read_export, restore


class Command(BaseCommand):
    help = "Import annotations from a JSONL or W3C JSON-LD export."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", help="Give rows whose user does not exist to this user.")

    def handle(self, *args, file, user, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        default_user = None
        if user:
            default_user = get_user_model().objects.filter(username=user).first()
            if default_user is None:
                raise CommandError(f"No user named {user!r}.")
        try:
            with path.open(encoding="utf-8") as stream, transaction.atomic():
                counts = restore(read_export(stream), default_user=default_user)
        except (RestoreError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(f"Annotations: {summary}.")
        if counts["failed"]:
            self.stderr.write(f"{counts['failed']} rows name a user or article not found here.")
