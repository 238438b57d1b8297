"""`make bench-extraction`: how well the text importer labels each line, per fixture set.

For every scraped page with a hand-labelled expected parse: line accuracy (every non-blank line's
destination), body precision and recall per line (is what we keep as article text the article,
and is all of the article kept), and whether title and author are right. fixtures/pages is the
set the parser was tuned on; fixtures/holdout and holdout2 were written blind by other sessions,
so their figures are the honest ones.
"""

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.ingest import parse_article  # noqa: E402

SETS = ["pages", "holdout", "holdout2"]
SEED_FILES = {"seed_000": "000_5aeb8d7986c9f49e.txt", "seed_004": "004_9583635e57655564.txt"}


@dataclass
class Score:
    pages: int = 0
    lines: int = 0
    right: int = 0
    body_kept: int = 0  # lines we put in the body
    body_true: int = 0  # lines the labels put in the body
    body_both: int = 0
    titles: int = 0
    authors: int = 0

    def add(self, got: list[str], want: list[str], title_ok: bool, author_ok: bool) -> None:
        self.pages += 1
        self.lines += len(want)
        self.right += sum(g == w for g, w in zip(got, want, strict=True))
        self.body_kept += got.count("body")
        self.body_true += want.count("body")
        self.body_both += sum(g == w == "body" for g, w in zip(got, want, strict=True))
        self.titles += title_ok
        self.authors += author_ok

    def figures(self) -> dict:
        return {
            "pages": self.pages,
            "line_accuracy": round(self.right / self.lines, 3),
            "body_precision": round(self.body_both / max(1, self.body_kept), 3),
            "body_recall": round(self.body_both / max(1, self.body_true), 3),
            "titles_right": f"{self.titles}/{self.pages}",
            "authors_right": f"{self.authors}/{self.pages}",
        }


def cases(folder: Path):
    for expected in sorted(folder.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        source = ROOT / "fixtures" / "seeds" / SEED_FILES[stem] if stem in SEED_FILES else None
        source = source or folder / f"{stem}.txt"
        if source.exists():
            yield stem, source, json.loads(expected.read_text())


def score(folder: Path, *, verbose: bool) -> Score:
    total = Score()
    for stem, source, expected in cases(folder):
        parsed = parse_article(source.read_bytes(), name=source.name)
        got = [line.dest.value for line in parsed.lines if line.text.strip()]
        want = [dest for dest, _ in expected["lines"]]
        if len(got) != len(want):
            raise SystemExit(f"{source}: {len(got)} non-blank lines, labels have {len(want)}")
        title_ok = parsed.title == expected["title"]
        author_ok = (parsed.author or None) == expected["author"]
        total.add(got, want, title_ok, author_ok)
        if verbose:
            wrong = [(n, g, w) for n, (g, w) in enumerate(zip(got, want, strict=True)) if g != w]
            print(f"{stem}: {len(wrong)}/{len(want)} wrong; title {title_ok}, author {author_ok}")
            for n, g, w in wrong:
                print(f"    {w:>12} taken as {g:<12} {expected['lines'][n][1][:70]!r}")
    return total


def main() -> None:
    verbose = "-v" in sys.argv
    results = {}
    for name in SETS:
        folder = ROOT / "fixtures" / name
        if folder.is_dir():
            results[name] = score(folder, verbose=verbose).figures()
    width = max(map(len, results))
    columns = list(next(iter(results.values())))
    print(f"{'set':<{width}}  " + "  ".join(f"{c:>14}" for c in columns))
    for name, figures in results.items():
        print(f"{name:<{width}}  " + "  ".join(f"{figures[c]!s:>14}" for c in columns))
    (ROOT / "bench" / "extraction.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
