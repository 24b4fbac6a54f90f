"""The supervisor dashboard: states per agency, sums per cell, the identities checked on the sum,
charts' data and the XLSX downloads."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from lxml import html as lxml_html
from openpyxl import load_workbook

from gongkai.dashboard.aggregate import aggregate_report, scope
from gongkai.dashboard.charts import ranking
from gongkai.report.formats import FORMATS
from gongkai.report.render import render
from gongkai.reports.services import correct_cell, report_of

from .factories.reports import report_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def two(world: Any) -> tuple[Any, Any]:
    return report_for(world.jia, seed=11), report_for(world.yi, seed=12)


def test_sums_per_cell_and_identities_hold_on_the_sum(world: Any, two: Any) -> None:
    jia, yi = (report_of(r) for r in two)
    total = aggregate_report(scope(world.user("county_supervisor"), world.county), 2020, "汇总")
    for key in FORMATS["2019"].cells:
        assert total.cells[key] == jia.cells[key] + yi.cells[key], key
    assert total.findings == [], [f.message for f in total.findings]


def test_none_only_where_no_agency_has_the_value(world: Any, two: Any) -> None:
    jia, yi = two
    a, b = "apply.new.commercial", "remedy.reconsideration.upheld"
    correct_cell(jia, a, "", by=None, reason="测试")
    correct_cell(jia, b, "", by=None, reason="测试")
    correct_cell(yi, b, "", by=None, reason="测试")
    total = aggregate_report(scope(world.user("admin"), world.county), 2020, "汇总")
    assert total.cells[a] == report_of(yi).cells[a]
    assert total.cells[b] is None


def test_identity_broken_in_one_agency_shows_on_the_sum(world: Any, two: Any) -> None:
    jia, _ = two
    correct_cell(jia, "apply.granted.natural_person", "999", by=None, reason="测试")
    total = aggregate_report(scope(world.user("admin"), world.county), 2020, "汇总")
    assert {"APPLY_ROW_SUM", "APPLY_OUTCOME_SUM"} <= {f.code for f in total.findings}


def test_page_lists_every_agency_with_its_state(world: Any, two: Any, client_as: Any) -> None:
    correct_cell(two[0], "apply.granted.natural_person", "999", by=None, reason="测试")
    response = client_as("county_supervisor").get(
        reverse("dashboard:agency", args=[world.county.pk])
    )
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.content)
    rows = {
        tr.xpath("./td[1]")[0].text_content().strip(): tr.xpath("./td[2]")[0].text_content().strip()
        for tr in doc.xpath('//table[@class="agencies"]/tbody/tr')
    }
    assert rows == {"某县人民政府": "未上传", "甲镇人民政府": "有错误", "乙镇人民政府": "无问题"}
    assert doc.xpath('//section[@id="aggregate"]//article[@class="gongkai-report"]')
    assert doc.xpath('//script[@id="dashboard-data"]')
    assert doc.xpath('//script[contains(@src, "dashboard/vendor/echarts.min.js")]')
    # a clerk's dashboard covers only her own agency
    response = client_as("clerk_jia").get(reverse("dashboard:agency", args=[world.jia.pk]))
    assert "乙镇人民政府" not in response.content.decode()


def test_charts_rank_only_agencies_above_the_minimum(world: Any, two: Any, settings: Any) -> None:
    jia, yi = two
    correct_cell(jia, "apply.new.total", "3", by=None, reason="测试")
    correct_cell(yi, "apply.new.total", "30", by=None, reason="测试")
    settings.GONGKAI_RANK_MIN_APPLICATIONS = 10
    ranked = ranking(scope(world.user("admin"), world.county), 2020)
    assert ranked == [{"name": "乙镇人民政府", "value": 30.0}]


def test_trend_appears_with_several_years(world: Any, two: Any, client_as: Any) -> None:
    report_for(world.jia, year=2019, seed=13)
    response = client_as("admin").get(reverse("dashboard:agency", args=[world.county.pk]))
    charts = response.context["charts"]
    assert [t["year"] for t in charts["trend"]] == [2019, 2020]
    assert response.context["year"] == 2020


def test_aggregate_xlsx_is_the_official_layout(world: Any, two: Any, client_as: Any) -> None:
    url = reverse("dashboard:aggregate_xlsx", args=[world.county.pk])
    response = client_as("county_supervisor").get(url, {"year": 2020})
    assert response.status_code == 200
    total = aggregate_report(
        scope(world.user("admin"), world.county), 2020, "某县人民政府及所属机关（3个）汇总"
    )
    assert response.content[:2] == b"PK"
    assert len(response.content) > 0.5 * len(render(total, "xlsx"))


def test_agencies_xlsx_has_one_row_per_agency_and_a_column_per_key(
    world: Any, two: Any, client_as: Any
) -> None:
    url = reverse("dashboard:agencies_xlsx", args=[world.county.pk])
    body = client_as("county_supervisor").get(url, {"year": 2020}).content
    sheet = load_workbook(BytesIO(body)).active
    keys = [c.value for c in sheet[2]][5:]
    assert keys == list(FORMATS["2019"].cells)
    names = [sheet.cell(row=r, column=1).value for r in range(3, sheet.max_row + 1)]
    assert names == ["某县人民政府", "甲镇人民政府", "乙镇人民政府"]
    col = 6 + keys.index("apply.new.total")
    assert sheet.cell(row=4, column=col).value == report_of(two[0]).cells["apply.new.total"]
    assert sheet.cell(row=3, column=col).value is None  # the county has no report
