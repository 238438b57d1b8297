import os
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from articles.importing import import_file

from .support import EMOJI_ARTICLE, MAX_BYTES, REPO_ROOT, SETTLE_COUNTER, sign_in

# Playwright's sync API keeps an event loop running in the test thread; Django's ORM calls in
# the same thread (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A fixed, roomy viewport and light colours: drags land where measured, screenshots repeat.
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 900},
        "color_scheme": "light",
        "reduced_motion": "reduce",
    }


@pytest.fixture
def logged_in_page(page, live_server, reader):
    return sign_in(page, live_server.url, "reader", "reader-pass")


@pytest.fixture
def emoji_article(db, tmp_path):
    path = tmp_path / "emoji-before-text.txt"
    path.write_text(EMOJI_ARTICLE, encoding="utf-8")
    return import_file(path, max_bytes=MAX_BYTES).article


@pytest.fixture
def open_article(live_server):
    def open_(page: Page, article) -> Page:
        page.add_init_script(SETTLE_COUNTER)  # survives reloads; guarded against doubling
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        expect(page.locator("#article-body")).to_be_visible()
        # selection.js is a module script: wait until it and htmx have run.
        page.wait_for_function("() => window.htmx && document.readyState === 'complete'")
        return page

    return open_


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's axe.min.js, fetched from the npm registry once by scripts/fetch-axe.sh."""
    script = REPO_ROOT / "scripts" / "fetch-axe.sh"
    result = subprocess.run([str(script)], capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        pytest.fail(f"{script} failed:\n{result.stderr}", pytrace=False)
    path = Path(result.stdout.strip().splitlines()[-1])
    assert path.is_file(), f"{script} printed {path}, which is not a file"
    return path
