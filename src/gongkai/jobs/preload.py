"""Imported once by the job worker's fork server (``limits.run_limited``): Django is set up,
the modules of the jobs' heavy parts are imported and a sample report is read in three
formats, so that the parser's lazy imports and compiled patterns are in place. Each job's child
is then a fork of a warm process (about 20 ms) instead of a new Python that imports all of it
again and warms up on the user's file (0.4 s of CPU a job, paid on every upload)."""

from __future__ import annotations

import importlib
import logging
import os

# The modules whose functions the job handlers pass to run_limited.
JOB_MODULES = (
    "gongkai.reports.parsing",
    "gongkai.report.render",
    "gongkai.disclosures.imports",
)


def warm() -> None:
    try:
        if os.environ.get("DJANGO_SETTINGS_MODULE"):
            import django

            django.setup()
        for name in JOB_MODULES:
            importlib.import_module(name)
        _read_samples()
    except Exception:  # a cold fork server still works: each child imports what it needs
        logging.getLogger(__name__).warning("job fork server not warmed", exc_info=True)


def _read_samples() -> None:
    from gongkai.report.render import render
    from gongkai.report.sample import sample_report
    from gongkai.reports.parsing import parse_upload

    sample = sample_report(0)
    for kind in ("md", "html", "docx"):
        parse_upload(f"warm.{kind}", render(sample, kind), None, {})


warm()
