"""The shapes of the API (pydantic, through django-ninja): the OpenAPI description is made
from these, so every field says what it is here, once."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

from .catalogue import CELL_KEYS

CellKey = Literal[CELL_KEYS]  # type: ignore[valid-type]  # the enum in the OpenAPI document
CellValue = int | str | None
YEAR_HELP = "报告年度（2019 年及以后；2019、2020 年用 2019 年版格式，2021 年起用 2021 年版格式）"
REGION_HELP = "地区：一个机关的 id，包括它和它下属的全部机关（见 /api/agencies）"


class Error(Schema):
    detail: str = Field(description="错误说明（中文）")
    errors: list[dict[str, str]] = Field(default=[], description="每个有误参数的说明")


class Page(Schema):
    limit: int = Field(100, ge=1, le=1000, description="每页条数（1–1000）")
    offset: int = Field(0, ge=0, description="跳过的条数")


class RegionFilter(Page):
    region: int | None = Field(None, ge=1, description=REGION_HELP)


class ReportFilter(RegionFilter):
    year: int | None = Field(None, ge=2019, le=2100, description=YEAR_HELP)


class BulkFilter(Schema):
    region: int | None = Field(None, ge=1, description=REGION_HELP)


class YearsFilter(Schema):
    region: int | None = Field(None, ge=1, description=REGION_HELP)


class AgencyRef(Schema):
    id: int
    name: str
    code: str | None = Field(description="机构代码（统一社会信用代码或本系统的稳定标识），可空")


class AgencyOut(AgencyRef):
    kind: str = Field(description="类别代码")
    kind_label: str = Field(description="类别")
    parent_id: int | None = Field(description="上级机关 id")
    region: list[str] = Field(description="从最上级到上级机关的名称")
    published_years: list[int] = Field(description="已公开年度报告的年度")


class AgencyList(Schema):
    count: int
    limit: int
    offset: int
    items: list[AgencyOut]


class ReportOut(Schema):
    agency: AgencyRef
    year: int
    format: str = Field(description="格式：2019 或 2021（见 /api/cells）")
    version: int = Field(description="现行版本号：1 为首次公开，更正后依次加一")
    published_at: datetime.datetime = Field(description="现行版本的公开时间")
    url: str = Field(description="本报告数据的 API 地址")
    page_url: str = Field(description="本报告的公开网页")


class ReportList(Schema):
    count: int
    limit: int
    offset: int
    items: list[ReportOut]


class VersionOut(Schema):
    number: int
    published_at: datetime.datetime
    reason: str = Field(description="更正理由（第 1 版为空）")


class FindingOut(Schema):
    """A finding by its code (docs/format.md lists them), without its message: a message can
    quote the agency's internal notes (the reason of a 人工调整), which are not published."""

    code: str
    severity: Literal["error", "warning", "info"]
    cells: list[str]


class FindingSummary(Schema):
    errors: int
    warnings: int
    infos: int
    items: list[FindingOut]


class ReportDetail(ReportOut):
    format_name: str
    region: list[str] = Field(description="从最上级到上级机关的名称")
    versions: list[VersionOut] = Field(description="全部已公开版本，新的在前")
    cells: dict[str, CellValue] = Field(
        description="单元格 → 数值：件数为整数，金额（万元）为字符串形式的精确小数，未填为 null；"
        "键与名称见 /api/cells"
    )
    findings: FindingSummary = Field(description="公开版本的核验发现（公开的报告没有错误）")


class CellOut(Schema):
    key: str
    label: str
    unit: Literal["count", "amount"]
    unit_label: str
    table: str
    table_label: str
    row: str
    column: str
    group: str | None
    formats: list[str]


class FormatOut(Schema):
    version: str
    name: str
    document: str
    first_year: int
    last_year: int | None


class CellCatalogue(Schema):
    formats: list[FormatOut]
    cells: list[CellOut]


class CellValueOut(Schema):
    agency: AgencyRef
    year: int
    version: int
    value: CellValue


class CellAcross(Schema):
    key: str
    label: str
    unit: Literal["count", "amount"]
    count: int = Field(description="符合条件的报告数")
    reported: int = Field(description="其中填了这个单元格的报告数")
    total: CellValue = Field(description="全部符合条件报告的合计（单位同单元格），无数值时为 null")
    limit: int
    offset: int
    items: list[CellValueOut]


class YearOut(Schema):
    year: int
    format: str
    reports: int


class Index(Schema):
    openapi: str
    endpoints: dict[str, str]
