"""Disclosure and remedy objects for tests, always through the models' own services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.agencies.models import Agency
from gongkai.disclosures.models import Item, Step
from gongkai.disclosures.services import ensure_default_categories
from gongkai.disclosures.workflow import take_step
from gongkai.remedies.models import Case, Kind, Result


def item_for(agency: Agency, *, title: str = "关于某事项的通知", **fields: Any) -> Item:
    category = ensure_default_categories(agency)[0]
    values = {
        "title": title,
        "formed_on": dt.date(2026, 3, 2),
        "category": category,
        "article_item": "1",
        "channels": ["website"],
        **fields,
    }
    item = Item(agency=agency, **values)
    item.save()
    return item


def published_item(agency: Agency, clerk: Any, reviewer: Any, **fields: Any) -> Item:
    """An item taken through the whole review chain and published."""
    published_on = fields.pop("published_on", dt.date(2026, 3, 10))
    item = item_for(agency, **fields)
    take_step(item, Step.SUBMIT, by=clerk)
    take_step(item, Step.DEPT_OPINION, by=reviewer, opinion="同意")
    take_step(item, Step.SECRECY_REVIEW, by=clerk, opinion="不涉密")
    take_step(item, Step.LEADER_APPROVAL, by=reviewer, opinion="同意")
    take_step(item, Step.PUBLISH, by=clerk, published_on=published_on)
    item.refresh_from_db()
    return item


def case_for(agency: Agency, **fields: Any) -> Case:
    values = {"kind": Kind.RECONSIDERATION, "filed_on": dt.date(2026, 4, 1), **fields}
    values.setdefault("result", Result.PENDING)
    case = Case(agency=agency, **values)
    case.full_clean()
    case.save()
    return case
