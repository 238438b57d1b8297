import codecs

import pytest

from articles.ingest import IngestError, decode_source, parse_article


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t ", "empty"),
        (b"\x00\x01\x02binary\x00data" * 20, "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "binary"),
        (b"caf\x81 \x8d text", "not valid UTF-8 or Windows-1252"),
    ],
)
def test_refuses_bad_input_with_a_reason(data, reason):
    with pytest.raises(IngestError, match=reason):
        decode_source(data)


def test_refuses_files_over_the_size_limit():
    with pytest.raises(IngestError, match="over the 100-byte limit"):
        decode_source(b"x" * 101, max_bytes=100)


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("Café “quoted” — ok".encode(), "utf-8", "Café “quoted” — ok"),
        (codecs.BOM_UTF8 + b"Headline\nBody", "utf-8-sig", "Headline\nBody"),
        ("Caf\u00e9 \u201cquoted\u201d \u2014 ok".encode("cp1252"), "cp1252", "Café “quoted” — ok"),
        ("Headline\r\nBody 😀".encode("utf-16"), "utf-16", "Headline\r\nBody 😀"),
    ],
)
def test_detects_encoding_and_round_trips(data, encoding, text):
    decoded, found = decode_source(data)
    assert (decoded, found) == (text, encoding)
    assert decoded.encode(found) == data


def test_crlf_and_astral_characters_survive_the_parse_exactly():
    source = "A Headline About Things Today\r\n\r\nBody line one is here 😀 🇺🇦 𝕏 and it ends.\r\n"
    parsed = parse_article(source.encode(), name="crlf.txt")
    assert parsed.rebuild_source() == source
    assert parsed.blocks[0].text == "Body line one is here 😀 🇺🇦 𝕏 and it ends."


def test_a_page_that_is_only_a_headline():
    parsed = parse_article(b"Only A Headline Here", name="h.txt")
    assert parsed.title == "Only A Headline Here"
    assert parsed.blocks == ()
