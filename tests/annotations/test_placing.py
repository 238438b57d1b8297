"""Placing a highlight in changed text: examples, then properties over generated edits."""

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotations.anchoring import (
    CONTEXT_LENGTH,
    Outcome,
    anchor_selection,
    apply_placement,
    place_anchor,
)
from annotations.models import Annotation

TEXT = (
    "The minister said on Tuesday that the budget would be balanced by 2027. "
    "Critics disagreed strongly. The opposition called the plan unrealistic and said "
    "it relied on optimistic growth forecasts."
)
PHRASE = "the budget would be balanced by 2027"


def placed(new_text: str, old_text: str = TEXT, phrase: str = PHRASE, occurrence: int = 0):
    start = [m.start() for m in re.finditer(re.escape(phrase), old_text)][occurrence]
    anchor = anchor_selection(old_text, start, start + len(phrase), snap=False)
    return place_and_read(new_text, anchor)


def place_and_read(text, anchor):
    placement = place_anchor(text, anchor)
    return placement, text[placement.start : placement.end]


def test_unchanged_text_keeps_the_position():
    placement, words = placed(TEXT)
    assert placement.outcome is Outcome.KEPT and words == PHRASE


def test_text_added_before_moves_it_exactly():
    placement, words = placed("UPDATED: new details below. " + TEXT)
    assert placement.outcome is Outcome.MOVED and words == PHRASE


def test_rewrapped_text_moves_it_with_its_new_spacing():
    placement, words = placed(TEXT.replace("would be", "would\n  be"))
    assert placement.outcome is Outcome.MOVED and words == "the budget would\n  be balanced by 2027"


def test_a_typo_fixed_inside_attaches_by_fuzzy_match():
    old = TEXT.replace("budget", "budgte")
    placement, words = placed(TEXT, old_text=old, phrase="the budgte would be balanced by 2027")
    assert placement.outcome is Outcome.FUZZY and words == PHRASE


def test_a_changed_number_is_never_attached_without_review():
    placement, words = placed(TEXT.replace("2027", "2029"))
    assert placement.outcome is Outcome.NEEDS_REVIEW
    assert words == "the budget would be balanced by 2029"


def test_a_heavy_rewrite_asks_for_review():
    new = TEXT.replace(PHRASE, "the budget should be balanced within two years")
    placement, words = placed(new)
    assert placement.outcome is Outcome.NEEDS_REVIEW
    assert words.startswith("the budget should be balanced")


def test_a_deleted_passage_orphans_it_at_its_old_place():
    new = TEXT.replace("that " + PHRASE, "nothing of note")
    placement, _ = placed(new)
    assert placement.outcome is Outcome.ORPHANED
    assert placement.start == TEXT.index(PHRASE)


def test_two_equally_good_fuzzy_places_orphan_it():
    old = "Alpha. The price of bread rose sharply. Beta. The price of bread rose sharply. Gamma."
    new = old.replace("rose sharply", "rose sharpy")
    placement, _ = placed(new, old_text=old, phrase="The price of bread rose sharply", occurrence=1)
    # Context still tells the second occurrence from the first here.
    assert placement.start == new.rindex("The price")
    bare_old = "The price of bread rose sharply"
    bare_new = "The price of bread rose sharpy and The price of bread rose sharpy"
    placement, _ = placed(bare_new, old_text=bare_old, phrase=bare_old)
    assert placement.outcome is Outcome.ORPHANED


def test_placing_keeps_the_quote_equal_to_the_text_unless_flagged():
    old = TEXT.replace("budget", "budgte")
    annotation = Annotation(start=0, end=1, exact="x", prefix="", suffix="")
    for new in (TEXT, TEXT.replace("2027", "2031"), "Something else entirely."):
        start = old.index("the budgte")
        anchor = anchor_selection(old, start, start + 36, snap=False)
        annotation.start, annotation.end = anchor.start, anchor.end
        annotation.exact, annotation.prefix, annotation.suffix = (
            anchor.exact,
            anchor.prefix,
            anchor.suffix,
        )
        placement = place_anchor(new, anchor)
        apply_placement(annotation, placement, new)
        if annotation.status == Annotation.Status.ANCHORED:
            assert new[annotation.start : annotation.end] == annotation.exact
        else:
            assert annotation.exact == anchor.exact  # the quote is kept for review or retry


# Properties over generated prose: sentences of real words, so that text repeats the way
# articles do (common words) without being degenerate.
WORDS = " ".join(
    [
        "the a of to and in that said minister budget court police report city council vote",
        "officials year week percent million election president government plan people water",
        "school health north south border troops war peace deal talks market price rose fell",
        "Tuesday Friday statement according agency reporters residents protest letter mayor",
    ]
).split()
sentences = st.lists(st.sampled_from(WORDS), min_size=4, max_size=14).map(
    lambda words: " ".join(words).capitalize() + "."
)
articles = st.lists(sentences, min_size=4, max_size=30).map(" ".join)


