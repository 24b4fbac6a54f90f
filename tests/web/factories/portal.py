"""Online applications as the portal files them (services.submit), for tests."""

from __future__ import annotations

from typing import Any

from gongkai.agencies.models import Agency
from gongkai.applications.models import ApplicantType
from gongkai.portal.services.submit import Filed, submit

FIELDS = {
    "applicant_type": ApplicantType.NATURAL_PERSON,
    "applicant_name": "王小明",
    "applicant_id_number": "11010519491231002X",
    "applicant_contact": "电话 13900001111；邮箱 wang@example.org",
    "request": "2025年本镇道路维修工程的招标文件",
    "delivery": "电子",
}


def online_application(agency: Agency, *, ip: str = "192.0.2.1", **fields: Any) -> Filed:
    email = fields.pop("email", "wang@example.org")
    phone = fields.pop("phone", "13900001111")
    return submit(agency, {**FIELDS, **fields}, email=email, phone=phone, ip=ip)
