"""`make bench-anchoring`: re-anchoring judged on generated edit cases with known answers.

Every case takes a paragraph of a real fixture article, highlights a span in it, edits the
text one way (the kinds below) and knows where the highlighted words now are, or that they
are gone. Each case is placed by annotations.anchoring.place, then the same cases go through
the database path (reanchor_article) to check that no annotation is ever lost.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotations.anchoring import (  # noqa: E402
    Anchor,
    Outcome,
    anchor_selection,
    context_around,
    place_anchor,
)
from articles.ingest import parse_article  # noqa: E402

BENCH_DB = "newsreader_bench_anchoring"
SUBSTITUTES = ["officials", "residents", "Thursday", "council", "report", "nearly", "agency"]


@dataclass(frozen=True)
class Case:
    kind: str
    old: str
    new: str
    start: int
    end: int
    expected: tuple[int, int] | None  # where the highlighted words are now; None: gone

    @property
    def anchor(self) -> Anchor:
        """The highlight as it was stored on the old text."""
        start, end = self.start, self.end
        return Anchor(start, end, self.old[start:end], *context_around(self.old, start, end))


def fixture_paragraph_sets() -> list[list[str]]:
    sets = []
    for path in sorted((ROOT / "fixtures").rglob("*.txt")) + sorted(
        (ROOT / "fixtures").rglob("*.html")
    ):
        parsed = parse_article(path.read_bytes(), name=path.name, max_bytes=5_000_000)
        paragraphs = [b.text for b in parsed.blocks]
        if len(paragraphs) >= 4:
            sets.append(paragraphs)
    return sets


def offset(paragraphs: list[str], index: int) -> int:
    return sum(len(p) + 2 for p in paragraphs[:index])


# Each edit takes (rng, paragraphs, index, local start, local end, donor paragraphs) and returns
# the new paragraphs and the highlight's new (index, local start, local end), or None if gone.
def insert_elsewhere(rng, paras, i, s, e, donor):
    at = rng.choice([j for j in range(len(paras) + 1) if j not in (i, i + 1)] or [0])
    new = [*paras[:at], rng.choice(donor), *paras[at:]]
    return new, (i + 1 if at <= i else i, s, e)


def delete_elsewhere(rng, paras, i, s, e, donor):
    j = rng.choice([j for j in range(len(paras)) if j != i])
    return paras[:j] + paras[j + 1 :], (i - 1 if j < i else i, s, e)


def edit_elsewhere(rng, paras, i, s, e, donor):
    j = rng.choice([j for j in range(len(paras)) if j != i])
    words = paras[j].split(" ")
    words[rng.randrange(len(words))] = rng.choice(SUBSTITUTES)
    return [*paras[:j], " ".join(words), *paras[j + 1 :]], (i, s, e)


def typo_inside(rng, paras, i, s, e, donor):
    p = paras[i]
    inner = [k for k in range(s + 1, e - 1) if p[k].isalpha()]
    if not inner:
        return None
    k = rng.choice(inner)
    action = rng.choice(["substitute", "delete", "insert", "swap"])
    if action == "substitute":
        letter = rng.choice([c for c in "etaoinshrdlu" if c != p[k].lower()])
        return _replace(paras, i, p[:k] + letter + p[k + 1 :]), (i, s, e)
    if action == "delete":
        return _replace(paras, i, p[:k] + p[k + 1 :]), (i, s, e - 1)
    if action == "insert":
        return _replace(paras, i, p[:k] + p[k] + p[k:]), (i, s, e + 1)
    if k + 1 >= e - 1 or p[k] == p[k + 1]:
        return None
    return _replace(paras, i, p[:k] + p[k + 1] + p[k] + p[k + 2 :]), (i, s, e)


def word_changed_inside(rng, paras, i, s, e, donor):
    p = paras[i]
    inner = [(m, m + len(w)) for m, w in _words(p[s:e], s)][1:-1]
    if not inner:
        return None
    ws, we = rng.choice(inner)
    word = rng.choice([w for w in SUBSTITUTES if w != p[ws:we]])
    delta = len(word) - (we - ws)
    return _replace(paras, i, p[:ws] + word + p[we:]), (i, s, e + delta)


def whitespace_changed(rng, paras, i, s, e, donor):
    p = paras[i]
    spaces = [k for k, ch in enumerate(p) if ch == " "]
    chosen = set(rng.sample(spaces, min(len(spaces), rng.randint(1, 5))))
    out, new_s, new_e = [], s, e
    for k, ch in enumerate(p):
        piece = rng.choice(["\n", "  ", "\u00a0", " \n"]) if k in chosen else ch
        grow = len(piece) - 1
        new_s += grow if k < s else 0
        new_e += grow if k < e else 0
        out.append(piece)
    return _replace(paras, i, "".join(out)), (i, new_s, new_e)


def passage_deleted(rng, paras, i, s, e, donor):
    return paras[:i] + paras[i + 1 :], None


def passage_rewritten(rng, paras, i, s, e, donor):
    p = paras[i]
    return _replace(paras, i, p[:s] + rng.choice(donor) + p[e:]), None


def quote_repeated_elsewhere(rng, paras, i, s, e, donor):
    quote = paras[i][s:e]
    at = rng.choice([j for j in range(len(paras) + 1) if j not in (i, i + 1)] or [0])
    repeat = f"As one reader put it, {quote}, and nobody disagreed."
    new = [*paras[:at], repeat, *paras[at:]]
    return new, (i + 1 if at <= i else i, s, e)


def paragraph_moved(rng, paras, i, s, e, donor):
    rest = paras[:i] + paras[i + 1 :]
    at = rng.choice([j for j in range(len(rest) + 1) if j != i])
    return [*rest[:at], paras[i], *rest[at:]], (at, s, e)


def inserted_and_typo(rng, paras, i, s, e, donor):
    first = typo_inside(rng, paras, i, s, e, donor)
    if first is None:
        return None
    paras, (i, s, e) = first
    return insert_elsewhere(rng, paras, i, s, e, donor)


EDITS = {
    "text inserted elsewhere": insert_elsewhere,
    "text deleted elsewhere": delete_elsewhere,
    "word changed elsewhere": edit_elsewhere,
    "typo fixed inside": typo_inside,
    "word changed inside": word_changed_inside,
    "whitespace changed": whitespace_changed,
    "passage deleted": passage_deleted,
    "passage rewritten": passage_rewritten,
    "quote repeated elsewhere": quote_repeated_elsewhere,
    "paragraph moved": paragraph_moved,
    "typo fixed and text inserted": inserted_and_typo,
}
GONE = {"passage deleted", "passage rewritten"}


def _replace(paras: list[str], i: int, text: str) -> list[str]:
    return [*paras[:i], text, *paras[i + 1 :]]


def _words(text: str, base: int):
    position = 0
    for word in text.split(" "):
        if word:
            yield base + position, word
        position += len(word) + 1


@cache
def _shingle_set(text: str) -> frozenset[str]:
    words = text.split()
    return frozenset(" ".join(words[k : k + 5]) for k in range(max(1, len(words) - 4)))


def _shingles(paragraphs: list[str]) -> frozenset[str]:
    """Five-word runs: a donor story sharing none is a different story (some fixtures are
    the same story as text and as HTML)."""
    return _shingle_set("\n".join(paragraphs))


def make_case(rng: random.Random, paragraph_sets: list[list[str]], kind: str) -> Case | None:
    paras = rng.choice(paragraph_sets)
    donor = rng.choice([p for p in paragraph_sets if not _shingles(p) & _shingles(paras)])
    i = rng.randrange(len(paras))
    words = list(_words(paras[i], 0))
    if len(words) < 3:
        return None
    length = rng.choice([1, 2, 3, 5, 8, 12, 20, 30])
    first = rng.randrange(len(words))
    last = min(len(words) - 1, first + length - 1)
    s, e = words[first][0], words[last][0] + len(words[last][1])
    anchor = anchor_selection(paras[i], s, e)
    if anchor is None:
        return None
    s, e = anchor.start, anchor.end
    edited = EDITS[kind](rng, paras, i, s, e, donor)
    if edited is None:
        return None
    new_paras, where = edited
    old, new = "\n\n".join(paras), "\n\n".join(new_paras)
    base = offset(paras, i)
    expected = None
    if where is not None:
        j, ns, ne = where
        at = offset(new_paras, j)
        expected = (at + ns, at + ne)
    elif anchor.exact in new:
        return None  # the words still occur elsewhere: "gone" would not be the truth
    return Case(kind, old, new, base + s, base + e, expected)


def generate(sets: list[list[str]], count: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    kinds = list(EDITS)
    cases: list[Case] = []
    while len(cases) < count:
        case = make_case(rng, sets, kinds[len(cases) % len(kinds)])
        if case is not None:
            cases.append(case)
    return cases


def judge(case: Case, outcome: Outcome, start: int, end: int) -> str:
    """right / wrong words / needless orphan / right orphan."""
    if case.expected is None:
        return "right orphan" if outcome is Outcome.ORPHANED else "wrong words"
    if outcome is Outcome.ORPHANED:
        return "needless orphan"
    es, ee = case.expected
    overlap = max(0, min(end, ee) - max(start, es))
    union = max(end, ee) - min(start, es)
    return "right" if overlap / union >= 0.5 else "wrong words"


def evaluate(cases: list[Case]) -> tuple[list[tuple[Outcome, str]], list[float]]:
    results, timings = [], []
    for case in cases:
        anchor = case.anchor
        began = time.perf_counter()
        placement = place_anchor(case.new, anchor)
        timings.append((time.perf_counter() - began) * 1000)
        results.append(
            (placement.outcome, judge(case, placement.outcome, placement.start, placement.end))
        )
    return results, timings


def database_check(cases: list[Case], outcomes: list[Outcome]) -> dict:
    """The same cases through reanchor_article on real rows: nothing lost, same outcomes."""
    from django.contrib.auth import get_user_model

    from annotations.anchoring import reanchor_article
    from annotations.models import Annotation
    from articles.models import Article

    user = get_user_model().objects.create_user("anchoring-bench")
    articles = Article.objects.bulk_create(
        Article(
            identity=f"case-{n}",
            title=f"Case {n}",
            source_name=f"case-{n}.txt",
            source_format="text",
            raw_source=case.old,
            encoding="utf-8",
            sha256="0" * 64,
            canonical_text=case.old,
        )
        for n, case in enumerate(cases)
    )
    Annotation.objects.bulk_create(
        Annotation(
            user=user,
            article=article,
            tag="claim",
            original_exact=case.anchor.exact,
            **asdict(case.anchor),
        )
        for article, case in zip(articles, cases, strict=True)
    )
    before = Annotation.objects.count()
    disagreements = 0
    began = time.perf_counter()
    for article, case, outcome in zip(articles, cases, outcomes, strict=True):
        article.canonical_text = case.new
        article.save(update_fields=["canonical_text"])
        counts = reanchor_article(article)
        disagreements += counts[str(outcome)] != 1
    seconds = time.perf_counter() - began
    return {
        "db_annotations_before": before,
        "db_annotations_after": Annotation.objects.count(),
        "db_outcome_disagreements": disagreements,
        "db_seconds": round(seconds, 2),
    }


def long_article_timing(paragraph_sets: list[list[str]], highlights: int = 500) -> dict:
    """Hundreds of highlights on a long article: a paragraph added at the top (every highlight
    moves), and a typo in every highlight (every one needs a fuzzy match)."""
    rng = random.Random(3)
    paras = [p for group in paragraph_sets for p in group if len(p) > 80]
    text = "\n\n".join(paras)
    starts = sorted(
        rng.sample([k for k in range(1, len(text) - 60) if text[k - 1] == " "], highlights)
    )
    anchors = [a for a in (anchor_selection(text, k, k + 40) for k in starts) if a]
    timings = {}
    shifted = "A new first paragraph was added by the editors.\n\n" + text
    chars = list(text)
    for a in anchors:
        middle = (a.start + a.end) // 2
        if chars[middle].isalpha():
            chars[middle] = "x" if chars[middle] != "x" else "y"
    typos = "".join(chars)
    for label, new in (("shifted", shifted), ("typo_in_each", typos)):
        began = time.perf_counter()
        for a in anchors:
            place_anchor(new, a)
        timings[f"long_article_{label}_ms"] = round((time.perf_counter() - began) * 1000, 1)
    timings["long_article_chars"] = len(text)
    timings["long_article_highlights"] = len(anchors)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1100)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    sets = fixture_paragraph_sets()
    cases = generate(sets, args.cases, args.seed)
    results, timings = evaluate(cases)
    table: dict[str, Counter] = {}
    for case, (outcome, verdict) in zip(cases, results, strict=True):
        table.setdefault(case.kind, Counter())[outcome] += 1
        table[case.kind][verdict] += 1
    totals = Counter(o for o, _ in results)
    verdicts = Counter((o, v) for o, v in results)
    report = {
        "cases": len(cases),
        **{str(o): totals[o] for o in Outcome},
        "wrong_words_exact_or_moved": verdicts[(Outcome.KEPT, "wrong words")]
        + verdicts[(Outcome.MOVED, "wrong words")],
        "wrong_words_fuzzy": verdicts[(Outcome.FUZZY, "wrong words")],
        "wrong_words_needs_review": verdicts[(Outcome.NEEDS_REVIEW, "wrong words")],
        "needless_orphans": sum(n for (_, v), n in verdicts.items() if v == "needless orphan"),
        "place_p50_ms": round(statistics.median(timings), 3),
        "place_max_ms": round(max(timings), 2),
    }
    report |= long_article_timing(sets)
    report |= with_database(cases, [o for o, _ in results])
    print_table(table)
    width = max(map(len, report))
    print("\n".join(f"{key:<{width}}  {value}" for key, value in report.items()))
    (ROOT / "bench" / "anchoring.json").write_text(json.dumps(report, indent=2) + "\n")


def with_database(cases: list[Case], outcomes: list[Outcome]) -> dict:
    from bench.run import bench_environment, recreate_database

    env = bench_environment(BENCH_DB)
    os.environ.update(env)
    recreate_database(env["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return database_check(cases, outcomes)


def print_table(table: dict[str, Counter]) -> None:
    columns = [str(o) for o in Outcome] + ["right", "wrong words", "needless orphan"]
    print(f"{'edit':<30}" + "".join(f"{c:>16}" for c in columns))
    for kind, counts in table.items():
        cells = [
            counts[Outcome(c)] if c in Outcome._value2member_map_ else counts[c] for c in columns
        ]
        right = counts["right"] + counts["right orphan"]
        cells[len(Outcome)] = right
        print(f"{kind:<30}" + "".join(f"{n:>16}" for n in cells))


if __name__ == "__main__":
    main()
