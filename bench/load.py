"""Simulated users creating, re-tagging and deleting highlights against a real server.

Each user is a thread with its own session (real login form, CSRF cookie). It remembers the
highlights the server confirmed, so the database can be checked against them afterwards.
"""

import http.cookiejar
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

_FOCUS = re.compile(rb'data-focus-id="(\d+)"')
_CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class UserResult:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    believed: set[int] = field(default_factory=set)


class SimulatedUser(threading.Thread):
    def __init__(self, base, username, password, article_id, text_length, deadline, seed, ready):
        super().__init__(daemon=True)
        self.ready = ready  # a barrier: everyone signs in before the clock starts
        self.base, self.username, self.password = base, username, password
        self.article_id, self.text_length, self.deadline = article_id, text_length, deadline
        self.rng = random.Random(seed)
        self.result = UserResult()
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def run(self):
        self._login()
        self.ready.wait()
        while time.monotonic() < self.deadline[0]:
            action = self.rng.random()
            if not self.result.believed or action < 0.5:
                self._create_highlight()
            elif action < 0.8:
                self._retag_highlight(self.rng.choice(sorted(self.result.believed)))
            else:
                self._delete_highlight(self.rng.choice(sorted(self.result.believed)))

    def _csrf(self) -> str:
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def _login(self):
        page = self.opener.open(f"{self.base}/accounts/login/").read()
        token = _CSRF.search(page).group(1).decode()
        data = {"username": self.username, "password": self.password, "csrfmiddlewaretoken": token}
        self.opener.open(f"{self.base}/accounts/login/", urllib.parse.urlencode(data).encode())

    def _post(self, path: str, data: dict) -> bytes | None:
        request = urllib.request.Request(
            f"{self.base}{path}",
            urllib.parse.urlencode(data).encode(),
            headers={"HX-Request": "true", "X-CSRFToken": self._csrf(), "Referer": self.base},
        )
        started = time.perf_counter()
        try:
            body = self.opener.open(request, timeout=30).read()
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            self.result.errors += 1
            return None
        self.result.latencies_ms.append((time.perf_counter() - started) * 1000)
        return body

    def _create_highlight(self):
        start = self.rng.randrange(0, max(1, self.text_length - 60))
        data = {
            "tag": self.rng.choice(["claim", "quote", "opinion"]),
            "start": start,
            "end": start + self.rng.randint(5, 60),
            "snap": "on",
        }
        body = self._post(f"/articles/{self.article_id}/annotations/", data)
        match = body and _FOCUS.search(body)
        if match:
            self.result.believed.add(int(match.group(1)))
        elif body is not None:
            self.result.errors += 1

    def _retag_highlight(self, pk: int):
        self._post(
            f"/annotations/{pk}/update/",
            {"tag": self.rng.choice(["claim", "quote", "opinion"]), "note": "bench"},
        )

    def _delete_highlight(self, pk: int):
        if self._post(f"/annotations/{pk}/delete/", {}) is not None:
            self.result.believed.discard(pk)
