import pytest

from annotations.creating import create_annotation
from annotations.models import Annotation
from articles.importing import import_file
from articles.models import Article, Reclassification
from articles.reclassifying import (
    ReclassifyError,
    restore_comment,
    restore_segment,
    strip_block,
    undo_reclassification,
)

from .conftest import (
    CREDIT_LINE,
    FIRST_COMMENT_LINE,
    PARAGRAPH_LINE,
    assert_lossless,
    block_at_line,
    snapshot,
)

THREADED = "\n".join(
    [
        "Council Approves New Bike Lanes Along the Riverside Road",
        "",
        "By Dana Whitfield",
        "",
        "The city council voted on Tuesday to add protected bike lanes along four "
        "miles of the riverside road, ending a debate that lasted two years.",
        "",
        "Construction will start in the spring and is expected to take about eight "
        "months, the transport department said in a statement.",
        "",
        "Advertisement",
        "",
        "Residents who opposed the plan said the lanes would remove more than two "
        "hundred parking spaces from the busiest streets.",
        "",
        "Comments",
        "",
        "Posted by riverfan at 10:02 am",
        "Finally, this has been a long time coming for everyone who rides here.",
        "",
        "Posted by oldtimer at 11:15 am",
        "The mayor said the cost will be covered by a state grant awarded last year.",
        "",
        "Posted by kim_b at 12:40 pm",
        "Parking is already impossible down there on weekends.",
        "",
    ]
)


def _strip(article, line, kind, user):
    return strip_block(article, block_at_line(article, line).pk, kind, user=user)


def _restore(article, line, user):
    return restore_segment(article, article.stripped.get(source_line=line).pk, user=user)


def _restore_comment(article, line, user):
    comment = next(c for c in article.thread.comments.all() if line in c.source_lines)
    return restore_comment(article, comment.pk, user=user)


@pytest.mark.django_db
def test_strip_block_moves_it_into_the_stripped_segments_at_its_line(article, staff):
    text = block_at_line(article, PARAGRAPH_LINE).text
    blocks_before = article.blocks.count()

    done = _strip(article, PARAGRAPH_LINE, "ad", staff)

    article.refresh_from_db()
    assert article.blocks.count() == blocks_before - 1
    assert text not in article.canonical_text
    assert article.line_destinations[PARAGRAPH_LINE] == "ad"
    segment = article.stripped.get(source_line=PARAGRAPH_LINE)
    assert (segment.kind, segment.text) == ("ad", text)
    lines = list(article.stripped.values_list("source_line", flat=True))
    assert lines == sorted(lines)
    assert_lossless(article)
    assert done.record.action == Reclassification.Action.BLOCK_TO_STRIPPED
    assert (done.record.user, done.record.kind, done.record.text) == (staff, "ad", text)


@pytest.mark.django_db
def test_restored_segment_goes_back_between_its_neighbouring_lines(article, staff):
    credit = article.stripped.get(source_line=CREDIT_LINE)

    _restore(article, CREDIT_LINE, staff)

    article.refresh_from_db()
    lines = list(article.blocks.values_list("source_line", flat=True))
    assert lines == sorted(lines) and CREDIT_LINE in lines
    block = block_at_line(article, CREDIT_LINE)
    assert (block.kind, block.text) == ("caption", credit.text)
    previous = article.blocks.get(position=block.position - 1)
    assert article.canonical_text[previous.end : block.start] == "\n\n"
    assert article.line_destinations[CREDIT_LINE] == "body"
    assert not article.stripped.filter(source_line=CREDIT_LINE).exists()
    assert_lossless(article)


@pytest.mark.django_db
def test_restored_comment_joins_the_body_and_leaves_the_thread(article, staff):
    comments_before = article.thread.comments.count()

    done = _restore_comment(article, FIRST_COMMENT_LINE, staff)

    article.refresh_from_db()
    last = article.blocks.last()
    assert last.source_line == FIRST_COMMENT_LINE
    assert article.canonical_text.endswith(last.text)
    assert article.line_destinations[FIRST_COMMENT_LINE] == "body"
    positions = list(article.thread.comments.values_list("position", flat=True))
    assert positions == list(range(comments_before - 1))
    assert done.record.action == Reclassification.Action.COMMENT_TO_BODY
    assert_lossless(article)


