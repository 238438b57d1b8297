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
