"""The public pages of /gk/: agencies, the 公开指南, the 公开目录 (published items only, search,
filters, pages), an item's permanent page, the annual reports, the sitemap, caching headers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from gongkai.accounts.models import Role
from gongkai.disclosures.services import ensure_default_categories
from gongkai.portal.models import Guide, SearchEntry
from gongkai.portal.services.search_index import index_words, query_words

from .factories.accounts import MembershipFactory
from .factories.disclosures import item_for, published_item

pytestmark = pytest.mark.django_db


def _publish(world: Any, **fields: Any) -> Any:
    return published_item(world.jia, world.user("clerk_jia"), world.user("reviewer_jia"), **fields)


def test_index_lists_agencies_and_narrows_by_name(client: Any, world: Any) -> None:
    html = client.get(reverse("portal:index")).content.decode()
    assert "甲镇人民政府" in html and "乙镇人民政府" in html and "某县人民政府" in html
    html = client.get(reverse("portal:index"), {"q": "乙镇"}).content.decode()
    assert "乙镇人民政府" in html and "甲镇人民政府" not in html


def test_guide_is_shown_on_the_agency_page(client: Any, world: Any) -> None:
    url = reverse("portal:agency", kwargs={"pk": world.jia.pk})
    assert "尚未在本系统发布政府信息公开指南" in client.get(url).content.decode()
    Guide.objects.create(
        agency=world.jia,
        scope="本机关主动公开机构职能、规范性文件。",
        how_to_apply="当面、邮寄或网络申请。",
        office_name="甲镇党政办公室",
        address="甲镇人民路1号",
        hours="工作日 8:30-17:00",
        phone="0577-12345678",
        fees="不收费。",
        remedies="可以申请行政复议或者提起行政诉讼。",
    )
    html = client.get(url).content.decode()
    assert "甲镇党政办公室" in html and "0577-12345678" in html and "工作日 8:30-17:00" in html


def test_catalogue_shows_only_published_items(client: Any, world: Any) -> None:
    _publish(world, title="关于农村道路养护的通知")
    item_for(world.jia, title="尚在审核的草稿")
    html = client.get(reverse("portal:catalogue", kwargs={"pk": world.jia.pk})).content.decode()
    assert "关于农村道路养护的通知" in html
    assert "尚在审核的草稿" not in html
    assert "共 1 条" in html


def test_search_reads_title_doc_number_and_body(client: Any, world: Any) -> None:
    _publish(world, title="甲镇2026年财政预算", body="一般公共预算收入三千万元")
    _publish(world, title="防汛应急预案", doc_number="甲政〔2026〕9号")
    url = reverse("portal:catalogue", kwargs={"pk": world.jia.pk})
    assert "甲镇2026年财政预算" in client.get(url, {"q": "公共预算收入"}).content.decode()
    html = client.get(url, {"q": "甲政〔2026〕9号"}).content.decode()
    assert "防汛应急预案" in html and "甲镇2026年财政预算" not in html
    html = client.get(url, {"q": "预算 防汛"}).content.decode()  # every word must match
    assert "共 0 条" in html


def test_filters_by_category_and_date(client: Any, world: Any) -> None:
    categories = ensure_default_categories(world.jia)
    _publish(world, title="三月的信息", published_on=dt.date(2026, 3, 10), category=categories[0])
    _publish(world, title="五月的信息", published_on=dt.date(2026, 5, 10), category=categories[1])
    url = reverse("portal:catalogue", kwargs={"pk": world.jia.pk})
    html = client.get(url, {"since": "2026-04-01"}).content.decode()
    assert "五月的信息" in html and "三月的信息" not in html
    html = client.get(url, {"category": categories[0].pk}).content.decode()
    assert "三月的信息" in html and "五月的信息" not in html


def test_bad_filters_are_chinese_errors_not_500(client: Any, world: Any) -> None:
    url = reverse("portal:catalogue", kwargs={"pk": world.jia.pk})
    response = client.get(url, {"since": "2026-13-40"})
    assert response.status_code == 400
    assert "日期格式应为 2026-01-31" in response.content.decode()
    response = client.get(url, {"since": "2026-05-01", "until": "2026-04-01"})
    assert "结束日期不能早于开始日期" in response.content.decode()
    response = client.get(url, {"category": "999999"})
    assert "没有这个目录类别" in response.content.decode()
    assert client.get(url, {"page": "abc"}).status_code == 200


def test_catalogue_pages(client: Any, world: Any) -> None:
    for i in range(21):
        day = dt.date(2026, 1, 1) + dt.timedelta(i)
        _publish(world, title=f"第{i:02d}条信息", formed_on=dt.date(2025, 12, 1), published_on=day)
    url = reverse("portal:catalogue", kwargs={"pk": world.jia.pk})
    first = client.get(url).content.decode()
    assert "第 1 / 2 页" in first and "第20条信息" in first and "第00条信息" not in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "第00条信息" in second


def test_item_page_is_permanent_and_drafts_do_not_exist(client: Any, world: Any) -> None:
    item = _publish(world, title="机构职能", body="负责全镇经济社会发展。")
    html = client.get(reverse("portal:item", kwargs={"pk": item.pk})).content.decode()
    assert "机构职能" in html and "负责全镇经济社会发展。" in html
    draft = item_for(world.jia, title="草稿")
    assert client.get(reverse("portal:item", kwargs={"pk": draft.pk})).status_code == 404


def test_public_pages_are_cacheable_and_set_no_cookie(client: Any, world: Any) -> None:
    for url in (
        reverse("portal:index"),
        reverse("portal:agency", kwargs={"pk": world.jia.pk}),
        reverse("portal:catalogue", kwargs={"pk": world.jia.pk}),
    ):
        response = client.get(url)
        assert "public" in response["Cache-Control"], url
        assert not response.cookies, url
    apply = client.get(reverse("portal:apply", kwargs={"pk": world.jia.pk}))
    assert "no-cache" in apply["Cache-Control"] or "private" in apply["Cache-Control"]


def test_sitemap_lists_agencies_and_published_items_only(client: Any, world: Any) -> None:
    item = _publish(world, title="机构职能")
    draft = item_for(world.jia, title="草稿")
    index = client.get(reverse("portal:sitemap")).content.decode()
    assert reverse("portal:sitemap_items") in index
    agencies = client.get(reverse("portal:sitemap_agencies")).content.decode()
    assert reverse("portal:catalogue", kwargs={"pk": world.jia.pk}) in agencies
    items = client.get(reverse("portal:sitemap_items")).content.decode()
    assert reverse("portal:item", kwargs={"pk": item.pk}) in items
    assert reverse("portal:item", kwargs={"pk": draft.pk}) not in items
    assert "<lastmod>2026-03-10</lastmod>" in items


def test_staff_edit_the_guide_with_history(client_as: Any, world: Any) -> None:
    url = reverse("portal:edit_guide", kwargs={"pk": world.jia.pk})
    client = client_as("clerk_jia")
    bad = client.post(url, {"office_name": "甲镇党政办公室"})
    assert bad.status_code == 400 and "这个字段是必填项" in bad.content.decode()
    data = {
        "scope": "机构职能、规范性文件",
        "how_to_apply": "网络申请",
        "office_name": "甲镇党政办公室",
        "address": "人民路1号",
        "hours": "工作日",
        "phone": "0577-1",
        "fees": "不收费",
        "remedies": "复议、诉讼",
    }
    assert client.post(url, data).status_code == 302
    guide = Guide.objects.get(agency=world.jia)
    assert guide.updated_by == world.user("clerk_jia")
    assert guide.history.count() == 1
    public = client.get(reverse("portal:agency", kwargs={"pk": world.jia.pk})).content.decode()
    assert "甲镇党政办公室" in public


def test_the_search_index_follows_every_save(client: Any, world: Any) -> None:
    item = _publish(world, title="机构职能", body="负责道路养护")
    url = reverse("portal:catalogue", kwargs={"pk": world.jia.pk})
    assert "机构职能" in client.get(url, {"q": "道路养护"}).content.decode()
    item.body = "负责农田水利"
    item.save()
    assert "共 0 条" in client.get(url, {"q": "道路养护"}).content.decode()
    assert "机构职能" in client.get(url, {"q": "农田水利"}).content.decode()
    assert "机构职能" in client.get(url, {"q": "职"}).content.decode()  # one character
    # punctuation alone is searched literally (icontains): not in the item
    assert "共 0 条" in client.get(url, {"q": "〔〕"}).content.decode()
    draft = item_for(world.jia, title="农田水利草稿")
    assert not SearchEntry.objects.filter(item_id=draft.pk).exists()


def test_search_is_per_agency(client: Any, world: Any) -> None:
    reviewer = MembershipFactory(agency=world.yi, role=Role.REVIEWER).user
    published_item(world.yi, world.user("clerk_yi"), reviewer, title="乙镇道路养护")
    url = reverse("portal:catalogue", kwargs={"pk": world.jia.pk})
    assert "乙镇道路养护" not in client.get(url, {"q": "道路养护"}).content.decode()


CJK = "道路养护财政预算规划年度第号"


@given(st.text(alphabet=CJK + "，。 2026abc", max_size=40), st.data())
def test_every_run_of_characters_in_a_text_is_found(text: str, data: st.DataObject) -> None:
    """No false negative: any slice of the text that starts and ends on a CJK character needs
    only words the text's index holds."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    piece = text[start:end]
    if not piece or piece[0] not in CJK or piece[-1] not in CJK:
        return
    assert set(query_words(piece)) <= set(index_words(text))


def test_words_of_a_text_and_of_a_query() -> None:
    assert index_words("道路养护，2026年") == [
        "道",
        "路",
        "养",
        "护",
        "道路",
        "路养",
        "养护",
        "2026",
        "年",
    ]
    assert query_words("道路养护") == ["道路", "路养", "养护"]
    assert query_words("职") == ["职"]
    assert query_words("甲政〔2026〕9号") == ["甲政", "2026", "9", "号"]


def test_the_agency_page_links_the_guide_editor_for_its_staff_only(
    client_as: Any, world: Any
) -> None:
    edit = reverse("portal:edit_guide", kwargs={"pk": world.jia.pk})
    page = reverse("agencies:detail", kwargs={"pk": world.jia.pk})
    assert edit in client_as("clerk_jia").get(page).content.decode()
    assert edit not in client_as("county_supervisor").get(page).content.decode()
