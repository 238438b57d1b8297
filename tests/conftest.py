import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from hypothesis import settings as hypothesis_settings

from annotations.creating import create_annotation
from articles.importing import import_article, import_file
from articles.ingest import parse_article
from articles.models import Article

# Property tests draw the same examples on every run, so a clean checkout passes or fails the
# same way; HYPOTHESIS_PROFILE=explore draws fresh ones while developing.
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", max_examples=1000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_9583635e57655564.txt"


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@pytest.fixture
def make_article(db):
    def make(text: str, name: str = "page.txt") -> Article:
        data = text.encode("utf-8")
        return import_article(parse_article(data, name=name), raw_bytes=data).article

    return make


@pytest.fixture
def make_highlight():
    """Store a highlight directly (no browser): for tests about what happens to one."""

    def make(user, article, text, tag="claim", note=""):
        start = article.canonical_text.index(text)
        annotation, _ = create_annotation(
            user=user,
            article=article,
            tag=tag,
            note=note,
            start=start,
            end=start + len(text),
            snap=False,
        )
        return annotation

    return make
