"""What the public may read: the current published version of each agency's report.

A workspace's ``snapshot`` changes while a correction (更正) is drafted and the library copy can
be an upload nobody published, so neither is read here: the one source is
``workspace.PublishedVersion``, the frozen text of each publication, newest number per workspace.
Only the agency, the year, the format, the version, the publication date, the cells and the
findings leave this module — never who published, reviewed or corrected.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.fields.json import KeyTextTransform, KeyTransform

from gongkai.agencies.models import Agency
from gongkai.report.formats import FORMATS, Unit, format_for_year
from gongkai.workspace.models import PublishedVersion

_FIELDS = {
    "version_pk": "pk",
    "workspace_pk": "workspace_id",
    "version": "number",
    "published_at": "published_at",
    "year": "workspace__year",
    "agency_id": "workspace__agency_id",
    "agency_name": "workspace__agency__name",
    "agency_code": "workspace__agency__code",
    "agency_path": "workspace__agency__path",
}


@dataclass(frozen=True)
class Published:
    """One report as published now (its current version), without its cells."""

    version_pk: int
    workspace_pk: int
    version: int
    published_at: datetime.datetime
    year: int
    format: str
    agency_id: int
    agency_name: str
    agency_code: str | None
    agency_path: str


def current(year: int | None = None, region: Agency | None = None) -> QuerySet[PublishedVersion]:
    """The newest published version of every report, in a region (the agency and everything
    under it) and year if given, ordered by year and then by the agency tree."""
    newer = PublishedVersion.objects.filter(
        workspace=OuterRef("workspace"), number__gt=OuterRef("number")
    )
    qs = PublishedVersion.objects.filter(~Exists(newer))
    if year is not None:
        qs = qs.filter(workspace__year=year)
    if region is not None:
        qs = qs.filter(workspace__agency__path__startswith=region.path)
    return qs.order_by("workspace__year", "workspace__agency__path", "pk")


def rows(qs: QuerySet[PublishedVersion]) -> list[Published]:
    """The reports of ``qs`` (sliced or not) without touching their JSON: a workspace always
    compiles its report in the year's layout (``workspace.services.assemble``), so the format
    follows from the year."""
    values = qs.values(*_FIELDS.values())
    return [
        Published(
            format=format_for_year(v["workspace__year"]).version,
            **{name: v[field] for name, field in _FIELDS.items()},
        )
        for v in values
    ]


def cells(qs: QuerySet[PublishedVersion]) -> dict[int, dict[str, Any]]:
    """Version pk → its cells (``{key: int | "decimal" | None}``), the narrative left in the DB."""
    values = qs.values_list("pk", KeyTransform("cells", "report"))
    return {pk: dict(c or {}) for pk, c in values}


def cell_values(qs: QuerySet[PublishedVersion], key: str, unit: Unit) -> dict[int, Any]:
    """Version pk → the value of one cell (``None`` where not given or not in the format), as
    in the report's JSON: an int for a count, the exact decimal text for an amount. Read as
    text: SQLite would turn a scalar's JSON "12.50" into the float 12.5 (and answers a JSON
    null as the text "null", which no cell can hold otherwise)."""
    value = KeyTextTransform(key, KeyTransform("cells", "report"))
    if unit is Unit.COUNT:
        return {pk: _count(v) for pk, v in qs.values_list("pk", value)}
    return {pk: None if v in (None, "null") else str(v) for pk, v in qs.values_list("pk", value)}


def _count(text: Any) -> int | None:
    """A count read as text (see ``cell_values``)."""
    return None if text is None or text == "null" else int(text)


def one(agency_id: int, year: int) -> PublishedVersion | None:
    """The current version of one agency's report for one year, with every earlier version's
    number, date and reason reachable through ``workspace.versions``."""
    qs = current(year).filter(workspace__agency_id=agency_id).select_related("workspace__agency")
    return qs.first()


def region_names(paths: Iterable[str]) -> dict[int, str]:
    """Agency pk → name for every agency on the given paths (one query)."""
    ids = {int(part) for path in paths for part in path.strip("/").split("/") if part}
    return dict(Agency.objects.filter(pk__in=ids).values_list("pk", "name"))


def region_of(path: str, names: dict[int, str]) -> list[str]:
    """The names from the root down to the parent of the agency at ``path``."""
    return [names[int(p)] for p in path.strip("/").split("/")[:-1] if p and int(p) in names]


def format_name(version: str) -> str:
    return FORMATS[version].name if version in FORMATS else version
