"""Pages render in Chinese."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_home_is_chinese_by_default(world: Any, client_as: Any) -> None:
    page = client_as("county_supervisor").get(reverse("home")).content.decode()
    assert '<html lang="zh-Hans">' in page
    assert "我的机关" in page
    assert page.index("某县人民政府") < page.index("甲镇人民政府")


def test_no_half_translated_english(world: Any, client_as: Any) -> None:
    """The English interface was a few words among Chinese ones: there is no switch to it, and a
    browser asking for English gets the Chinese pages (findings in English: ``--lang en``)."""
    client = client_as("clerk_jia")
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 404
    page = client.get(reverse("home"), headers={"accept-language": "en"}).content.decode()
    assert '<html lang="zh-Hans">' in page and "我的机关" in page
    assert "set_language" not in page and "English" not in page


def test_login_page_is_chinese(client: Any, db: None) -> None:
    page = client.get(reverse("login")).content.decode()
    assert "<h1>登录</h1>" in page and "用户名" in page


def test_user_without_role_is_told_so(world: Any, client_as: Any) -> None:
    page = client_as("outsider").get(reverse("home")).content.decode()
    assert "您还没有任何机关的权限" in page


def test_agency_page_names_the_users_powers(world: Any, client_as: Any) -> None:
    page = client_as("reviewer_jia").get(reverse("agencies:detail", args=[world.jia.pk]))
    text = page.content.decode()
    assert "填报与更正" in text and "审核" in text and "监督" not in text


def test_htmx_is_served_locally(world: Any, client_as: Any) -> None:
    page = client_as("clerk_jia").get(reverse("home")).content.decode()
    assert "/static/django_htmx/" in page and "://" not in page.split("<body>")[0].replace(
        'xmlns="http://', ""
    )
