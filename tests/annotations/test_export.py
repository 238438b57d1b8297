import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from annotations.export import neutralise
from annotations.models import Annotation

ODD_TEXTS = [
    'He said "no", then left, twice',
    "line one\nline two\r\nline three",
    "emoji 😀 🇺🇦 𝕏 and astral 𝄞",
    "مرحبا بالعالم — right-to-left עברית",
    "tab\tinside and trailing space ",
]
FORMULAS = ["=SUM(A1:A9)", "+33 1 23", "-2+3", "@cmd", "\tleading tab", "\rleading return"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", [*ODD_TEXTS, "", "plain", "'already quoted", "a=b"])
def test_other_cells_are_unchanged(cell):
    assert neutralise(cell) == cell


def export(client, fmt="csv", **params):
    response = client.get(f"/annotations/export/{fmt}/", params)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode("utf-8")


@pytest.mark.django_db
def test_csv_round_trips_odd_text_exactly(reader_client, make_annotation):
    for note in ODD_TEXTS + FORMULAS:
        make_annotation(note=note)
    response, body = export(reader_client)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body, newline="")))
    notes = [row["note"] for row in rows]
    assert notes[: len(ODD_TEXTS)] == ODD_TEXTS
    assert notes[len(ODD_TEXTS) :] == ["'" + f for f in FORMULAS]


@pytest.mark.django_db
def test_csv_has_the_contract_columns_and_iso_timestamps(reader_client, make_annotation, article):
    annotation = make_annotation(tag="quote")
    _, body = export(reader_client)
    row = next(csv.DictReader(io.StringIO(body, newline="")))
    expected = {
        "annotation_id": str(annotation.pk),
        "article_id": str(article.pk),
        "article_title": article.title,
        "article_url": "",
        "user": "reader",
        "tag": "quote",
        "quote": "More North Korean troops",
        "start": str(annotation.start),
        "end": str(annotation.end),
        "prefix": annotation.prefix,
        "suffix": annotation.suffix,
        "status": "anchored",
    }
    assert {k: row[k] for k in expected} == expected
    assert row["created_at"].endswith("+00:00") and "T" in row["created_at"]
    assert "updated_at" in row and "note" in row


@pytest.mark.django_db
def test_excel_variant_starts_with_a_bom(reader_client, make_annotation):
    make_annotation()
    _response, body = export(reader_client, "csv-excel")
    assert body.startswith("\ufeffannotation_id,")


@pytest.mark.django_db
def test_filename_names_scope_and_date(reader_client, make_annotation, article):
    make_annotation()
    response, _ = export(reader_client, article=article.pk, tag="claim")
    disposition = response["Content-Disposition"]
    assert disposition.startswith(
        f'attachment; filename="newsreader-annotations-article-{article.pk}-claim-'
    )
    assert disposition.endswith('.csv"')


@pytest.mark.django_db
def test_users_export_only_their_own(client, other_user, make_annotation):
    make_annotation(note="mine")
    make_annotation(note="theirs", user=other_user)
    client.force_login(other_user)
    _, body = export(client, everyone="on")  # not staff: the flag is ignored
    notes = [row["note"] for row in csv.DictReader(io.StringIO(body, newline=""))]
    assert notes == ["theirs"]


@pytest.mark.django_db
def test_staff_export_everyone_with_user_column(client, reader, other_user, make_annotation):
    make_annotation(note="mine")
    make_annotation(note="theirs", user=other_user)
    other_user.is_staff = True
    other_user.save()
    client.force_login(other_user)
    _, body = export(client, everyone="on")
    users = sorted(row["user"] for row in csv.DictReader(io.StringIO(body, newline="")))
    assert users == ["other", "reader"]


@pytest.mark.django_db
def test_export_covers_exactly_what_the_filters_show(reader_client, make_annotation):
    make_annotation("More North Korean troops", tag="claim", note="alpha")
    make_annotation("Chinese mercenaries", tag="quote", note="beta")
    page = reader_client.get("/annotations/", {"tag": "quote"}).text
    assert "Chinese mercenaries" in page and "More North Korean troops" not in page
    _, body = export(reader_client, tag="quote")
    assert [r["quote"] for r in csv.DictReader(io.StringIO(body, newline=""))] == [
        "Chinese mercenaries"
    ]
    _, body = export(reader_client, q="alph")
    assert [r["note"] for r in csv.DictReader(io.StringIO(body, newline=""))] == ["alpha"]
    _, body = export(reader_client, outlet="newsweek", since="2000-01-01", until="2999-01-01")
    assert len(list(csv.DictReader(io.StringIO(body, newline="")))) == 2
    _, body = export(reader_client, until="2000-01-01")
    assert list(csv.DictReader(io.StringIO(body, newline=""))) == []


