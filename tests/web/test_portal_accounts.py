"""Optional applicant accounts (/gk/account/): sign-up with Django's password validators and
Chinese field errors, login through django-axes, 我的申请 listing exactly the account's own
applications, adding one filed without the account by number + code (counted like tracking),
and an account that gets nowhere in the staff app."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import Membership
from gongkai.portal.models import OnlineRequest, PortalAccount

from .factories.portal import online_application
from .test_portal_apply import PERSON

pytestmark = pytest.mark.django_db

PASSWORD = "huang-he-liu-2026"
RECEIVED = dt.datetime(2025, 9, 26, 10, 0, tzinfo=dt.UTC)  # Fri 2025-09-26 in Beijing


def _signup(client: Client, email: str, password: str = PASSWORD, again: str | None = None) -> Any:
    data = {"email": email, "password1": password, "password2": again or password}
    return client.post(reverse("portal:account_signup"), data)


def _account_client(email: str) -> Client:
    client = Client()
    assert _signup(client, email)["Location"] == reverse("portal:account")
    return client


def _field_error(html: str, field: str) -> str:
    found = re.search(rf'id="id_{field}_error">([^<]+)<', html)
    assert found, f"no error on {field}"
    return found.group(1)


def _apply(client: Client, world: Any, **data: Any) -> Any:
    return client.post(reverse("portal:apply", kwargs={"pk": world.jia.pk}), {**PERSON, **data})


def test_signup_errors_are_chinese_and_on_their_fields(client: Client, world: Any) -> None:
    empty = client.post(reverse("portal:account_signup"), {})
    html = empty.content.decode()
    assert empty.status_code == 400
    assert _field_error(html, "email") == "请填写电子邮箱"
    assert _field_error(html, "password1") == "请设置密码"
    assert _field_error(html, "password2") == "请再次输入密码"
    bad = _signup(client, "not-an-address", "short")
    assert _field_error(bad.content.decode(), "email").startswith("电子邮箱格式不正确")
    short = _field_error(bad.content.decode(), "password1")
    assert short == "密码太短：至少需要 8 个字符"  # MinimumLengthValidator
    common = _signup(client, "a@example.org", "password123").content.decode()
    assert _field_error(common, "password1") == "这个密码太常见，容易被猜中，请换一个"
    numeric = _signup(client, "a@example.org", "20260318190544").content.decode()
    assert _field_error(numeric, "password1") == "密码不能全是数字"
    similar = _signup(client, "huanghe.liu@example.org", "huanghe.liu").content.decode()
    assert _field_error(similar, "password1") == "密码与电子邮箱太相近，请换一个"
    differ = _signup(client, "a@example.org", PASSWORD, again=PASSWORD + "x")
    assert _field_error(differ.content.decode(), "password2") == "两次输入的密码不一致"
    assert not PortalAccount.objects.exists()


def test_signup_logs_in_an_account_that_is_no_staff(client: Client, world: Any) -> None:
    response = _signup(client, " Wang@Example.org ")
    assert response.status_code == 302 and response["Location"] == reverse("portal:account")
    account = PortalAccount.objects.get()
    assert account.email == "wang@example.org"
    user = account.user
    assert not user.is_staff and not user.is_superuser
    assert not Membership.objects.filter(user=user).exists()
    assert user.username != account.email  # the staff login cannot be used with the e-mail
    assert "wang@example.org" in client.get(reverse("portal:account")).content.decode()
    taken = _signup(Client(), "WANG@example.org")
    assert _field_error(taken.content.decode(), "email") == "该电子邮箱已注册账号，请直接登录"


def test_login_logout_and_wrong_password(world: Any) -> None:
    _account_client("wang@example.org")
    client = Client()
    login = reverse("portal:account_login")
    wrong = client.post(login, {"email": "wang@example.org", "password": "nope-nope-nope"})
    assert wrong.status_code == 400 and "电子邮箱或密码不正确" in wrong.content.decode()
    unknown = client.post(login, {"email": "nobody@example.org", "password": PASSWORD})
    assert unknown.status_code == 400 and "电子邮箱或密码不正确" in unknown.content.decode()
    assert client.get(reverse("portal:account"))["Location"] == login
    right = client.post(login, {"email": "WANG@example.org", "password": PASSWORD})
    assert right["Location"] == reverse("portal:account")
    assert client.get(reverse("portal:account")).status_code == 200
    assert client.post(reverse("portal:account_logout"))["Location"] == reverse("portal:index")
    assert client.get(reverse("portal:account"))["Location"] == login


def test_login_is_throttled_by_axes(world: Any, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    _account_client("wang@example.org")
    client = Client()
    login = reverse("portal:account_login")
    for _ in range(3):
        client.post(login, {"email": "wang@example.org", "password": "nope-nope-nope"})
    locked = client.post(login, {"email": "wang@example.org", "password": PASSWORD})
    assert locked.status_code == 429  # the right password no longer helps
    assert client.get(reverse("portal:account"))["Location"] == login


def test_a_staff_login_is_no_portal_login(world: Any) -> None:
    """A clerk's credentials open nothing here: only portal accounts log in at /gk/account/."""
    clerk = world.user("clerk_jia")
    clerk.email = "clerk@example.org"
    clerk.set_password(PASSWORD)
    clerk.save()
    response = Client().post(
        reverse("portal:account_login"), {"email": "clerk@example.org", "password": PASSWORD}
    )
    assert response.status_code == 400


