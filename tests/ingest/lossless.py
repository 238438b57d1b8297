"""Check that every non-blank source line is claimed by exactly one part of the parse."""

from collections import Counter

from articles.ingest.types import Dest


def claims(parsed) -> Counter:
    owners = Counter()
    for block in parsed.blocks:
        owners[block.line] += 1
    for segment in parsed.stripped:
        owners[segment.line] += 1
    thread = parsed.thread
    owners.update(thread.notice_lines)
    owners.update(thread.rules_lines)
    for comment in thread.comments:
        owners.update(comment.lines)
    owners.update(ln.number for ln in parsed.lines if ln.dest in {Dest.TITLE, Dest.BYLINE})
    return owners


def assert_lossless(parsed, source: str) -> None:
    assert parsed.rebuild_source() == source
    owners = claims(parsed)
    content = {ln.number for ln in parsed.lines if ln.text.strip()}
    assert set(owners) == content, "every non-blank line has a home, and no blank line does"
    assert all(count == 1 for count in owners.values()), "no line is claimed twice"
    by_number = {ln.number: ln.text.strip() for ln in parsed.lines}
    for part in (*parsed.blocks, *parsed.stripped):
        assert part.text == by_number[part.line]
    for comment in parsed.comments:
        for text_line in comment.text.split("\n"):
            assert text_line in {" ".join(by_number[n].split()) for n in comment.lines}
