"""Manual overrides (人工调整): only with a reason, kept apart from the computed figures,
applied on top of them and flagged MANUAL_OVERRIDE in the check."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gongkai.reports.services import CorrectionRefused
from gongkai.workspace.models import Event, Override
from gongkai.workspace.services import (
    assemble,
    compile_workspace,
    computed_of,
    override_cell,
    revert_override,
)

from .factories.applications import application_for
from .factories.workspace import workspace_for

pytestmark = pytest.mark.django_db

KEY = "apply.new.natural_person"


@pytest.fixture
def ws(world: Any) -> Any:
    application_for(world.jia, by=world.user("clerk_jia"), received=dt.date(2026, 5, 6))
    return workspace_for(world.jia, by=world.user("clerk_jia"))


def test_override_needs_a_reason(ws: Any, world: Any) -> None:
    with pytest.raises(CorrectionRefused, match="理由"):
        override_cell(ws, KEY, "2", by=world.user("clerk_jia"), reason="  ")
    with pytest.raises(CorrectionRefused, match="负数"):
        override_cell(ws, KEY, "-1", by=world.user("clerk_jia"), reason="试试")
    assert not Override.objects.exists()


def test_override_is_applied_on_top_recorded_apart_and_flagged(ws: Any, world: Any) -> None:
    clerk = world.user("clerk_jia")
    override_cell(ws, KEY, "2", by=clerk, reason="窗口登记漏录一件")
    ws.refresh_from_db()
    assert computed_of(ws)[KEY] == 1, "the computed figure is kept as it was"
    o = Override.objects.get()
    assert (o.key, o.computed, o.value, o.by, o.reason) == (
        KEY,
        "1",
        "2",
        clerk,
        "窗口登记漏录一件",
    )
    report = assemble(ws)
    assert report.cells[KEY] == 2
    flagged = [f for f in report.findings if f.code == "MANUAL_OVERRIDE"]
    assert len(flagged) == 1 and flagged[0].severity.value == "warning"
    message = flagged[0].message
    assert "表三 一、本年新收政府信息公开申请数量 · 自然人" in message
    assert "1" in message and "2" in message and "窗口登记漏录一件" in message
    # 自然人 2 but 总计 1: the row identity breaks, and the report cannot be approved as is.
    assert any(f.code == "APPLY_ROW_SUM" for f in report.findings)
    assert ws.error_count >= 1 and ws.warning_count >= 1


def test_recompile_keeps_the_override_on_top_of_new_figures(ws: Any, world: Any) -> None:
    clerk = world.user("clerk_jia")
    override_cell(ws, "apply.new.total", "5", by=clerk, reason="核对纸质台账")
    compile_workspace(ws, by=clerk)
    ws.refresh_from_db()
    assert assemble(ws).cells["apply.new.total"] == 5
    assert any(f.code == "MANUAL_OVERRIDE" for f in assemble(ws).findings)


def test_revert_goes_back_to_the_computed_figure_and_keeps_the_record(ws: Any, world: Any) -> None:
    clerk = world.user("clerk_jia")
    override_cell(ws, KEY, "2", by=clerk, reason="漏录")
    revert_override(ws, KEY, by=clerk, reason="已补录到申请登记")
    ws.refresh_from_db()
    report = assemble(ws)
    assert report.cells[KEY] == 1
    assert not [f for f in report.findings if f.code == "MANUAL_OVERRIDE"]
    assert Override.objects.count() == 2, "the override stays on record"
    kinds = list(Event.objects.filter(workspace=ws).values_list("kind", flat=True))
    assert Event.Kind.OVERRIDE in kinds and Event.Kind.REVERT in kinds


def test_override_through_the_page(ws: Any, world: Any, client_as: Any) -> None:
    client = client_as("clerk_jia")
    url = f"/workspace/{ws.pk}/override/"
    response = client.post(url, {"key": KEY, "value": "3", "reason": ""})
    assert response.status_code == 400 and not Override.objects.exists()
    response = client.post(url, {"key": KEY, "value": "3", "reason": "补录"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "MANUAL_OVERRIDE" in page and "已人工调整" in page
