"""The JSON Schema of a gongkai report, derived from the format declarations."""

from __future__ import annotations

from typing import Any

from .findings import CATALOGUE, Severity, Stage
from .formats import FORMATS, SECTION_KEYS, CellSpec, Unit

DECIMAL_PATTERN = r"^-?\d+(\.\d+)?$"


def _cell_schema(spec: CellSpec) -> dict[str, Any]:
    decimal = {"type": "string", "pattern": DECIMAL_PATTERN}
    if spec.unit is Unit.AMOUNT:
        return {
            "description": f"{spec.label}（万元，精确小数，以字符串表示）",
            "oneOf": [decimal, {"type": "null"}],
        }
    return {
        "description": spec.label + ("（可为负数）" if spec.signed else ""),
        "oneOf": [{"type": "integer"}, decimal, {"type": "null"}],
    }


def _nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


def report_schema() -> dict[str, Any]:
    all_cells: dict[str, Any] = {}
    for fmt in FORMATS.values():
        for key, spec in fmt.cells.items():
            all_cells.setdefault(key, _cell_schema(spec))
    per_format = [
        {
            "if": {"properties": {"format": {"const": v}}},
            "then": {
                "properties": {
                    "cells": {"propertyNames": {"enum": list(f.cells)}, "required": list(f.cells)}
                }
            },
        }
        for v, f in FORMATS.items()
    ]
    location = {
        "type": ["object", "null"],
        "properties": {
            "source": _nullable("string"),
            "page": _nullable("integer"),
            "line": _nullable("integer"),
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/gongkai/gongkai/schema/report.json",
        "title": "政府信息公开工作年度报告 (gongkai report)",
        "type": "object",
        "required": ["format", "agency", "year", "cells", "sections", "findings"],
        "properties": {
            "source": _nullable("string"),
            "format": {"enum": list(FORMATS), "description": "报告格式版本"},
            "agency": _nullable("string"),
            "year": _nullable("integer"),
            "title": _nullable("string"),
            "cells": {"type": "object", "properties": all_cells, "additionalProperties": False},
            "sections": {
                "type": "object",
                "properties": {k: _nullable("string") for k in SECTION_KEYS},
                "additionalProperties": False,
            },
            "provenance": {
                "type": "object",
                "propertyNames": {"enum": list(all_cells)},
                "additionalProperties": {
                    "type": "object",
                    "required": ["raw"],
                    "properties": {
                        "source": _nullable("string"),
                        "page": _nullable("integer"),
                        "line": _nullable("integer"),
                        "raw": {"type": "string"},
                        "unit": _nullable("string"),
                        "box": {
                            "type": "array",
                            "items": {"type": "integer", "minimum": 0},
                            "minItems": 4,
                            "maxItems": 4,
                            "description": "OCR：单元格在页面图像中的位置 (x, y, 宽, 高)，像素",
                        },
                        "confidence": {
                            "type": "number",
                            "minimum": 0,
                            "maximum": 100,
                            "description": "OCR：识别置信度（0–100）",
                        },
                    },
                },
            },
            "findings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "severity", "message", "cells"],
                    "properties": {
                        "code": {"enum": sorted(CATALOGUE)},
                        "severity": {"enum": [s.value for s in Severity]},
                        "stage": {"enum": [s.value for s in Stage]},
                        "message": {"type": "string"},
                        "message_en": {"type": "string"},
                        "cells": {"type": "array", "items": {"enum": list(all_cells)}},
                        "expected": {},
                        "actual": {},
                        "location": location,
                    },
                },
            },
        },
        "allOf": per_format,
    }