def test_logged_in_the_form_is_prefilled_and_the_application_is_the_accounts(
    world: Any,
) -> None:
    mine = _account_client("wang@example.org")
    form = mine.get(reverse("portal:apply", kwargs={"pk": world.jia.pk})).content.decode()
    assert 'value="wang@example.org"' in form
    with time_machine.travel(RECEIVED, tick=False):
        assert _apply(mine, world)["Location"] == reverse("portal:applied")
        filed = OnlineRequest.objects.get()
        assert filed.account == PortalAccount.objects.get(email="wang@example.org")
        html = mine.get(reverse("portal:account")).content.decode()
        tracked = reverse("portal:tracked", kwargs={"pk": filed.pk})
        page = mine.get(tracked)  # no code needed: the tracking view answers the account
        notice = mine.get(reverse("portal:notice", kwargs={"pk": filed.pk}))
    assert filed.tracking_number in html and world.jia.name in html
    assert "已登记" in html and "2025-10-30" in html  # due date, as on the tracking page
    assert tracked in html
    assert page.status_code == 200 and filed.tracking_number in page.content.decode()
    assert notice.status_code == 200 and notice["Content-Type"].endswith("document")


def test_a_provisional_due_date_is_marked_on_the_list(world: Any) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 21, 2, 0, tzinfo=dt.UTC), tick=False):
        mine = _account_client("wang@example.org")
        _apply(mine, world)
        html = mine.get(reverse("portal:account")).content.decode()
    assert "（暂定，待国务院公布 2027 年放假安排后重算）" in html


def test_the_list_shows_only_own_applications(world: Any) -> None:
    wang = _account_client("wang@example.org")
    li = _account_client("li@example.org")
    _apply(wang, world, email="wang@example.org")
    _apply(li, world, email="li@example.org", phone="13900002222", name="李四")
    anonymous = online_application(world.jia, email="zhao@example.org", phone="13900003333")
    ours = OnlineRequest.objects.get(account__email="wang@example.org")
    theirs = OnlineRequest.objects.get(account__email="li@example.org")
    html = wang.get(reverse("portal:account")).content.decode()
    assert ours.tracking_number in html
    assert theirs.tracking_number not in html and anonymous.online.tracking_number not in html
    assert "李四" not in html and "王小明" not in html  # no personal data on the list at all
    for pk in (theirs.pk, anonymous.online.pk):  # nobody else's status page, notice or 补正
        for name in ("portal:tracked", "portal:notice"):
            response = wang.get(reverse(name, kwargs={"pk": pk}))
            assert response["Location"] == reverse("portal:track")
        correct = wang.post(reverse("portal:correct", kwargs={"pk": pk}), {"text": "补正"})
        assert correct["Location"] == reverse("portal:track")


