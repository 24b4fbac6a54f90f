"""The read-only API over published reports (django-ninja; OpenAPI at /api/openapi.json).

Every list is paginated (``limit``/``offset``, with ``count``); every answer is public data:
the agencies, and the current published version of each report (see ``published``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar, Literal

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from ninja import NinjaAPI, Path, Query
from ninja.errors import HttpError
from ninja.renderers import JSONRenderer

from gongkai.agencies.models import Agency
from gongkai.report.formats import FORMATS, Unit, format_for_year
from gongkai.report.jsonio import cell_to_json

from . import bulk, errors, published
from .catalogue import TABLE_LABELS, UNIT_LABELS, catalogue
from .schemas import (
    AgencyList,
    BulkFilter,
    CellAcross,
    CellCatalogue,
    CellKey,
    Error,
    RegionFilter,
    ReportDetail,
    ReportFilter,
    ReportList,
    YearOut,
    YearsFilter,
)


class ChineseJSON(JSONRenderer):
    """Chinese as Chinese (UTF-8), not as \\u escapes: readable with curl and half the size."""

    json_dumps_params: ClassVar[dict[str, Any]] = {"ensure_ascii": False}


api = NinjaAPI(
    title="gongkai 公开数据 API（已公开的政府信息公开工作年度报告）",
    version="1",
    description=(
        "只读。各机关已公开的年度报告（现行版本）的数据：按机关和年度、按单元格跨机关、"
        "按年度或地区批量下载（CSV、XLSX、Parquet）。单元格的键与名称来自官方格式的声明，"
        "见 /api/cells。任何来源均可读取（CORS *），响应带 ETag，可用 If-None-Match 条件请求。"
    ),
    urls_namespace="api",
    docs_url=None,  # the usual docs page loads its script from a CDN; the JSON is the contract
    openapi_url="/openapi.json",
    renderer=ChineseJSON(),
)
errors.install(api)

Ext = Literal["csv", "xlsx", "parquet"]
ERRORS: dict[int, Any] = {400: Error, 404: Error}


def _region(pk: int | None) -> Agency | None:
    if pk is None:
        return None
    region = Agency.objects.filter(pk=pk).first()
    if region is None:
        raise HttpError(400, f"没有 id 为 {pk} 的机关（地区），见 /api/agencies")
    return region


def _agency_ref(r: published.Published) -> dict[str, Any]:
    return {"id": r.agency_id, "name": r.agency_name, "code": r.agency_code}


def _report_out(r: published.Published) -> dict[str, Any]:
    return {
        "agency": _agency_ref(r),
        "year": r.year,
        "format": r.format,
        "version": r.version,
        "published_at": r.published_at,
        "url": reverse("api:report", kwargs={"agency": r.agency_id, "year": r.year}),
        "page_url": reverse("published:report", args=[r.workspace_pk]),
    }


@api.get("/agencies", response={200: AgencyList, **ERRORS}, summary="机关（含所属地区）")
def agencies(request: HttpRequest, filters: Query[RegionFilter]) -> dict[str, Any]:
    region = _region(filters.region)
    qs = Agency.objects.order_by("path")
    if region is not None:
        qs = qs.filter(path__startswith=region.path)
    page = list(qs[filters.offset : filters.offset + filters.limit])
    names = published.region_names(a.path for a in page)
    years: dict[int, list[int]] = {}
    found = published.current().filter(workspace__agency__in=[a.pk for a in page])
    for agency_id, year in found.values_list("workspace__agency_id", "workspace__year"):
        years.setdefault(agency_id, []).append(year)
    items = [
        {
            "id": a.pk,
            "name": a.name,
            "code": a.code,
            "kind": a.kind,
            "kind_label": a.get_kind_display(),
            "parent_id": a.parent_id,
            "region": published.region_of(a.path, names),
            "published_years": years.get(a.pk, []),
        }
        for a in page
    ]
    return {"count": qs.count(), "limit": filters.limit, "offset": filters.offset, "items": items}


@api.get("/reports", response={200: ReportList, **ERRORS}, summary="已公开的年度报告")
def reports(request: HttpRequest, filters: Query[ReportFilter]) -> dict[str, Any]:
    qs = published.current(filters.year, _region(filters.region))
    page = published.rows(qs[filters.offset : filters.offset + filters.limit])
    items = [_report_out(r) for r in page]
    return {"count": qs.count(), "limit": filters.limit, "offset": filters.offset, "items": items}


@api.get(
    "/reports/{agency}/{year}",
    response={200: ReportDetail, **ERRORS},
    summary="一个机关一个年度的报告（现行版本）",
)
def report(request: HttpRequest, agency: int, year: int) -> dict[str, Any]:
    version = published.one(agency, year)
    if version is None:
        raise HttpError(404, f"机关 {agency} 没有已公开的 {year} 年度报告")
    (row,) = published.rows(published.current(year).filter(pk=version.pk))
    names = published.region_names([row.agency_path])
    found = version.report.get("findings") or []
    every = version.workspace.versions.order_by("-number").values(
        "number", "published_at", "reason"
    )
    return _report_out(row) | {
        "format_name": published.format_name(row.format),
        "region": published.region_of(row.agency_path, names),
        "versions": list(every),
        "cells": version.report.get("cells") or {},
        "findings": {
            "errors": sum(f.get("severity") == "error" for f in found),
            "warnings": sum(f.get("severity") == "warning" for f in found),
            "infos": sum(f.get("severity") == "info" for f in found),
            "items": [
                {
                    "code": f.get("code"),
                    "severity": f.get("severity"),
                    "cells": f.get("cells") or [],
                }
                for f in found
            ],
        },
    }


@api.get("/cells", response=CellCatalogue, summary="单元格的键、名称和单位（来自官方格式）")
def cells(request: HttpRequest) -> dict[str, Any]:
    formats = [
        {
            "version": f.version,
            "name": f.name,
            "document": f.document,
            "first_year": f.years[0],
            "last_year": f.years[1],
        }
        for f in FORMATS.values()
    ]
    items = [
        {
            "key": c.key,
            "label": c.label,
            "unit": c.unit.value,
            "unit_label": UNIT_LABELS[c.unit],
            "table": c.table,
            "table_label": TABLE_LABELS[c.table],
            "row": c.row,
            "column": c.column,
            "group": c.group,
            "formats": list(c.formats),
        }
        for c in catalogue().values()
    ]
    return {"formats": formats, "cells": items}


def _total(unit: Unit, values: list[Any]) -> Any:
    given = [Decimal(str(v)) for v in values if v is not None]
    if not given:
        return None
    total = sum(given, Decimal(0))
    return int(total) if unit is Unit.COUNT else cell_to_json(total)


@api.get(
    "/cells/{key}", response={200: CellAcross, **ERRORS}, summary="一个单元格在各机关报告中的数值"
)
def cell(request: HttpRequest, key: CellKey, filters: Query[ReportFilter]) -> dict[str, Any]:
    info = catalogue()[key]
    qs = published.current(filters.year, _region(filters.region))
    values = published.cell_values(qs, key, info.unit)
    page = published.rows(qs[filters.offset : filters.offset + filters.limit])
    items = [
        {
            "agency": _agency_ref(r),
            "year": r.year,
            "version": r.version,
            "value": values[r.version_pk],
        }
        for r in page
    ]
    return {
        "key": key,
        "label": info.label,
        "unit": info.unit.value,
        "count": len(values),
        "reported": sum(v is not None for v in values.values()),
        "total": _total(info.unit, list(values.values())),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": items,
    }


@api.get("/years", response={200: list[YearOut], **ERRORS}, summary="有已公开报告的年度")
def years(request: HttpRequest, filters: Query[YearsFilter]) -> list[dict[str, Any]]:
    qs = published.current(region=_region(filters.region)).order_by()
    counted = qs.values("workspace__year").annotate(n=Count("pk")).order_by("workspace__year")
    return [
        {"year": c["workspace__year"], "format": format_for_year(c["workspace__year"]).version,
         "reports": c["n"]}
        for c in counted
    ]  # fmt: skip


_BULK_OPENAPI = {
    "responses": {
        200: {
            "description": "每份报告一行、每个单元格一列（列名为单元格的键）",
            "content": {
                media: {"schema": {"type": "string", "format": "binary"}}
                for media in bulk.MEDIA_TYPES.values()
            },
        }
    }
}


def _bulk(year: int | None, ext: str, region_pk: int | None) -> HttpResponse:
    region = _region(region_pk)
    table = bulk.table_of(published.current(year, region))
    name = f"gongkai-reports-{year or 'all'}{f'-region-{region.pk}' if region else ''}.{ext}"
    response = HttpResponse(bulk.WRITERS[ext](table), content_type=bulk.MEDIA_TYPES[ext])
    response.headers["Content-Disposition"] = content_disposition_header(True, name)
    return response


@api.get(
    "/bulk/all.{ext}",
    response={200: None, **ERRORS},
    openapi_extra=_BULK_OPENAPI,
    summary="全部年度的报告数据（可按地区）",
)
def bulk_all(request: HttpRequest, ext: Ext, filters: Query[BulkFilter]) -> HttpResponse:
    return _bulk(None, ext, filters.region)


@api.get(
    "/bulk/{year}.{ext}",
    response={200: None, **ERRORS},
    openapi_extra=_BULK_OPENAPI,
    summary="一个年度的报告数据（可按地区）",
)
def bulk_year(
    request: HttpRequest,
    ext: Ext,
    filters: Query[BulkFilter],
    year: int = Path(..., ge=2019, le=2100),
) -> HttpResponse:
    return _bulk(year, ext, filters.region)
