"""Constants and helpers shared by the browser tests (fixtures live in conftest.py)."""

import json
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts"
MAX_BYTES = 5_000_000

BLOCKING_IMPACTS = {"serious", "critical"}

# The sentence the acceptance check highlights in the seed article.
TARGET_SENTENCE = "More North Korean troops could be deployed in the war"

EMOJI_SENTENCE = "The committee approved the new budget on Tuesday morning."
EMOJI_ARTICLE = (
    "Emoji before the text, a test headline\n"
    "\n"
    f"Flags 🇺🇦 and faces 😀 and 𝕏 appear first. {EMOJI_SENTENCE}\n"
    "A second paragraph follows here with enough words to count as body text.\n"
)

# Counts htmx:afterSettle events for #reader. selection.js hides the toolbar, clears the selection
# and moves focus on afterSwap, which comes first: once the count goes up, the page is ready for
# the next action.
SETTLE_COUNTER = """
if (!window.__readerSettleHook) {
  window.__readerSettleHook = true;
  window.__readerSettled = 0;
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.elt?.id === "reader" || event.detail.target?.id === "reader") {
      window.__readerSettled += 1;
    }
  });
}
"""


def sign_in(page: Page, base_url: str, username: str, password: str) -> Page:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return page


@contextmanager
def reader_swap(page: Page, timeout: float = 5_000):
    """Wait until the action in the with-block has swapped #reader and htmx has settled it."""
    before = page.evaluate("() => window.__readerSettled")
    yield
    page.wait_for_function("n => window.__readerSettled > n", arg=before, timeout=timeout)


def mark_of(page: Page, annotation):
    return page.locator(f'#article-body mark[data-annotation-id="{annotation.pk}"]')


def serious_violations(page, axe_script) -> list[dict]:
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("() => axe.run()")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]],
        }
        for v in results["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]


def describe(violations: list[dict]) -> str:
    return "axe found serious/critical violations:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n  nodes: {json.dumps(v['targets'])}"
        for v in violations
    )
