"""Locust users of the load test: clerks, supervisors, the public and uploads.

Run by ``bench.load.run`` (``make loadtest``), which builds the data, starts gunicorn and the
task worker, and passes the manifest's path in ``GONGKAI_LOAD_MANIFEST``. Each application a
clerk registers is written to ``GONGKAI_LOAD_REGISTERED`` (one JSON line each) so the run can
check afterwards that every one of them is in the database. The run stops by itself after
``GONGKAI_LOAD_DURATION`` seconds of measuring or after ``GONGKAI_LOAD_MAX_REQUESTS`` requests,
whichever comes first (``--run-time`` bounds the whole, logins included).

Timings start once every staff user has logged in: each login hashes the password on purpose
(PBKDF2, about a second of CPU), and while 60 people log in within seconds the machine does
little else — that is a login storm, not the steady work the figures are about. The moment,
and how long logging in took, is written to ``GONGKAI_LOAD_MEASURED``; failures are written to
``GONGKAI_LOAD_FAILURES`` for the whole run, login phase included.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import re
import time
from pathlib import Path
from typing import Any

import gevent
from locust import HttpUser, between, events, task

MANIFEST = json.loads(Path(os.environ["GONGKAI_LOAD_MANIFEST"]).read_text(encoding="utf-8"))
REGISTERED = Path(os.environ["GONGKAI_LOAD_REGISTERED"])
FAILURES = Path(os.environ["GONGKAI_LOAD_FAILURES"])
MEASURED = Path(os.environ["GONGKAI_LOAD_MEASURED"])
DURATION = float(os.environ.get("GONGKAI_LOAD_DURATION", "300"))
MAX_REQUESTS = int(os.environ.get("GONGKAI_LOAD_MAX_REQUESTS", "200000"))
PASSWORD = os.environ.get("GONGKAI_LOAD_PASSWORD", "gongkai-load-test")
UPLOAD = Path(os.environ["GONGKAI_LOAD_UPLOAD"]).read_bytes()
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DETAIL = re.compile(r"/applications/(\d+)/$")

_clerks = itertools.cycle(MANIFEST["clerks"])
_supervisors = itertools.cycle(MANIFEST["supervisors"])
_count = itertools.count(1)


@events.request.add_listener
def _count_and_record(
    request_type: str, name: str, exception: BaseException | None = None, **_: Any
) -> None:
    """Every failure is written down, also those while users log in (timing starts after that
    phase; failures count all the same); the run stops after MAX_REQUESTS requests."""
    if exception is not None:
        line = {"method": request_type, "name": name, "error": repr(exception)}
        with FAILURES.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    if next(_count) == MAX_REQUESTS:
        runner = _RUNNER.get("runner")
        if runner is not None:
            runner.quit()


_RUNNER: dict[str, Any] = {}
_LOGINS: dict[str, Any] = {"started": time.monotonic(), "expected": None, "done": 0}


@events.init.add_listener
def _keep_runner(environment: Any, **_: Any) -> None:
    _RUNNER["runner"] = environment.runner


@events.spawning_complete.add_listener
def _count_staff(user_count: int, **_: Any) -> None:
    """Every user is started: how many of them log in."""
    counts = _RUNNER["runner"].user_classes_count
    _LOGINS["expected"] = sum(n for name, n in counts.items() if name in STAFF)
    _start_measuring_when_all_logged_in()


def _logged_in() -> None:
    _LOGINS["done"] += 1
    _start_measuring_when_all_logged_in()


def _start_measuring_when_all_logged_in() -> None:
    expected = _LOGINS["expected"]
    if expected is None or _LOGINS["done"] < expected or MEASURED.read_text():
        return
    runner = _RUNNER["runner"]
    runner.stats.reset_all()
    seconds = time.monotonic() - _LOGINS["started"]
    MEASURED.write_text(json.dumps({"login_seconds": seconds, "staff": expected}))
    gevent.spawn_later(DURATION, runner.quit)


class StaffUser(HttpUser):
    abstract = True

    def login(self, username: str) -> None:
        page = self.client.get("/accounts/login/", name="login page")
        token = _token(page.text)
        with self.client.post(
            "/accounts/login/",
            data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="login",
            catch_response=True,
        ) as response:
            if "/accounts/login/" in response.url:
                response.failure(f"login of {username} refused")
        _logged_in()  # refused or not: the user goes on, and its failure is counted

    def post_form(self, url: str, data: dict[str, str], name: str) -> Any:
        """POST with the CSRF token of the page's form (the cookie is the client's). The
        redirect that answers a good form is not followed here: the page it leads to is its
        own request (``open_page``), so each row of the figures times one request."""
        token = self.client.cookies.get("csrftoken", "")
        return self.client.post(
            url,
            data={**data, "csrfmiddlewaretoken": token},
            name=name,
            allow_redirects=False,
            catch_response=True,
        )

    def open_page(self, pk: int) -> None:
        self.client.get(f"/applications/{pk}/", name="/applications/[id]/")


class Clerk(StaffUser):
    """经办人: the work list, registering applications and answering them."""

    weight = 45
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.username, self.agency = next(_clerks)
        self.login(self.username)
        self.mine: list[int] = []

    @task(4)
    def work_list(self) -> None:
        self.client.get("/applications/", name="/applications/ (work list)")

    @task(3)
    def register(self) -> None:
        self.client.get("/applications/new/", name="/applications/new/")
        today = dt.date.today().isoformat()
        marker = f"压力测试登记-{self.username}-{random.getrandbits(48):012x}"
        data = {
            "agency": str(self.agency),
            "channel": "in_person",
            "received": today,
            "applicant_type": "natural_person",
            "applicant_name": "压力测试申请人",
            "applicant_id_number": "",
            "applicant_contact": "13900000000",
            "request": marker,
            "delivery": "电子邮件",
        }
        with self.post_form("/applications/new/", data, "/applications/new/ (register)") as r:
            match = DETAIL.search(r.headers.get("Location", ""))
            if r.status_code != 302 or not match:
                r.failure(f"not registered: HTTP {r.status_code}")
                return
            pk = int(match.group(1))
            self.mine.append(pk)
            with REGISTERED.open("a", encoding="utf-8") as out:
                out.write(json.dumps({"pk": pk, "request": marker}, ensure_ascii=False) + "\n")
        self.open_page(pk)

    @task(2)
    def detail(self) -> None:
        if self.mine:
            self.open_page(random.choice(self.mine))

    @task(1)
    def decide(self) -> None:
        if not self.mine:
            return
        pk = self.mine.pop(0)
        data = {
            "outcome": "granted",
            "on": dt.date.today().isoformat(),
            "reasons": "压力测试：予以公开",
        }
        with self.post_form(f"/applications/{pk}/decide/", data, "/applications/[id]/decide/") as r:
            if r.status_code != 302 or not DETAIL.search(r.headers.get("Location", "")):
                r.failure(f"not decided: HTTP {r.status_code}")
                return
        self.open_page(pk)


class Supervisor(StaffUser):
    """主管部门: the dashboard of 1,000 agencies and their reports."""

    weight = 10
    wait_time = between(2, 5)

    def on_start(self) -> None:
        self.login(next(_supervisors))

    @task(3)
    def dashboard(self) -> None:
        self.client.get(f"/dashboard/{MANIFEST['root']}/", name="/dashboard/[root]/")

    @task(3)
    def report(self) -> None:
        pk = random.choice(MANIFEST["library_reports"])
        self.client.get(f"/reports/{pk}/", name="/reports/[id]/")

    @task(1)
    def library(self) -> None:
        self.client.get("/reports/", name="/reports/ (library)")


class Public(HttpUser):
    """The public: published annual reports, no account."""

    weight = 40
    wait_time = between(1, 3)

    @task
    def published(self) -> None:
        pk = random.choice(MANIFEST["published"])
        self.client.get(f"/annual-reports/{pk}/", name="/annual-reports/[id]/")


class Uploader(StaffUser):
    """A clerk uploading a report: parsed in the background, the page polls the job."""

    weight = 5
    wait_time = between(5, 10)

    def on_start(self) -> None:
        self.username, self.agency = next(_clerks)
        self.login(self.username)

    @task
    def upload(self) -> None:
        self.client.get("/reports/upload/", name="/reports/upload/")
        token = self.client.cookies.get("csrftoken", "")
        files = {"files": ("report.txt", UPLOAD, "text/plain")}
        data = {"agency": str(self.agency), "year": "", "csrfmiddlewaretoken": token}
        self.client.post("/reports/upload/", data=data, files=files, name="/reports/upload/ (POST)")


STAFF = {Clerk.__name__, Supervisor.__name__, Uploader.__name__}


def _token(html: str) -> str:
    match = CSRF.search(html)
    return match.group(1) if match else ""
