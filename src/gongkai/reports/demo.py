"""The demo's reports: each seed agency's real 2020 report, imported through the services."""

from __future__ import annotations

import hashlib
from pathlib import Path

from gongkai.agencies.models import Agency

from .models import AnnualReport
from .services import Upload, import_upload

SEEDS = Path(__file__).resolve().parents[3] / "tests" / "data" / "seeds"
YEAR = 2020

# agency code → seed file prefix (the five real 2020 reports in tests/data/seeds/)
SEED_REPORTS = {
    "demo-beibaixiang": "000_",
    "demo-cuiqiao": "001_",
    "demo-yinglin": "002_",
    "demo-yueqing-jgsw": "003_",
    "demo-xiaotao": "004_",
}


def seed_path(prefix: str) -> Path | None:
    return next(iter(sorted(SEEDS.glob(f"{prefix}*.txt"))), None)


def load_demo_reports(agencies: dict[str, Agency]) -> int:
    """Import each seed report once; a report already stored from the same file is kept.
    Returns the number imported. Without the seeds (an installed package) nothing happens."""
    imported = 0
    for code, prefix in SEED_REPORTS.items():
        path = seed_path(prefix)
        if path is None or code not in agencies:
            continue
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        agency = agencies[code]
        if AnnualReport.objects.filter(agency=agency, year=YEAR, original_sha256=sha).exists():
            continue
        import_upload(agency, Upload(path.name, data, "text/plain"), by=None, year=YEAR)
        imported += 1
    return imported
