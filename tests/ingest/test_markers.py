"""The marker table is matched against lowercased lines: case in the page must not matter, and a
pattern written with a capital letter would silently never match."""

import re

import pytest

from articles.ingest.markers import MARKERS, match_markers

ESCAPES_AND_COUNTS = re.compile(r"\\.|\{[\d,]*\}")


@pytest.mark.parametrize(("kind", "pattern"), MARKERS, ids=lambda value: str(value)[:40])
def test_every_pattern_is_written_in_lowercase(kind, pattern):
    literal_text = ESCAPES_AND_COUNTS.sub("", pattern)
    assert literal_text == literal_text.lower(), f"{kind} pattern has a capital: {pattern}"


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("ADVERTISEMENT", {"ad"}),
        ("  Advertisement ", {"ad"}),
        ("Trending on Newsweek Videos", {"ad"}),
        ("(AP Photo/Evan Vucci)", {"credit"}),
        ("Sign Up For Our Daily Newsletter", {"chrome"}),
        ("Comments may be REMOVED by moderators", {"notice"}),
        ("Posted by JaneDoe at 3:15 PM EST", {"comment_header"}),
        ("March 3, 2024 at 9:41 PM EST", {"comment_footer"}),
        ("The minister said prices would fall.", set()),
    ],
)
def test_markers_match_whatever_the_case(line, kinds):
    assert match_markers(line) == kinds
