"""The report as JSON: the shape ``gongkai parse`` prints and ``gongkai check`` reads back.

Counts are JSON integers; amounts (万元) are JSON strings holding an exact decimal
("76.3"), never floats; a value the source does not have is ``null``.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from .findings import Finding, Location, Severity, Stage
from .formats import FORMATS, SECTION_KEYS, Unit
from .model import Provenance, Report, Value


class ReportDataError(ValueError):
    """A gongkai JSON that cannot be read; the message is for the user, in Chinese."""


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def cell_to_json(value: Value) -> int | str | None:
    if isinstance(value, Decimal):
        return _decimal_text(value)
    return value


def finding_to_dict(f: Finding, lang: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": f.code,
        "severity": f.severity.value,
        "stage": f.stage.value,
        "message": f.text(lang or "zh"),
        "message_en": f.message_en,
        "cells": list(f.cells),
        "expected": _plain(f.expected),
        "actual": _plain(f.actual),
        "location": None,
    }
    if f.location is not None:
        out["location"] = {
            "source": f.location.source,
            "page": f.location.page,
            "line": f.location.line,
        }
    return out


def report_to_dict(report: Report, lang: str | None = None) -> dict[str, Any]:
    return {
        "source": report.source,
        "format": report.format,
        "agency": report.agency,
        "year": report.year,
        "title": report.title,
        "cells": {k: cell_to_json(v) for k, v in report.cells.items()},
        "sections": dict(report.sections),
        "provenance": {k: provenance_to_dict(p) for k, p in report.provenance.items()},
        "findings": [finding_to_dict(f, lang) for f in report.findings],
    }


def report_to_json(report: Report, lang: str | None = None, indent: int | None = 2) -> str:
    return json.dumps(report_to_dict(report, lang), ensure_ascii=False, indent=indent)


# ---------------------------------------------------------------- reading


def _cell_from_json(key: str, raw: Any, unit: Unit) -> Value:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ReportDataError(f"单元格 {key} 的值不是数字：{raw!r}")
    if unit is Unit.COUNT:
        if isinstance(raw, int):
            _check_magnitude(key, Decimal(raw), raw)
            return raw
        if isinstance(raw, str | float):
            try:
                dec = Decimal(str(raw))
            except InvalidOperation:
                raise ReportDataError(f"单元格 {key} 的值不是数字：{raw!r}") from None
            _check_magnitude(key, dec, raw)
            return int(dec) if dec == dec.to_integral_value() else dec
        raise ReportDataError(f"单元格 {key} 的值不是数字：{raw!r}")
    if isinstance(raw, int | str | float):
        try:
            dec = Decimal(str(raw))
        except InvalidOperation:
            raise ReportDataError(f"单元格 {key} 的金额无法识别：{raw!r}") from None
        _check_magnitude(key, dec, raw)
        return dec
    raise ReportDataError(f"单元格 {key} 的金额无法识别：{raw!r}")


_MAX_DIGITS = 18  # no count or amount in a report comes near 10^18


def _check_magnitude(key: str, dec: Decimal, raw: Any) -> None:
    if not dec.is_finite() or abs(dec.adjusted()) > _MAX_DIGITS or len(dec.as_tuple().digits) > 40:
        raise ReportDataError(f"单元格 {key} 的值不是合理的有限数字：{str(raw)[:40]!r}")


def _opt_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _opt_box(value: Any) -> tuple[int, int, int, int] | None:
    if not isinstance(value, list) or len(value) != 4:
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value):
        return None
    return (value[0], value[1], value[2], value[3])


def _opt_confidence(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0 <= value <= 100 else None


def provenance_to_dict(p: Provenance) -> dict[str, Any]:
    """A cell's provenance; ``box`` and ``confidence`` only for cells read by OCR."""
    out: dict[str, Any] = {
        "source": p.source,
        "page": p.page,
        "line": p.line,
        "raw": p.raw,
        "unit": p.unit,
    }
    if p.box is not None:
        out["box"] = list(p.box)
    if p.confidence is not None:
        out["confidence"] = p.confidence
    return out


def _finding_from_dict(d: Any) -> Finding | None:
    if not isinstance(d, dict) or not isinstance(d.get("code"), str):
        return None
    try:
        severity = Severity(d.get("severity", "warning"))
        stage = Stage(d.get("stage", "check"))
    except ValueError:
        return None
    loc = d.get("location")
    location = None
    if isinstance(loc, dict):
        location = Location(
            _opt_str(loc.get("source")), _opt_int(loc.get("page")), _opt_int(loc.get("line"))
        )
    message = _opt_str(d.get("message")) or d["code"]
    return Finding(
        code=d["code"],
        severity=severity,
        message=message,
        message_en=_opt_str(d.get("message_en")) or message,
        cells=tuple(c for c in d.get("cells") or () if isinstance(c, str)),
        expected=d.get("expected"),
        actual=d.get("actual"),
        location=location,
        stage=stage,
    )


def report_from_dict(data: Any) -> Report:
    """Build a Report from parsed JSON, refusing anything not in the declared format."""
    if not isinstance(data, dict):
        raise ReportDataError("不是 gongkai 报告 JSON：顶层应为对象")
    fmt = str(data.get("format", ""))
    if fmt not in FORMATS:
        raise ReportDataError(f"不是 gongkai 报告 JSON：format 应为 2019 或 2021，实为 {fmt!r}")
    spec = FORMATS[fmt]
    raw_cells = data.get("cells") or {}
    if not isinstance(raw_cells, dict):
        raise ReportDataError("cells 应为对象（单元格键 → 数值）")
    unknown = sorted(set(raw_cells) - set(spec.cells))
    if unknown:
        raise ReportDataError(f"{fmt} 格式没有这些单元格：{', '.join(unknown[:5])}")
    cells = {k: _cell_from_json(k, raw_cells.get(k), spec.cells[k].unit) for k in spec.cells}
    raw_sections = data.get("sections") or {}
    if not isinstance(raw_sections, dict):
        raise ReportDataError("sections 应为对象（部分 → 正文）")
    sections = {k: _opt_str(raw_sections.get(k)) for k in SECTION_KEYS}
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise ReportDataError(f"year 应为整数，实为 {year!r}")
    provenance = {}
    raw_prov = data.get("provenance") or {}
    if isinstance(raw_prov, dict):
        for key, p in raw_prov.items():
            if key in spec.cells and isinstance(p, dict):
                provenance[key] = Provenance(
                    _opt_str(p.get("source")),
                    str(p.get("raw", "")),
                    _opt_int(p.get("page")),
                    _opt_int(p.get("line")),
                    _opt_str(p.get("unit")),
                    _opt_box(p.get("box")),
                    _opt_confidence(p.get("confidence")),
                )
    findings = [f for f in map(_finding_from_dict, data.get("findings") or []) if f is not None]
    return Report(
        format=fmt,
        agency=_opt_str(data.get("agency")),
        year=year,
        title=_opt_str(data.get("title")),
        cells=cells,
        sections=sections,
        source=_opt_str(data.get("source")),
        provenance=provenance,
        findings=findings,
    )


def report_from_json(text: str) -> Report:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ReportDataError(f"JSON 格式错误：{exc}") from None
    return report_from_dict(data)
