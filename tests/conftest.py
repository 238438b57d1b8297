import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from hypothesis import settings as hypothesis_settings

from articles.importing import import_file

# Playwright's sync API keeps an event loop running in the test thread; Django's ORM calls in
# the same thread (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Property tests draw the same examples on every run, so a clean checkout passes or fails the
# same way; HYPOTHESIS_PROFILE=explore draws fresh ones while developing.
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", max_examples=1000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_9583635e57655564.txt"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def reader(db):
    return get_user_model().objects.create_user("reader", password="reader-pass")


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def other_user(db):
    return get_user_model().objects.create_user("other", password="other-pass")


@pytest.fixture
def article(db):
    """The Newsweek seed: ten comments, a doubled caption, a byline widget."""
    return import_file(SEED, max_bytes=5_000_000).article
