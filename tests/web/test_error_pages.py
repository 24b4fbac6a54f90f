"""The 400, 403, 404, 500 and CSRF pages: Chinese, in the site's style, with DEBUG off.

Before, they were Django's bare English pages, and the CSRF page told users to set DEBUG=True.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

ENGLISH = ("Not Found", "Forbidden", "Bad Request", "Server Error", "DEBUG", "CSRF verification")


def _chinese_page(response: Any, status: int, heading: str) -> str:
    assert response.status_code == status
    body = response.content.decode()
    assert '<html lang="zh-Hans">' in body and "gongkai/site.css" in body
    assert f"<h1>{heading}</h1>" in body
    for word in ENGLISH:
        assert word not in body, word
    return body


@override_settings(DEBUG=False)
def test_404_is_chinese(world: Any, client_as: Any) -> None:
    _chinese_page(client_as("clerk_jia").get("/no/such/page/"), 404, "页面不存在")
    missing = reverse("agencies:detail", args=[999_999])
    _chinese_page(client_as("clerk_jia").get(missing), 404, "页面不存在")


@override_settings(DEBUG=False)
def test_403_is_chinese_and_says_why(world: Any, client_as: Any) -> None:
    from .factories.applications import application_for

    app = application_for(world.jia)
    url = reverse("applications:personal", args=[app.pk])
    body = _chinese_page(client_as("county_supervisor").get(url), 403, "没有权限")
    assert "只有本机关的经办人、审核人可以查看申请人个人信息" in body


@override_settings(DEBUG=False)
def test_400_names_the_bad_parameter(world: Any, client_as: Any) -> None:
    url = reverse("disclosures:monthly_xlsx", args=[world.jia.pk])
    body = _chinese_page(client_as("clerk_jia").get(url, {"month": "9999-12"}), 400, "请求有误")
    assert "参数 month（月份）" in body and "9999-12" in body


@override_settings(DEBUG=False)
def test_csrf_failure_is_chinese_and_never_mentions_debug(world: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    body = _chinese_page(
        client.post(reverse("login"), {"username": "x"}), 403, "页面已过期，未能提交"
    )
    assert "刷新页面后重新提交" in body


def test_500_renders_without_request_or_database(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        body = render_to_string("500.html")
    assert "<h1>系统出错</h1>" in body and "gongkai/site.css" in body


@override_settings(DEBUG=False)
def test_500_page_is_served_on_an_error(world: Any, client_as: Any, monkeypatch: Any) -> None:
    from gongkai.site import views

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "indented", broken)
    client = client_as("clerk_jia")
    client.raise_request_exception = False
    _chinese_page(client.get(reverse("home")), 500, "系统出错")