@pytest.mark.django_db
def test_comment_header_lines_become_stripped_chrome(make_article, staff):
    article = make_article(THREADED)
    comment = article.thread.comments.get(author="oldtimer")

    restore_comment(article, comment.pk, user=staff)

    article.refresh_from_db()
    assert article.blocks.last().text.startswith("The mayor said the cost")
    header = article.stripped.get(source_line=17)
    assert (header.kind, header.text) == ("chrome", "Posted by oldtimer at 11:15 am")
    assert article.line_destinations[17:19] == ["chrome", "body"]
    assert_lossless(article)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        lambda a, u: _strip(a, PARAGRAPH_LINE, "related", u),
        lambda a, u: _restore(a, CREDIT_LINE, u),
        lambda a, u: _restore_comment(a, FIRST_COMMENT_LINE, u),
    ],
    ids=["block-to-stripped", "stripped-to-body", "comment-to-body"],
)
def test_undo_restores_the_exact_previous_state(article, staff, other_user, change):
    before = snapshot(article)
    done = change(article, staff)
    assert snapshot(article) != before

    undo_reclassification(article, done.record.pk, user=other_user)

    assert snapshot(article) == before
    done.record.refresh_from_db()
    assert done.record.undone_by == other_user and done.record.undone_at is not None
    assert not done.record.is_applied


@pytest.mark.django_db
def test_undo_with_header_lines_restores_the_threaded_comment(make_article, staff):
    article = make_article(THREADED)
    before = snapshot(article)
    done = restore_comment(article, article.thread.comments.get(author="kim_b").pk, user=staff)
    undo_reclassification(article, done.record.pk, user=staff)
    assert snapshot(article) == before


@pytest.mark.django_db
def test_only_the_latest_applied_change_can_be_undone(article, staff):
    before = snapshot(article)
    first = _strip(article, PARAGRAPH_LINE, "ad", staff)
    second = _restore(article, CREDIT_LINE, staff)

    with pytest.raises(ReclassifyError, match="latest"):
        undo_reclassification(article, first.record.pk, user=staff)
    undo_reclassification(article, second.record.pk, user=staff)
    with pytest.raises(ReclassifyError, match="already undone"):
        undo_reclassification(article, second.record.pk, user=staff)
    undo_reclassification(article, first.record.pk, user=staff)

    assert snapshot(article) == before
    assert article.reclassifications.applied().count() == 0


@pytest.mark.django_db
def test_a_stripped_then_restored_block_keeps_its_kind_and_place(article, staff):
    heading = block_at_line(article, PARAGRAPH_LINE)
    heading.kind = "heading"
    heading.save(update_fields=["kind"])
    before = snapshot(article)

    _strip(article, PARAGRAPH_LINE, "other", staff)
    _restore(article, PARAGRAPH_LINE, staff)

    assert snapshot(article) == before
    assert article.reclassifications.count() == 2


@pytest.mark.django_db
def test_highlights_follow_the_text_and_orphan_on_the_moved_block(article, staff, reader):
    moved_text = block_at_line(article, PARAGRAPH_LINE).text
    later = block_at_line(article, PARAGRAPH_LINE + 2)
    phrase = later.text[:40].rsplit(" ", 1)[0]
    start = later.start
    on_later, _ = create_annotation(
        user=reader, article=article, tag="claim", start=start, end=start + len(phrase)
    )
    gone = "mutual agreements that resemble a military alliance"
    start = article.canonical_text.index(gone)
    assert gone in moved_text
    on_moved, _ = create_annotation(
        user=reader, article=article, tag="quote", start=start, end=start + len(gone)
    )

    done = _strip(article, PARAGRAPH_LINE, "ad", staff)

    article.refresh_from_db()
    on_later.refresh_from_db()
    assert on_later.start == later.start - len(moved_text) - 2  # the block and its "\n\n"
    assert article.canonical_text[on_later.start : on_later.end] == phrase
    assert on_later.status == Annotation.Status.ANCHORED
    on_moved.refresh_from_db()  # kept, not deleted
    assert on_moved.status == Annotation.Status.ORPHANED
    assert on_moved.exact == gone
    assert done.reanchored["orphaned"] == 1

    undo_reclassification(article, done.record.pk, user=staff)
    on_moved.refresh_from_db()
    assert on_moved.status == Annotation.Status.ANCHORED
    assert (on_moved.start, on_moved.exact) == (start, gone)


