"""The report workflow: import a file, store the parsed report, correct it — each step calls the
pure core (``gongkai.report``) and saves through ``store`` so the derived rows never drift."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.report.findings import Severity
from gongkai.report.formats import FORMATS, SECTION_KEYS, Unit
from gongkai.report.jsonio import report_from_dict, report_to_dict
from gongkai.report.model import Report, Value
from gongkai.report.pipeline import analyse

from .models import AnnualReport, Correction, ReportCell, ReportFinding, Status
from .parsing import ImportRefused, parse_upload

__all__ = ["ImportRefused"]  # raised here, defined where the worker's child can import it

User = Any


class CorrectionRefused(ValueError):
    """The corrected value is not acceptable; the message is for the form."""


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    content_type: str = ""


# ---------------------------------------------------------------- reading and deriving


def report_of(obj: AnnualReport) -> Report:
    return report_from_dict(obj.data)


def status_of(report: Report) -> tuple[str, int, int]:
    """(status, errors, warnings): errors make ``ERRORS``, warnings alone ``IMPORTED``."""
    errors = sum(f.severity is Severity.ERROR for f in report.findings)
    warnings = sum(f.severity is Severity.WARNING for f in report.findings)
    status = Status.ERRORS if errors else Status.IMPORTED if warnings else Status.CLEAN
    return status, errors, warnings


def cell_rows(obj: AnnualReport, report: Report) -> list[ReportCell]:
    """One row per cell the format declares, ``None`` kept as NULL (never 0)."""
    return [
        ReportCell(report=obj, key=key, value=None if value is None else Decimal(value))
        for key, value in report.cells.items()
    ]


def finding_rows(obj: AnnualReport, report: Report) -> list[ReportFinding]:
    return [
        ReportFinding(report=obj, code=f.code, severity=f.severity.value) for f in report.findings
    ]


def fill(obj: AnnualReport, report: Report) -> AnnualReport:
    """Copy the report's data and derived summary onto the row (not saved)."""
    obj.format = report.format
    obj.data = report_to_dict(report)
    obj.status, obj.error_count, obj.warning_count = status_of(report)
    return obj


@transaction.atomic
def store(obj: AnnualReport, report: Report, *, by: User, reason: str) -> AnnualReport:
    """Save the report and rebuild its derived rows, with an audit record."""
    fill(obj, report)
    obj.updated_by = by if _is_user(by) else None
    if obj.pk is None:
        obj.created_by = obj.updated_by
    obj._history_user = obj.updated_by  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.save()
    ReportCell.objects.filter(report=obj).delete()
    ReportCell.objects.bulk_create(cell_rows(obj, report))
    ReportFinding.objects.filter(report=obj).delete()
    ReportFinding.objects.bulk_create(finding_rows(obj, report))
    return obj


def _is_user(user: User) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def previous_report(agency: Agency, year: int) -> Report | None:
    """Last year's report of the same agency, for the cross-year checks."""
    obj = AnnualReport.objects.filter(agency=agency, year=year - 1).first()
    return report_of(obj) if obj else None


# ---------------------------------------------------------------- import


def import_upload(
    agency: Agency, upload: Upload, *, by: User, year: int | None = None, limited: bool = False
) -> AnnualReport:
    """Parse, check and store one uploaded file; a re-upload replaces the year's report.

    Raises ``ImportRefused`` (nothing stored) for a file too large or not a report at all.
    ``limited``: parse in a child process under the worker's CPU/memory/time limits (raises
    ``gongkai.jobs.limits.LimitExceeded``); the background upload job sets it.
    """
    limit = settings.GONGKAI_MAX_UPLOAD_BYTES
    if len(upload.data) > limit:
        raise ImportRefused(f"文件超过 {settings.GONGKAI_MAX_UPLOAD_MB} MB 的上限，未导入")
    args = (upload.name, upload.data, year, _previous_data(agency, year))
    if limited:
        from gongkai.jobs.limits import run_limited

        report = run_limited("gongkai.reports.parsing:parse_upload", *args)
    else:
        report = parse_upload(*args)
    return _save_import(agency, report.year, report, upload, by)


