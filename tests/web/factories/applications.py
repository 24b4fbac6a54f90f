"""Applications through the services, as the web app creates them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from gongkai.agencies.models import Agency
from gongkai.applications.models import Application
from gongkai.applications.services.workflow import register


class ApplicationFields(factory.DictFactory):
    channel = "in_person"
    received = factory.LazyFunction(dt.date.today)
    applicant_type = "natural_person"
    applicant_name = "张三丰"
    applicant_id_number = "330102199001011234"
    applicant_contact = "13812345678"
    request = factory.Sequence(lambda n: f"第{n}号申请：2025年度财政预算执行情况")


def application_for(agency: Agency, *, by: Any = None, **fields: Any) -> Application:
    return register(agency, ApplicationFields(**fields), by=by)
