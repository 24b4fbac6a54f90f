"""Compile, override, edit and check: the workspace's report is always assembled the same way —
computed cells from the records, active overrides on top, the clerk's narrative — then checked
by the core (``analyse``) plus one ``MANUAL_OVERRIDE`` warning per overridden cell."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.report.findings import finding
from gongkai.report.formats import SECTION_KEYS, format_for_year
from gongkai.report.jsonio import cell_to_json
from gongkai.report.model import Report, Value
from gongkai.report.pipeline import analyse
from gongkai.reports.services import CorrectionRefused, parse_cell_value, previous_report

from . import sources
from .models import Event, Override, Workspace
from .narrative import Draft

User = Any


class Locked(Exception):
    """The workspace was submitted: nothing may change until it is sent back."""


def _user(by: User) -> Any:
    return by if by is not None and getattr(by, "is_authenticated", False) else None


def _text(value: Value) -> str:
    return "" if value is None else str(value)


# ---------------------------------------------------------------- computing


def compute_cells(agency: Agency, year: int) -> dict[str, Value]:
    """Every cell of the year's layout from the records: parts 二, 三 and 四."""
    cells: dict[str, Value] = {}
    cells.update(sources.part_two(agency, year))
    cells.update(sources.part_three(agency, year))
    cells.update(sources.part_four(agency, year))
    layout = format_for_year(year).cells
    return {key: cells.get(key) for key in layout}


def draft_sections(agency: Agency, year: int, cells: dict[str, Value]) -> dict[str, str]:
    published = sources.published(agency, year)
    return Draft(agency.name, year, cells, published, sources.fees(agency, year)).sections()


def computed_of(ws: Workspace) -> dict[str, Value]:
    """The cells as last compiled (stored as JSON), typed again through the core's reader."""
    fmt = format_for_year(ws.year).version
    data = {"format": fmt, "cells": ws.computed}
    from gongkai.report.jsonio import report_from_dict

    return report_from_dict(data).cells


def active_overrides(ws: Workspace) -> dict[str, Override]:
    latest: dict[str, Override] = {}
    for o in ws.overrides.order_by("at", "pk"):
        latest[o.key] = o
    return {k: o for k, o in latest.items() if o.active}


def assemble(ws: Workspace) -> Report:
    """The workspace's report, checked. Submitted workspaces answer their frozen snapshot."""
    if not ws.editable and ws.snapshot:
        from gongkai.report.jsonio import report_from_dict

        return report_from_dict(ws.snapshot)
    fmt = format_for_year(ws.year)
    cells = computed_of(ws)
    overrides = active_overrides(ws)
    for key, o in overrides.items():
        cells[key] = parse_cell_value(fmt.version, key, o.value)
    report = Report(
        fmt.version,
        agency=ws.agency.name,
        year=ws.year,
        title=f"{ws.agency.name}{ws.year}年政府信息公开工作年度报告",
        cells=cells,
        sections=dict(ws.sections),
    )
    analyse(report, previous_report(ws.agency, ws.year))
    report.findings += [_override_finding(report, o) for o in overrides.values()]
    return report


def _override_finding(report: Report, o: Override) -> Any:
    return finding(
        "MANUAL_OVERRIDE",
        cells=(o.key,),
        expected=o.computed or "（空）",
        actual=o.value or "（空）",
        label=report.spec.cells[o.key].label,
        reason=o.reason,
    )


# ---------------------------------------------------------------- changing


def _require_editable(ws: Workspace) -> None:
    if not ws.editable:
        raise Locked(f"报告{ws.get_status_display()}，已锁定，不能修改")


def _lock(ws: Workspace) -> Workspace:
    return Workspace.objects.select_for_update().select_related("agency").get(pk=ws.pk)


@transaction.atomic
def open_workspace(agency: Agency, year: int, *, by: User) -> Workspace:
    """The workspace of ``agency`` and ``year``, created and compiled the first time."""
    ws, created = Workspace.objects.get_or_create(agency=agency, year=year)
    if created:
        compile_workspace(ws, by=by)
        ws.refresh_from_db()
    return ws