def _previous_data(agency: Agency, year: int | None) -> dict[int, dict[str, Any]]:
    """The stored data the cross-year checks may need: last year's, or every year's when the
    year is read from the file."""
    reports = AnnualReport.objects.filter(agency=agency)
    if year:
        reports = reports.filter(year=year - 1)
    return dict(reports.values_list("year", "data"))


@transaction.atomic
def _save_import(
    agency: Agency, year: int, report: Report, upload: Upload, by: User
) -> AnnualReport:
    obj = AnnualReport.objects.select_for_update().filter(agency=agency, year=year).first()
    if obj is not None and obj.published_version is not None:
        raise ImportRefused(FROZEN.format(n=obj.published_version) + "，不能用上传的文件替换")
    replacing = obj is not None
    obj = obj or AnnualReport(agency=agency, year=year)
    obj.original_name = upload.name[:255]
    obj.original_size = len(upload.data)
    obj.original_content_type = upload.content_type[:100]
    obj.original_sha256 = hashlib.sha256(upload.data).hexdigest()
    obj.original.save(upload.name, ContentFile(upload.data), save=False)
    reason = f"重新上传：{upload.name}" if replacing else f"上传：{upload.name}"
    return store(obj, report, by=by, reason=reason[:100])


# ---------------------------------------------------------------- corrections

FROZEN = "该报告已由年度报告工作台公开发布（第{n}版），已冻结：更正请在工作台发起“更正”，生成新版本并重新审核、发布"


def _unfrozen(pk: int) -> AnnualReport:
    """The report, locked for the change — refused once published through the workspace."""
    obj = AnnualReport.objects.select_for_update().get(pk=pk)
    if obj.published_version is not None:
        raise CorrectionRefused(FROZEN.format(n=obj.published_version))
    return obj


def parse_cell_value(fmt: str, key: str, raw: str) -> Value:
    """A clerk's typed value: counts are whole numbers (negative only where the column is signed,
    本年增/减), amounts exact decimals in 万元; blank means "not given"."""
    spec = FORMATS[fmt].cells.get(key)
    if spec is None:
        raise CorrectionRefused(f"没有这个单元格：{key}")
    text = raw.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CorrectionRefused(f"“{text[:20]}”不是数字") from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 15:
        raise CorrectionRefused("数值超出合理范围")
    if spec.unit is Unit.AMOUNT:
        return number
    if number != number.to_integral_value():
        raise CorrectionRefused("数量应为整数")
    if number < 0 and not spec.signed:
        raise CorrectionRefused("数量不能为负数")
    return int(number)


def _text(value: Value) -> str:
    return "" if value is None else str(value)


@transaction.atomic
def correct_cell(obj: AnnualReport, key: str, raw: str, *, by: User, reason: str) -> Correction:
    """Change one cell, re-run the checks at once, and record who changed what and why."""
    obj = _unfrozen(obj.pk)
    report = report_of(obj)
    value = parse_cell_value(report.format, key, raw)
    old = report.cells.get(key)
    report.cells[key] = value
    report.provenance.pop(key, None)  # the value no longer comes from the file
    return _finish(obj, report, Correction.Kind.CELL, key, _text(old), _text(value), by, reason)


@transaction.atomic
def correct_section(obj: AnnualReport, key: str, text: str, *, by: User, reason: str) -> Correction:
    """Change one narrative part (正文), re-run the checks, record the change."""
    if key not in SECTION_KEYS:
        raise CorrectionRefused(f"没有这个部分：{key}")
    obj = _unfrozen(obj.pk)
    report = report_of(obj)
    old = report.sections.get(key) or ""
    new = text.replace("\r\n", "\n").strip()
    report.sections[key] = new or None
    return _finish(obj, report, Correction.Kind.SECTION, key, old, new, by, reason)


def _finish(
    obj: AnnualReport,
    report: Report,
    kind: str,
    key: str,
    old: str,
    new: str,
    by: User,
    reason: str,
) -> Correction:
    analyse(report, previous_report(obj.agency, obj.year))
    store(obj, report, by=by, reason=f"更正 {key}：{reason}"[:100])
    return Correction.objects.create(
        report=obj,
        kind=kind,
        key=key,
        old=old,
        new=new,
        reason=reason,
        by=by if _is_user(by) else None,
    )
