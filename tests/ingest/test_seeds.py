from pathlib import Path

import pytest

from articles.ingest import parse_article
from articles.ingest.types import Dest

from .lossless import assert_lossless

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def parse_seed(name):
    path = SEEDS / name
    return parse_article(path.read_bytes(), name=path.name)


@pytest.fixture(scope="module")
def pj_media():
    return parse_seed("000_5aeb8d7986c9f49e.txt")


@pytest.fixture(scope="module")
def newsweek():
    return parse_seed("004_9583635e57655564.txt")


@pytest.mark.parametrize(
    "noise",
    [
        "Advertisement",
        "Recommended",
        "Trending on PJ Media Videos",
        "Join the conversation as a VIP Member",
        "Related: Earthquake in Iran Fuels Speculation of an Iranian Nuclear Test",
    ],
)
def test_seed_000_strips_noise_from_body(pj_media, noise):
    assert noise not in [block.text for block in pj_media.blocks]
    assert noise in [segment.text for segment in pj_media.stripped]


def test_seed_000_keeps_source_labels_and_strips_the_ap_credit(pj_media):
    body = [block.text for block in pj_media.blocks]
    assert "Politico:" in body
    assert "Bloomberg:" in body
    credits = [s.text for s in pj_media.stripped if s.kind == Dest.CREDIT]
    assert credits == ["Korean Central News Agency/Korea News Service via AP"]
    assert pj_media.title == "North Korea Now Sending Troops to Ukraine to Fight Alongside Russians"


def test_seed_004_title_outlet_byline(newsweek):
    assert newsweek.title == (
        "North Korea To Deploy More Soldiers to Ukraine After Reported Deaths: Seoul"
    )
    assert newsweek.outlet == "Newsweek"
    assert newsweek.author == "Maya Mehrara"


def test_seed_004_caption_and_credit_leave_the_body(newsweek):
    assert not any("plenary session on September 11" in b.text for b in newsweek.blocks)
    credit = [s for s in newsweek.stripped if "Lee Jin-man/Associated Press" in s.text]
    assert [s.kind for s in credit] == [Dest.CREDIT]


def test_seed_004_thread_metadata_and_comments(newsweek):
    thread = newsweek.thread
    assert thread.notice.startswith("Trolling, taunting, spamming")
    assert thread.rules == "No Trump, Fascism References, Memes, Source Dissing"
    assert len(thread.comments) == 10
    marked = [c for c in thread.comments if c.removed or c.partially_removed]
    assert [c.text for c in marked] == ["Is the empty-headed nitwit [✘]", "Well, [✘]", "[✘]"]
    assert [c.removed for c in marked] == [False, False, True]
    assert not any("Trolling" in b.text or "[✘]" in b.text for b in newsweek.blocks)


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seeds_rebuild_losslessly(name):
    path = SEEDS / name
    parsed = parse_seed(name)
    assert parsed.rebuild_source().encode(parsed.encoding) == path.read_bytes()


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_seed_line_lands_in_exactly_one_part(name):
    parsed = parse_seed(name)
    source = (SEEDS / name).read_bytes().decode(parsed.encoding)
    assert_lossless(parsed, source)