@transaction.atomic
def compile_workspace(ws: Workspace, *, by: User, regenerate: bool = False) -> Workspace:
    """汇编: recompute every figure from the records. The narrative is drafted the first time
    and when ``regenerate`` is asked; otherwise the clerk's narrative is kept as it is."""
    ws = _lock(ws)
    _require_editable(ws)
    cells = compute_cells(ws.agency, ws.year)
    ws.computed = {k: cell_to_json(v) for k, v in cells.items()}
    drafted = regenerate or not any(ws.sections.values())
    if drafted:
        ws.sections = draft_sections(ws.agency, ws.year, cells)
    ws.compiled_at = timezone.now()
    _save(ws, by, "重新生成正文并汇编" if regenerate else "汇编")
    comment = "按记录重新计算表格数值" + (
        "，并重新生成正文初稿" if drafted else "，保留已编辑的正文"
    )
    Event.objects.create(workspace=ws, kind=Event.Kind.COMPILE, comment=comment, by=_user(by))
    return ws


def _save(ws: Workspace, by: User, reason: str) -> None:
    report = assemble(ws) if ws.editable else None
    if report is not None:
        ws.error_count, ws.warning_count = _counts(report)
    ws._history_user = _user(by)  # type: ignore[attr-defined]
    ws._change_reason = reason[:100]  # type: ignore[attr-defined]
    ws.save()


def _counts(report: Report) -> tuple[int, int]:
    errors = sum(f.severity.value == "error" for f in report.findings)
    warnings = sum(f.severity.value == "warning" for f in report.findings)
    return errors, warnings


@transaction.atomic
def edit_section(ws: Workspace, key: str, text: str, *, by: User, reason: str = "") -> Event:
    """The clerk's narrative edit, saved and audited (old → new)."""
    if key not in SECTION_KEYS:
        raise CorrectionRefused(f"没有这个部分：{key}")
    ws = _lock(ws)
    _require_editable(ws)
    old = ws.sections.get(key) or ""
    new = text.replace("\r\n", "\n").strip()
    ws.sections = {**ws.sections, key: new or None}
    _save(ws, by, f"修改正文 {key}")
    return Event.objects.create(
        workspace=ws, kind=Event.Kind.SECTION, key=key, old=old, new=new, comment=reason,
        by=_user(by),
    )  # fmt: skip


@transaction.atomic
def override_cell(ws: Workspace, key: str, raw: str, *, by: User, reason: str) -> Override:
    """人工调整 one computed figure, with its reason; flagged MANUAL_OVERRIDE in the check."""
    ws = _lock(ws)
    _require_editable(ws)
    if not reason.strip():
        raise CorrectionRefused("人工调整数值必须说明理由")
    value = parse_cell_value(format_for_year(ws.year).version, key, raw)
    computed = computed_of(ws).get(key)
    o = Override.objects.create(
        workspace=ws, key=key, computed=_text(computed), value=_text(value),
        reason=reason.strip(), by=_user(by),
    )  # fmt: skip
    _save(ws, by, f"人工调整 {key}")
    Event.objects.create(
        workspace=ws, kind=Event.Kind.OVERRIDE, key=key, old=_text(computed), new=_text(value),
        comment=reason.strip(), by=_user(by),
    )  # fmt: skip
    return o


@transaction.atomic
def revert_override(ws: Workspace, key: str, *, by: User, reason: str) -> None:
    """Back to the computed figure; the override row stays as the record."""
    ws = _lock(ws)
    _require_editable(ws)
    current = active_overrides(ws).get(key)
    if current is None:
        raise CorrectionRefused("该单元格没有人工调整")
    Override.objects.create(
        workspace=ws, key=key, computed=current.computed, value=current.computed,
        reason=reason or "撤销人工调整", active=False, by=_user(by),
    )  # fmt: skip
    _save(ws, by, f"撤销人工调整 {key}")
    Event.objects.create(
        workspace=ws, kind=Event.Kind.REVERT, key=key, old=current.value, new=current.computed,
        comment=reason, by=_user(by),
    )  # fmt: skip
