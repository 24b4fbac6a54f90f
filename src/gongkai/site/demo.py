"""The demo world: the five agencies of the 2020 seed reports in a plausible supervision tree,
one user per role, fixed passwords. ``load_demo()`` is idempotent: run it any number of times.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.accounts.models import Role
from gongkai.accounts.services import grant_role
from gongkai.agencies.models import Agency
from gongkai.agencies.services import create_agency
from gongkai.reports.demo import load_demo_reports

K = Agency.Kind
REASON = "演示数据"
PASSWORD = "gongkai-demo"

# (code, name, kind, parent code). The five seed agencies keep the names their reports use.
AGENCIES: list[tuple[str, str, str, str | None]] = [
    ("demo-gkb", "国务院办公厅政府信息与政务公开办公室", K.OFFICE, None),
    ("demo-wenzhou", "浙江省温州市人民政府", K.GOVERNMENT, "demo-gkb"),
    ("demo-yueqing", "乐清市人民政府", K.GOVERNMENT, "demo-wenzhou"),
    ("demo-beibaixiang", "北白象镇人民政府", K.TOWNSHIP, "demo-yueqing"),
    ("demo-yueqing-jgsw", "乐清市机关事务管理中心", K.INSTITUTION, "demo-yueqing"),
    ("demo-quanzhou", "福建省泉州市人民政府", K.GOVERNMENT, "demo-gkb"),
    ("demo-jinjiang", "晋江市人民政府", K.GOVERNMENT, "demo-quanzhou"),
    ("demo-yinglin", "英林镇人民政府", K.TOWNSHIP, "demo-jinjiang"),
    ("demo-sanming", "福建省三明市人民政府", K.GOVERNMENT, "demo-gkb"),
    ("demo-yongan", "永安市人民政府", K.GOVERNMENT, "demo-sanming"),
    ("demo-xiaotao", "永安市小陶镇人民政府", K.TOWNSHIP, "demo-yongan"),
    ("demo-zhoukou", "河南省周口市人民政府", K.GOVERNMENT, "demo-gkb"),
    ("demo-fugou", "扶沟县人民政府", K.GOVERNMENT, "demo-zhoukou"),
    ("demo-cuiqiao", "崔桥镇人民政府", K.TOWNSHIP, "demo-fugou"),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    description: str


# (username, display name, agency code, role or None for the superuser, description)
USERS: list[tuple[str, str, str | None, Role | None, str]] = [
    ("clerk", "张经办", "demo-beibaixiang", Role.CLERK, "北白象镇人民政府 经办人"),
    ("reviewer", "李审核", "demo-beibaixiang", Role.REVIEWER, "北白象镇人民政府 审核人（负责人）"),
    (
        "county",
        "陈主管",
        "demo-yueqing",
        Role.SUPERVISOR,
        "乐清市人民政府 主管部门：看乐清市下属机关",
    ),
    ("supervisor", "王主管", "demo-gkb", Role.SUPERVISOR, "政务公开办 主管部门：看全部五个机关"),
    ("admin", "系统管理员", None, None, "系统管理员（superuser，可进入 /admin/）"),
]


@transaction.atomic
def load_demo() -> list[DemoLogin]:
    agencies = _load_agencies()
    logins = [_load_user(row, agencies) for row in USERS]
    load_demo_reports(agencies)
    _load_demo_activity()
    return logins


def _load_demo_activity() -> None:
    """A year (2026) of 北白象镇's work: applications, published items, registers, a 复议 case,
    and the annual-report workspace compiled from them."""
    from gongkai.portal.demo import load_demo_portal
    from gongkai.workspace.demo import load_demo_workspace

    load_demo_workspace()
    load_demo_portal()


def _load_agencies() -> dict[str, Agency]:
    by_code = {a.code: a for a in Agency.objects.filter(code__startswith="demo-")}
    for code, name, kind, parent_code in AGENCIES:
        if code in by_code:
            continue
        parent = by_code[parent_code] if parent_code else None
        by_code[code] = create_agency(name=name, kind=kind, parent=parent, code=code, reason=REASON)
    return by_code


def _load_user(
    row: tuple[str, str, str | None, Role | None, str], agencies: dict[str, Agency]
) -> DemoLogin:
    username, display_name, agency_code, role, description = row
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.first_name = display_name
    user.is_superuser = user.is_staff = role is None
    user.set_password(PASSWORD)  # reset each time, so the printed logins always work
    user.save()
    if agency_code and role:
        grant_role(user, agencies[agency_code], role, by=None, reason=REASON)
    return DemoLogin(username, PASSWORD, description)


def format_logins(logins: list[DemoLogin]) -> str:
    width = max(len(login.username) for login in logins)
    lines = ["演示账号（用户名 / 密码）："]
    lines += [f"  {x.username:<{width}}  {x.password}  {x.description}" for x in logins]
    return "\n".join(lines)
