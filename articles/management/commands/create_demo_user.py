"""Create the `demo` / `demo` login, but only in a database that has no users yet.

`make run` calls this for the project-local database; it never touches a database that
already has accounts, so it cannot add a weak password to a real deployment.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"  # noqa: S105


class Command(BaseCommand):
    help = "Create the demo/demo login in a fresh database (one with no users) and print it."

    def handle(self, *args, **options):
        User = get_user_model()
        if not User.objects.exists():
            User.objects.create_user(DEMO_USERNAME, password=DEMO_PASSWORD)
        demo = User.objects.filter(username=DEMO_USERNAME).first()
        if demo and demo.check_password(DEMO_PASSWORD):
            self.stdout.write(self.style.SUCCESS(f"Demo login: {DEMO_USERNAME} / {DEMO_PASSWORD}"))