@st.composite
def highlighted(draw, min_length=1):
    text = draw(articles)
    starts = [m.start() for m in re.finditer(r"\b\w", text)]
    start = draw(st.sampled_from(starts))
    ends = [m.end() for m in re.finditer(r"\w\b", text) if m.end() - start >= min_length]
    assume(ends)
    end = draw(st.sampled_from(ends[:12]))
    return text, anchor_selection(text, start, end, snap=False)


def indistinguishable(text: str, a: int, b: int, anchor) -> bool:
    """Two places the stored anchor cannot tell apart: the same quote inside the same stored
    prefix and suffix (a text that repeats a whole sentence, say)."""

    def around(i):
        return text[max(0, i - len(anchor.prefix)) : i + len(anchor.exact) + len(anchor.suffix)]

    return around(a) == around(b)


@settings(max_examples=200, deadline=None)
@given(highlighted(), sentences, st.booleans(), st.integers(0, 10_000))
def test_edits_away_from_a_highlight_keep_it_exactly(case, sentence, before, pick):
    text, anchor = case
    reach = CONTEXT_LENGTH + 1
    if before:
        spots = [m.start() for m in re.finditer(r"(?<=\. )", text[: max(0, anchor.start - reach)])]
    else:
        tail_from = anchor.end + reach
        spots = [tail_from + m.start() for m in re.finditer(r"(?<=\. )", text[tail_from:])]
    assume(spots)
    spot = spots[pick % len(spots)]
    new = text[:spot] + sentence + " " + text[spot:]
    shift = len(sentence) + 1 if spot <= anchor.start else 0
    placement, words = place_and_read(new, anchor)
    assert placement.outcome in (Outcome.KEPT, Outcome.MOVED)
    assert words == anchor.exact
    expected = anchor.start + shift
    assert placement.start == expected or indistinguishable(new, placement.start, expected, anchor)


@settings(max_examples=200, deadline=None)
@given(highlighted(min_length=25), st.integers(0, 10_000), st.sampled_from("xqzjkv"))
def test_a_typo_fixed_inside_a_highlight_keeps_it_by_fuzzy_match(case, pick, letter):
    text, anchor = case
    inner = [i for i in range(anchor.start + 3, anchor.end - 3) if text[i].isalpha()]
    assume(inner)
    i = inner[pick % len(inner)]
    assume(text[i].lower() != letter)
    typo_text = text[:i] + letter + text[i + 1 :]
    typo_anchor = anchor_selection(typo_text, anchor.start, anchor.end, snap=False)
    assume(typo_text.count(typo_anchor.exact) == 1 and text.count(anchor.exact) == 1)
    # "the the the the" has no one right place for a fuzzy match; prose does.
    assume(len(set(anchor.exact.lower().split())) >= 3)
    placement, _ = place_and_read(text, typo_anchor)  # the fix restores `text`
    assert placement.outcome is Outcome.FUZZY
    assert (placement.start, placement.end) == (anchor.start, anchor.end)


@settings(max_examples=200, deadline=None)
@given(articles, sentences, st.integers(0, 10_000))
def test_deleting_the_passage_orphans_the_highlight(text, sentence, pick):
    marker = sentence.replace(".", " underwater volcano erupts.")
    spots = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    spot = spots[pick % len(spots)]
    old = text[:spot] + marker + " " + text[spot:]
    start = old.index("underwater")
    anchor = anchor_selection(old, start, start + len("underwater volcano erupts"))
    placement, _ = place_and_read(text, anchor)
    assert placement.outcome is Outcome.ORPHANED


@settings(max_examples=200, deadline=None)
@given(highlighted(min_length=8), st.data())
def test_whitespace_only_changes_never_orphan(case, data):
    text, anchor = case
    spaces = [m.start() for m in re.finditer(" ", text)]
    chosen = data.draw(st.sets(st.sampled_from(spaces), max_size=8)) if spaces else set()
    replacement = data.draw(st.sampled_from(["\n", "  ", "\u00a0", " \n ", "\t"]))
    new = "".join(replacement if i in chosen else ch for i, ch in enumerate(text))
    placement, words = place_and_read(new, anchor)
    assert placement.outcome in (Outcome.KEPT, Outcome.MOVED)
    assert re.sub(r"\s", "", words) == re.sub(r"\s", "", anchor.exact)


@settings(max_examples=200, deadline=None)
@given(articles, sentences, st.integers(0, 10_000))
def test_a_repeated_phrase_re_anchors_to_its_own_occurrence(text, sentence, pick):
    phrase = "prices will rise again"
    old = f"First, {phrase} in spring. {text} Later, officials warned {phrase} in autumn."
    second = old.rindex(phrase)
    anchor = anchor_selection(old, second, second + len(phrase))
    spots = [m.end() for m in re.finditer(r"\. ", old)]
    spot = spots[pick % len(spots)]
    assume(spot < second - CONTEXT_LENGTH)
    new = old[:spot] + sentence + " " + old[spot:]
    placement, words = place_and_read(new, anchor)
    assert words == phrase and placement.start == new.rindex(phrase)
