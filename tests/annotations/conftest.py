import pytest


@pytest.fixture
def make_annotation(article, reader, make_highlight):
    def make(phrase="More North Korean troops", tag="claim", user=None, note=""):
        return make_highlight(user or reader, article, phrase, tag=tag, note=note)

    return make