def test_claiming_with_number_and_code(world: Any) -> None:
    filed = online_application(world.jia)
    wang = _account_client("wang@example.org")
    claim = reverse("portal:account_claim")
    number = filed.online.tracking_number
    wrong = wang.post(claim, {"number": number, "code": "2345-6789-ABCD"})
    assert wrong.status_code == 400 and "查询号或查询码不正确" in wrong.content.decode()
    filed.online.refresh_from_db()
    assert filed.online.account is None
    right = wang.post(claim, {"number": number.lower(), "code": filed.code.lower()})
    assert right["Location"] == reverse("portal:account")
    assert number in wang.get(reverse("portal:account")).content.decode()
    again = wang.post(claim, {"number": number, "code": filed.code})
    assert again.status_code == 400 and "已在您的申请列表中" in again.content.decode()
    other = _account_client("li@example.org")
    stolen = other.post(claim, {"number": number, "code": filed.code})
    assert stolen.status_code == 400 and "另一个账号" in stolen.content.decode()
    filed.online.refresh_from_db()
    assert filed.online.account.email == "wang@example.org"


def test_claiming_is_rate_limited_like_tracking(world: Any, settings: Any) -> None:
    settings.GONGKAI_PORTAL_TRACKING_FAILURES_PER_IP = 2
    filed = online_application(world.jia)
    wang = _account_client("wang@example.org")
    claim = reverse("portal:account_claim")
    number = filed.online.tracking_number
    for _ in range(2):
        assert wang.post(claim, {"number": number, "code": "2345-6789-ABCD"}).status_code == 400
    blocked = wang.post(claim, {"number": number, "code": filed.code})
    assert blocked.status_code == 429 and "查询失败次数过多" in blocked.content.decode()
    # the same ledger as tracking: the tracking form is refused too
    track = wang.post(reverse("portal:track"), {"number": number, "code": filed.code})
    assert track.status_code == 429


def test_signups_are_rate_limited_per_address(world: Any, settings: Any) -> None:
    settings.GONGKAI_PORTAL_SIGNUPS_PER_IP = 1
    _account_client("wang@example.org")
    refused = _signup(Client(), "li@example.org")
    assert refused.status_code == 429 and "每日最多注册 1 个账号" in refused.content.decode()
    assert not PortalAccount.objects.filter(email="li@example.org").exists()


STAFF_PAGES = ("home", "applications:list", "reports:list", "dashboard:index", "admin:index")


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_the_account_gets_no_staff_page(name: str, world: Any) -> None:
    client = _account_client("wang@example.org")
    response = client.get(reverse(name))
    assert response.status_code == 403
    assert "不能进入机关工作平台" in response.content.decode()


def test_the_account_is_refused_every_staff_url_without_arguments(world: Any) -> None:
    """Every URL pattern outside the public parts of the site, not only the ones named above:
    the middleware's allow-list closes staff pages added later too."""
    from .test_permissions_urls import SITE_PATTERNS

    client = _account_client("wang@example.org")
    public = ("/gk/", "/api/", "/data/", "/annual-reports/")
    checked = 0
    for name, pattern in SITE_PATTERNS:
        if pattern.pattern.converters or pattern.pattern.regex.groupindex:
            continue
        url = reverse(name)
        if url.startswith(public):
            continue
        response = client.get(url)
        assert response.status_code == 403, f"{url} ({name})"
        checked += 1
    assert checked > 10
    assert client.get(reverse("portal:index")).status_code == 200  # the portal stays open
    assert client.get(reverse("opendata:index")).status_code == 200


def test_after_logout_staff_pages_treat_the_browser_as_anonymous(world: Any) -> None:
    client = _account_client("wang@example.org")
    client.post(reverse("portal:account_logout"))
    response = client.get(reverse("applications:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