@pytest.mark.django_db
def test_bad_filters_and_formats_are_refused(reader_client):
    assert reader_client.get("/annotations/export/csv/", {"since": "yesterday"}).status_code == 400
    assert reader_client.get("/annotations/export/xlsx/").status_code == 404


@pytest.mark.django_db
def test_jsonl_has_every_field(reader_client, make_annotation):
    make_annotation(note=ODD_TEXTS[1])
    _, body = export(reader_client, "jsonl")
    (row,) = [json.loads(line) for line in body.splitlines()]
    assert row["note"] == ODD_TEXTS[1]
    assert {"annotation_id", "article_identity", "prefix", "suffix", "status"} <= row.keys()


@pytest.mark.django_db
def test_w3c_collection_with_both_selectors_and_bodies(reader_client, make_annotation):
    annotation = make_annotation(tag="opinion", note="a note")
    _response, body = export(reader_client, "w3c")
    doc = json.loads(body)
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection"
    (item,) = doc["first"]["items"]
    assert item["type"] == "Annotation"
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == annotation.exact
    assert selectors["TextPositionSelector"] == {
        "type": "TextPositionSelector",
        "start": annotation.start,
        "end": annotation.end,
    }
    purposes = {b["purpose"]: b["value"] for b in item["body"]}
    assert purposes == {"tagging": "opinion", "commenting": "a note"}


@pytest.mark.django_db
def test_markdown_groups_quotes_by_tag(reader_client, make_annotation, article):
    make_annotation("More North Korean troops", tag="claim", note="check this")
    make_annotation("Chinese mercenaries", tag="quote")
    _, body = export(reader_client, "markdown")
    assert body.startswith(f"# {article.title}\n")
    assert (
        body.index("## Claims")
        < body.index("> More North Korean troops")
        < body.index("Note: check this")
        < body.index("## Quotes")
        < body.index("> Chinese mercenaries")
    )


def snapshot():
    return sorted(
        Annotation.objects.values_list(
            "user__username", "article_id", "tag", "note", "start", "end", "exact", "created_at"
        )
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["jsonl", "w3c"])
def test_export_then_empty_then_import_restores_everything(
    tmp_path, fmt, make_annotation, other_user
):
    make_annotation("More North Korean troops", tag="claim", note=ODD_TEXTS[3])
    make_annotation("Chinese mercenaries", tag="quote", user=other_user, note=FORMULAS[0])
    before = snapshot()
    path = tmp_path / f"export.{fmt}"
    call_command("export_annotations", "--format", fmt, "--output", str(path), stderr=io.StringIO())
    Annotation.objects.all().delete()
    out = io.StringIO()
    call_command("import_annotations", str(path), stdout=out)
    assert "2 created" in out.getvalue()
    assert snapshot() == before
    call_command("import_annotations", str(path), stdout=out)
    assert snapshot() == before  # a second run duplicates nothing


@pytest.mark.django_db
def test_import_reanchors_moved_quotes_and_orphans_lost_ones(tmp_path, make_annotation, article):
    make_annotation("Chinese mercenaries", tag="quote")
    make_annotation("More North Korean troops", tag="claim")
    path = tmp_path / "export.jsonl"
    call_command(
        "export_annotations", "--format", "jsonl", "--output", str(path), stderr=io.StringIO()
    )
    Annotation.objects.all().delete()
    article.canonical_text = "A new first paragraph.\n\n" + article.canonical_text.replace(
        "More North Korean troops", "Additional troops"
    )
    article.save(update_fields=["canonical_text"])
    call_command("import_annotations", str(path), stdout=io.StringIO())
    moved = Annotation.objects.get(tag="quote")
    assert article.canonical_text[moved.start : moved.end] == "Chinese mercenaries"
    assert Annotation.objects.get(tag="claim").status == Annotation.Status.ORPHANED


@pytest.mark.django_db
def test_import_refuses_files_that_are_not_exports(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json at all\n")
    with pytest.raises(CommandError, match="not JSON"):
        call_command("import_annotations", str(bad), stdout=io.StringIO())
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_annotations", str(tmp_path / "missing"), stdout=io.StringIO())


@pytest.mark.django_db
def test_export_command_filters_and_refuses_bad_input(tmp_path, make_annotation):
    make_annotation("More North Korean troops", tag="claim")
    make_annotation("Chinese mercenaries", tag="quote")
    out = tmp_path / "q.csv"
    err = io.StringIO()
    call_command(
        "export_annotations", "--tag", "quote", "--user", "reader", "--output", str(out), stderr=err
    )
    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert [r["quote"] for r in rows] == ["Chinese mercenaries"]
    assert "Exported 1 annotation." in err.getvalue()
    with pytest.raises(CommandError):
        call_command("export_annotations", "--since", "last week", stderr=io.StringIO())
    with pytest.raises(CommandError, match="No user"):
        call_command("export_annotations", "--user", "nobody", stderr=io.StringIO())
