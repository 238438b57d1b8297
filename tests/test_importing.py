import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.importing import import_article
from articles.ingest.files import load_file
from articles.models import Article, Block, Comment, CommentThread, StrippedSegment

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
NEWSWEEK = "004_9583635e57655564.txt"


def run_import(*paths, **options):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_articles", *map(str, paths), stdout=out, stderr=err, **options)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def pages(tmp_path):
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    return tmp_path


@pytest.mark.django_db
def test_imports_a_folder_with_parts_and_summary(pages):
    code, out, _ = run_import(pages)
    assert code == 0
    assert "imported   2 articles" in out
    article = Article.objects.get(identity=NEWSWEEK)
    assert article.outlet == "Newsweek"
    assert article.thread.comments.count() == 10
    assert article.thread.comments.filter(removed=True).count() == 1
    assert article.canonical_text == "\n\n".join(b.text for b in article.blocks.all())
    assert article.stripped.filter(kind="credit").exists()


@pytest.mark.django_db
def test_block_offsets_point_into_the_canonical_text(pages):
    run_import(pages / NEWSWEEK)
    article = Article.objects.get()
    for block in article.blocks.all():
        assert article.canonical_text[block.start : block.end] == block.text


@pytest.mark.django_db
def test_stored_source_and_destinations_rebuild_the_file(pages):
    run_import(pages)
    for article in Article.objects.all():
        original = (pages / article.source_name).read_bytes()
        assert article.raw_source.encode(article.encoding) == original
        lines = article.source_lines()
        assert all(dest == "blank" for dest, text in lines if not text.strip())
        assert all(dest != "blank" for dest, text in lines if text.strip())


@pytest.mark.django_db
def test_identical_reimport_is_a_no_op(pages):
    run_import(pages)
    before = Article.objects.get(identity=NEWSWEEK).updated_at
    code, out, _ = run_import(pages)
    assert (code, out.strip()) == (0, "unchanged  2 articles")
    assert Article.objects.get(identity=NEWSWEEK).updated_at == before
    assert Block.objects.count() and Comment.objects.filter(thread__article__identity=NEWSWEEK)


@pytest.mark.django_db
def test_changed_file_updates_the_same_article(pages):
    run_import(pages / NEWSWEEK)
    path = pages / NEWSWEEK
    path.write_text(path.read_text().replace("13,000 containers", "14,000 containers"))
    code, out, _ = run_import(path)
    assert (code, out.strip()) == (0, "updated    1 article")
    article = Article.objects.get()
    assert "14,000 containers" in article.canonical_text
    assert CommentThread.objects.count() == 1
    assert Comment.objects.count() == 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b"\x00\xff\x00binary", "file looks binary"),
        (b"\x81\x8d\x8f\x90 not text", "file is not valid UTF-8 or Windows-1252"),
    ],
)
def test_bad_files_fail_with_a_reason_and_import_nothing(pages, content, reason):
    bad = pages / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run_import(bad)
    assert code == 1
    assert f"bad.txt: {reason}" in err
    assert "failed     1 file" in out
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_oversized_and_missing_files_fail_while_others_import(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"Big Headline Here\n" + b"word " * 400)
    (tmp_path / "small.txt").write_text("Small Headline Here\n\nA short body that ends here.\n")
    code, out, err = run_import(
        tmp_path / "big.txt", tmp_path / "small.txt", tmp_path / "nope.txt", max_bytes=1000
    )
    assert code == 1
    assert "big.txt: file is 2,018 bytes, over the 1,000-byte limit" in err
    assert "nope.txt: no such file" in err
    assert "imported   1 article" in out
    assert "failed     2 files" in out
    assert list(Article.objects.values_list("identity", flat=True)) == ["small.txt"]


@pytest.mark.django_db
def test_glob_patterns_select_files(pages):
    code, _out, _ = run_import(pages / "004_*.txt")
    assert code == 0
    assert list(Article.objects.values_list("identity", flat=True)) == [NEWSWEEK]


@pytest.mark.django_db
def test_progress_bar_for_many_files(tmp_path):
    for i in range(25):
        (tmp_path / f"page{i:02}.txt").write_text(
            f"Headline Number {i} Is Here\n\nThe body of article {i} is one sentence long enough.\n"
        )
    code, out, err = run_import(tmp_path)
    assert code == 0
    assert "25/25" in err
    assert "imported   25 articles" in out


def test_parse_article_json_has_the_contract_keys():
    out = io.StringIO()
    call_command("parse_article", str(SEEDS / NEWSWEEK), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert {"title", "byline", "outlet", "body", "ads", "comments", "lines"} <= data.keys()
    assert data["outlet"] == "Newsweek"
    assert len(data["comments"]) == 10
    assert "Advertisement" not in data["body"]
    assert len(data["lines"]) == len((SEEDS / NEWSWEEK).read_text().splitlines())


def test_parse_article_refuses_a_missing_file():
    with pytest.raises(CommandError, match="no such file"):
        call_command("parse_article", "/nonexistent.txt", "--json", stdout=io.StringIO())


@pytest.mark.django_db
def test_parse_article_touches_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        call_command("parse_article", str(SEEDS / NEWSWEEK), "--json", stdout=io.StringIO())


@pytest.mark.django_db
def test_stripped_segments_keep_source_positions(pages):
    run_import(pages / "000_5aeb8d7986c9f49e.txt")
    ads = StrippedSegment.objects.filter(kind="ad").values_list("source_line", flat=True)
    assert list(ads) == [6, 24, 36, 42, 44, 48, 49]


@pytest.mark.django_db
def test_parallel_parsing_gives_the_same_articles_and_failures(tmp_path):
    for i in range(24):
        (tmp_path / f"page{i:02}.txt").write_text(
            f"Headline Number {i} Is Here\n\nAdvertisement\n\nThe body of article {i} is here.\n"
        )
    (tmp_path / "page99.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    code, out, err = run_import(tmp_path, jobs=2)
    assert code == 1
    assert "page99.txt" in err and "binary" in err
    assert "imported   24 articles" in out
    parallel = list(Article.objects.order_by("identity").values_list("identity", "canonical_text"))
    Article.objects.all().delete()
    run_import(tmp_path, jobs=1)
    serial = list(Article.objects.order_by("identity").values_list("identity", "canonical_text"))
    assert parallel == serial and len(serial) == 24
    assert all("Advertisement" not in text for _, text in serial)


FIXTURE_PAGES = sorted(
    path
    for folder in ("pages", "holdout", "holdout2", "seeds")
    for path in (SEEDS.parent / folder).iterdir()
    if path.suffix in {".txt", ".html"}
)


@pytest.mark.django_db
@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda path: path.name)
def test_stored_rows_are_exactly_the_parse(path):
    parsed, data = load_file(path, max_bytes=10_000_000)
    article = import_article(parsed, raw_bytes=data).article

    blocks = [(b.kind, b.text, b.source_line) for b in article.blocks.all()]
    assert blocks == [(b.kind.value, b.text, b.line) for b in parsed.blocks]
    stripped = [(s.kind, s.text, s.source_line) for s in article.stripped.all()]
    assert stripped == [(s.kind.value, s.text, s.line) for s in parsed.stripped]
    comments = Comment.objects.filter(thread__article=article)
    stored = [
        (c.text, c.author, c.meta, c.removed, c.partially_removed, c.source_lines) for c in comments
    ]
    assert stored == [
        (c.text, c.author, list(c.meta), c.removed, c.partially_removed, list(c.lines))
        for c in parsed.thread.comments
    ]
