import pytest

from annotations.anchoring import anchor_selection

TEXT = "The minister said troops could be deployed.\n\nSecond paragraph 😀 here."


def test_mid_word_selection_snaps_to_whole_words():
    start = TEXT.index("inister")
    anchor = anchor_selection(TEXT, start, TEXT.index(" troops") - 2)
    assert anchor.exact == "minister said"


def test_snapping_can_be_turned_off():
    start = TEXT.index("inister")
    anchor = anchor_selection(TEXT, start, start + 4, snap=False)
    assert anchor.exact == "inis"


def test_whitespace_at_the_edges_is_trimmed():
    start = TEXT.index(" troops")
    anchor = anchor_selection(TEXT, start, start + len(" troops "))
    assert anchor.exact == "troops"


@pytest.mark.parametrize(("start", "end"), [(3, 3), (43, 45), (-5, -1)])
def test_empty_or_blank_selection_gives_nothing(start, end):
    assert anchor_selection(TEXT, start, end) is None


def test_context_is_32_code_points_each_side():
    start = TEXT.index("Second")
    anchor = anchor_selection(TEXT, start, start + 6)
    assert anchor.prefix == TEXT[start - 32 : start]
    assert anchor.suffix == TEXT[start + 6 : start + 38]
    assert anchor.exact == TEXT[anchor.start : anchor.end]


def test_out_of_range_offsets_are_clamped():
    anchor = anchor_selection(TEXT, len(TEXT) - 5, len(TEXT) + 100)
    assert anchor.exact == "here."


@pytest.mark.django_db
def test_reimport_moves_highlights_and_orphans_lost_ones(tmp_path, reader, make_highlight):
    from annotations.models import Annotation
    from articles.importing import import_file

    page = tmp_path / "page.txt"
    body = [
        "The council voted on Tuesday to close the library branch on Elm Street.",
        "Residents said the decision ignored three hundred letters of protest.",
        "The mayor promised a review of the budget before the end of the year.",
    ]
    page.write_text("A Library Closes Its Doors\n\n" + "\n\n".join(body) + "\n")
    article = import_file(page, max_bytes=10_000).article
    text = article.canonical_text

    kept = make_highlight(reader, article, "The council voted", "claim")
    moved = make_highlight(reader, article, "three hundred letters", "quote")
    lost = make_highlight(reader, article, "promised a review", "opinion")
    page.write_text(
        "A Library Closes Its Doors\n\n"
        + "\n\n".join(
            [
                body[0],
                "A new paragraph was added here by the editors today.",
                body[1],
                "The mayor said nothing more about it at the meeting.",
            ]
        )
        + "\n"
    )
    assert import_file(page, max_bytes=10_000).outcome == "updated"
    article.refresh_from_db()
    new = article.canonical_text
    for annotation in (kept, moved, lost):
        annotation.refresh_from_db()
    assert new[kept.start : kept.end] == "The council voted" and kept.status == "anchored"
    assert new[moved.start : moved.end] == "three hundred letters" and moved.start > text.index(
        "three"
    )
    assert lost.status == Annotation.Status.ORPHANED and lost.exact == "promised a review"
    assert Annotation.objects.count() == 3
