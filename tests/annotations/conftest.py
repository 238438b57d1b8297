import pytest

from annotations.creating import create_annotation


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
