from annotations.rendering import Span, render_block


def test_plain_block_is_escaped():
    assert render_block("<script>x</script> & co", 0, []) == (
        "&lt;script&gt;x&lt;/script&gt; &amp; co"
    )


def test_one_highlight_is_wrapped_in_a_mark():
    html = render_block("Hello brave world", 100, [Span(7, "claim", 106, 111)])
    assert html == (
        'Hello <mark data-annotation-id="7" data-tag="claim" class="hl hl-claim">brave</mark> world'
    )


def test_overlapping_highlights_nest_and_split():
    spans = [Span(1, "claim", 0, 9), Span(2, "quote", 6, 14)]
    html = render_block("abcdefghijklmn", 0, spans)
    assert html == (
        '<mark data-annotation-id="1" data-tag="claim" class="hl hl-claim">abcdef</mark>'
        '<mark data-annotation-id="1" data-tag="claim" class="hl hl-claim">'
        '<mark data-annotation-id="2" data-tag="quote" class="hl hl-quote">ghi</mark></mark>'
        '<mark data-annotation-id="2" data-tag="quote" class="hl hl-quote">jklmn</mark>'
    )


def test_highlight_across_blocks_renders_its_part_in_each():
    span = [Span(3, "opinion", 3, 12)]
    first, second = "abcdef", "ghijkl"  # second starts at 8 (6 + "\n\n")
    assert "def</mark>" in render_block(first, 0, span)
    assert render_block(second, 8, span).startswith(
        '<mark data-annotation-id="3" data-tag="opinion" class="hl hl-opinion">ghij</mark>'
    )


def test_offsets_count_code_points_not_utf16_units():
    text = "🇺🇦😀 𝕏 word"  # the flag is two code points (four UTF-16 units)
    html = render_block(text, 0, [Span(1, "quote", 6, 10)])
    assert '<mark data-annotation-id="1" data-tag="quote" class="hl hl-quote">word</mark>' in html


def test_text_inside_marks_is_escaped():
    html = render_block("a <b> c", 0, [Span(1, "claim", 2, 5)])
    assert "&lt;b&gt;</mark>" in html
    assert "<b>" not in html