@pytest.mark.django_db
def test_a_stale_block_id_is_refused_and_nothing_is_recorded(article, staff):
    block = block_at_line(article, PARAGRAPH_LINE)
    _strip(article, PARAGRAPH_LINE, "ad", staff)
    with pytest.raises(ReclassifyError, match="no longer in the body"):
        strip_block(article, block.pk, "ad", user=staff)
    with pytest.raises(ReclassifyError):
        strip_block(article, block_at_line(article, 6).pk, "title", user=staff)
    assert article.reclassifications.count() == 1


@pytest.mark.django_db
def test_reimport_of_a_changed_file_reapplies_changes_whose_text_remains(tmp_path, staff):
    page = tmp_path / "bikes.txt"
    page.write_text(THREADED)
    article = import_file(page, max_bytes=100_000).article
    kept = _strip(article, 6, "other", staff)  # "Construction will start ..."
    lost = _restore(article, 8, staff)  # "Advertisement"
    page.write_text(
        THREADED.replace("Advertisement\n", "Sponsored\n").replace("Tuesday", "Wednesday")
    )

    assert import_file(page, max_bytes=100_000).outcome == "updated"

    article = Article.objects.get(pk=article.pk)
    assert "Wednesday" in article.canonical_text
    assert "Construction will start" not in article.canonical_text
    assert article.stripped.get(source_line=6).kind == "other"
    kept.record.refresh_from_db()
    lost.record.refresh_from_db()
    assert kept.record.is_applied and kept.record.source_sha256 == article.sha256
    assert lost.record.superseded_at is not None
    assert_lossless(article)
    undo_reclassification(article, kept.record.pk, user=staff)
    article.refresh_from_db()
    assert "Construction will start" in article.canonical_text


@pytest.mark.django_db
def test_html_caption_is_restored_where_it_appears_in_the_page(html_article, staff):
    caption = html_article.stripped.get(kind="credit")
    headline, first = html_article.blocks.all()[:2]

    restore_segment(html_article, caption.pk, user=staff)

    html_article.refresh_from_db()
    texts = list(html_article.blocks.values_list("text", flat=True))
    assert texts[:3] == [headline.text, caption.text, first.text]
    assert html_article.line_destinations == []
    assert html_article.canonical_text == "\n\n".join(texts)


@pytest.mark.django_db
def test_html_block_moved_out_and_back_keeps_its_place(html_article, staff):
    before = snapshot(html_article)
    block = html_article.blocks.get(position=3)
    strip_block(html_article, block.pk, "chrome", user=staff)
    segment = html_article.stripped.get(text=block.text)
    restore_segment(html_article, segment.pk, user=staff)
    assert snapshot(html_article) == before


@pytest.mark.django_db
def test_html_comment_goes_to_the_end_and_undo_brings_it_back(html_article, staff):
    before = snapshot(html_article)
    comment = html_article.thread.comments.first()
    done = restore_comment(html_article, comment.pk, user=staff)
    html_article.refresh_from_db()
    assert html_article.canonical_text.endswith(comment.text)
    undo_reclassification(html_article, done.record.pk, user=staff)
    assert snapshot(html_article) == before


@pytest.mark.django_db
def test_html_segment_missing_from_the_page_is_refused(html_article, staff):
    segment = html_article.stripped.get(kind="credit")
    segment.text = "A caption that the page does not contain"
    segment.save(update_fields=["text"])
    with pytest.raises(ReclassifyError, match="place in the body is unknown"):
        restore_segment(html_article, segment.pk, user=staff)
