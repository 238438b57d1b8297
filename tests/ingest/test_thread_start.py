"""Where the comment thread begins: moderation-like wording inside the article must not open it."""

import pytest

from articles.ingest import parse_article

HEADLINE = "City Council Votes to Relocate Statue From Memorial Park"
BODY = [
    "The city council voted 7-2 on Tuesday night to begin relocating the statue that has stood "
    "in Memorial Park since 1911.",
    "Officials said the statue may be removed by the end of the year, pending a review by the "
    "state historical commission.",
    "The permit application was held for review while the commission collected public comment.",
    "A video of the meeting was taken down after the platform said it broke its community "
    "guidelines, and the city said it would post it again.",
    "The mayor said she would sign the measure on Friday and that the city would seek private "
    "funding for the move.",
]


def page(*thread_lines: str) -> bytes:
    lines = [HEADLINE, "By Jane Reporter, Staff Writer", *BODY, *thread_lines]
    return "\n\n".join(lines).encode()


@pytest.mark.parametrize(
    "thread_opening",
    [
        ["Comments (2)"],
        ["Comments are moderated and may be removed at the discretion of our editors."],
    ],
)
def test_moderation_wording_in_the_body_stays_in_the_body(thread_opening):
    replies = ["jdoe", "This is long overdue.", "msmith", "Leave it where it is."]
    parsed = parse_article(page(*thread_opening, *replies), name="statue.txt")
    assert [block.text for block in parsed.blocks] == BODY
    comment_lines = [line.text for line in parsed.lines if line.dest.value == "comment"]
    assert comment_lines == replies


STUDY = [
    "Researchers followed 4,000 adults for ten years to see whether afternoon naps changed their "
    "memory scores over time.",
    "People who napped for under 30 minutes scored slightly higher on average than those who did "
    "not nap at all.",
    "Discussion",
    "The authors caution that the study shows an association, not a cause, and that long naps "
    "were linked to lower scores.",
    "They plan a trial in which volunteers are assigned to nap or not.",
]
THREAD = ["Posted by nightowl at 3:15 PM", "I nap every day and my memory is fine.", "Reply"]


@pytest.mark.parametrize("thread", [[], ["Comments", *THREAD], ["Discussion", *THREAD]])
def test_a_discussion_section_of_the_article_is_not_a_comment_thread(thread):
    lines = ["Short Naps Linked to Better Memory in Older Adults", "By Sam Writer", *STUDY, *thread]
    parsed = parse_article("\n\n".join(lines).encode(), name="naps.txt")
    # The heading itself may be kept as a heading or set aside; its section must stay body.
    paragraphs = [text for text in STUDY if text != "Discussion"]
    assert [b.text for b in parsed.blocks if b.text != "Discussion"] == paragraphs
    assert [c.text for c in parsed.thread.comments] == (
        ["I nap every day and my memory is fine."] if thread else []
    )
