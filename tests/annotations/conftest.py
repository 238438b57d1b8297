from pathlib import Path

import pytest

from annotations.creating import create_annotation
from articles.importing import import_file

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "004_9583635e57655564.txt"


@pytest.fixture
def article(db):
    return import_file(SEED, max_bytes=5_000_000).article


@pytest.fixture
def make_annotation(article, reader):
    def make(phrase="More North Korean troops", tag="claim", user=None, note=""):
        start = article.canonical_text.index(phrase)
        return create_annotation(
            user=user or reader,
            article=article,
            tag=tag,
            start=start,
            end=start + len(phrase),
            note=note,
        )

    return make
