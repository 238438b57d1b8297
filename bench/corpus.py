"""A seeded, realistic corpus of scraped pages in the seeds' plain-text format."""

import random
from pathlib import Path

WORDS = [
    "government",
    "officials",
    "said",
    "the",
    "minister",
    "council",
    "report",
    "plan",
    "budget",
    "city",
    "residents",
    "union",
    "workers",
    "company",
    "police",
    "court",
    "judge",
    "election",
    "voters",
    "campaign",
    "war",
    "troops",
    "border",
    "talks",
    "agreement",
    "prices",
    "market",
    "energy",
    "climate",
    "water",
    "school",
    "hospital",
    "health",
    "patients",
    "week",
    "Tuesday",
    "Wednesday",
    "spokesperson",
    "statement",
    "according",
    "investigation",
    "data",
    "percent",
    "million",
    "billion",
    "years",
    "since",
    "former",
    "senior",
    "local",
    "national",
    "international",
    "agency",
]
OUTLETS = ["Newsweek", "Daily Planet", "Reuters", "The Ledger", "Valley Sentinel", "PJ Media"]
ADS = ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Recommended"]
NAMES = ["Maya Mehrara", "Tom Hale", "Ana Ruiz", "Lee Park", "Sam Ochieng", "Jo Brandt"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng, rng.randint(8, 22)) for _ in range(rng.randint(1, 4)))


def page(rng: random.Random, n: int) -> str:
    outlet = rng.choice(OUTLETS)
    title = sentence(rng, rng.randint(6, 12)).rstrip(".").title()
    lines = [f"{title} {n} - {outlet}", f"By: {rng.choice(NAMES)} ({outlet})"]
    if rng.random() < 0.5:
        lines.append(f"{rng.choice(NAMES)}/Associated Press")
    for _ in range(rng.randint(3, 30)):
        lines.append(paragraph(rng))
        if rng.random() < 0.2:
            lines.append(rng.choice(ADS))
        if rng.random() < 0.05:
            lines.append(f"Related: {sentence(rng, 7).rstrip('.')}")
    if rng.random() < 0.4:
        lines.append("Comments may be removed at the discretion of the moderators.")
        for _ in range(rng.randint(1, 25)):
            lines.append("[✘]" if rng.random() < 0.05 else sentence(rng, rng.randint(3, 30)))
    separator = "\n\n" if rng.random() < 0.5 else "\n"
    return separator.join(lines) + "\n"


def write_corpus(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:05d}.txt"
        path.write_text(page(rng, n), encoding="utf-8")
        paths.append(path)
    return paths
