"""The demo's workspace: 北白象镇人民政府's 2026 report compiled from its demo activity
(the demo applications, 主动公开 items, registers and cases). Idempotent: an existing
workspace is left as the clerk left it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.agencies.models import Agency

from .models import Workspace
from .services import open_workspace

AGENCY_CODE = "demo-beibaixiang"
YEAR = 2026


@transaction.atomic
def load_demo_workspace() -> Workspace:
    from gongkai.applications.demo import load_demo_applications
    from gongkai.disclosures.demo import load_demo_disclosures

    load_demo_applications()  # each loads the demo world first when it is missing
    load_demo_disclosures()
    agency = Agency.objects.get(code=AGENCY_CODE)
    existing = Workspace.objects.filter(agency=agency, year=YEAR).first()
    if existing is not None:
        return existing
    clerk = get_user_model().objects.filter(username="clerk").first()
    return open_workspace(agency, YEAR, by=clerk)
