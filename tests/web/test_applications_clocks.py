"""The app feeds the engine everything it knows (issue 14): consultations of other organs, fee
waits, 补正 periods in the unit the notice states, 第三十五条 later deadlines, regional rest
days; never an irreversible step on a provisional date; never the 2019 periods before 2019-05-15.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from docx import Document

from gongkai.applications.lifecycle import State
from gongkai.applications.models import (
    Application,
    EventKind,
    HolidayYear,
    NoticeKind,
    NoticeTemplate,
    RegionalRestDay,
)
from gongkai.applications.services.clocks import clocks_for
from gongkai.applications.services.notices import NoticeUnavailable, docx_text, render
from gongkai.applications.services.reminders import digest_text, digests
from gongkai.applications.services.statistics import part_three
from gongkai.applications.services.workflow import current_state, record_event
from gongkai.applications.services.worklist import work_list
from gongkai.law.calendar import WorkCalendar
from gongkai.law.deadlines import compute_clocks

from .factories.applications import application_for

E = EventKind
D = dt.date


def _page(client: Any, app: Application) -> str:
    return client.get(reverse("applications:detail", args=[app.pk])).content.decode()


def _post_event(client: Any, app: Application, **data: Any) -> Any:
    return client.post(reverse("applications:event", args=[app.pk]), data)


def _accepted(world: Any, received: dt.date) -> Application:
    clerk = world.user("clerk_jia")
    app = application_for(world.jia, received=received, by=clerk)
    record_event(app, E.ACCEPTED, received, by=clerk)
    return app


# ---------------------------------------------------------------- item 1 through the app


def test_the_issue_case_due_monday_not_saturday(world: Any, client_as: Any) -> None:
    """Received Fri 2025-09-26, due 10-30; consulted on 10-30, answered Sat 11-01."""
    app = _accepted(world, D(2025, 9, 26))
    client = client_as("clerk_jia")
    _post_event(client, app, kind="third_party_consulted", on="2025-10-30", party="某公司")
    _post_event(client, app, kind="third_party_answered", on="2025-11-01", party="某公司")
    assert clocks_for(app).due.date == D(2025, 11, 3)
    with time_machine.travel(dt.datetime(2025, 11, 3, 10), tick=False):
        page = _page(client, app)
        assert '<td id="reply-due">2025-11-03' in page and "已逾期" not in page
        assert 'id="pauses"' in page and "<td>2025-10-30</td><td>2025-11-01</td><td>0</td>" in page
    with time_machine.travel(dt.datetime(2025, 11, 4, 10), tick=False):
        assert "已逾期" in _page(client, app)


# ---------------------------------------------------------------- item 3: organs and fees


def test_organ_consultation_pauses_the_reply_clock(world: Any, client_as: Any) -> None:
    app = _accepted(world, D(2025, 9, 15))
    client = client_as("clerk_jia")
    missing = _post_event(client, app, kind="organ_consulted", on="2025-09-26")
    assert missing.status_code == 400 and "请填写被征求意见的机关名称" in missing.content.decode()
    _post_event(client, app, kind="organ_consulted", on="2025-09-26", party="县自然资源局")
    assert current_state(app) == State.CONSULTING
    [item] = work_list(Application.objects.filter(pk=app.pk), D(2025, 10, 1))
    assert item.clock == "其他机关答复期限（第三十四条）" and item.due.date == D(2025, 10, 23)
    _post_event(client, app, kind="organ_answered", on="2025-10-09", party="县自然资源局")
    clocks = clocks_for(app)
    assert clocks.due.date == D(2025, 10, 23)  # not the plain 2025-10-17
    assert clocks.organ_due.date == D(2025, 10, 23)
    page = _page(client, app)
    assert "征求其他机关意见（条例第三十四条）" in page and 'id="organ-due"' in page
    assert "共扣除 4 个工作日" in page


def test_fee_wait_pauses_the_reply_clock(world: Any, client_as: Any) -> None:
    app = _accepted(world, D(2025, 3, 3))
    client = client_as("clerk_jia")
    _post_event(client, app, kind="fee_notice_received", on="2025-03-10")
    assert current_state(app) == State.AWAITING_FEE
    [item] = work_list(Application.objects.filter(pk=app.pk), D(2025, 3, 12))
    assert (item.group, item.due.date) == ("waiting", D(2025, 4, 8))
    _post_event(client, app, kind="fee_paid", on="2025-03-20")
    assert current_state(app) == State.IN_PROGRESS
    assert clocks_for(app).due.date == D(2025, 4, 11)  # plain 2025-03-31, +8 working days
    assert "等待缴纳信息处理费" in _page(client, app)


def test_unpaid_fee_closes_only_after_the_payment_period(world: Any) -> None:
    clerk = world.user("clerk_jia")
    app = _accepted(world, D(2025, 3, 3))
    record_event(app, E.FEE_NOTICE_RECEIVED, D(2025, 3, 10), by=clerk)
    with pytest.raises(ValidationError, match="缴费期限至 2025-04-08 届满"):
        record_event(app, E.FEE_UNPAID, D(2025, 4, 8), by=clerk)
    record_event(app, E.FEE_UNPAID, D(2025, 4, 9), by=clerk)
    assert current_state(app) == State.ABANDONED_NO_FEE
    assert part_three(world.jia, 2025)["apply.other.no_fee.natural_person"] == 1


# ---------------------------------------------------------------- item 2: provisional


def test_no_abandonment_on_a_provisional_correction_date(world: Any, client_as: Any) -> None:
    clerk = world.user("clerk_jia")
    app = application_for(world.jia, received=D(2026, 12, 1), by=clerk)
    record_event(
        app, E.CORRECTION_REQUESTED, D(2026, 12, 8), by=clerk, reason="写明文号", data={"days": 20}
    )
    due = clocks_for(app).correction_due
    assert due.date == D(2027, 1, 6) and due.provisional and clocks_for(app).provisional
    with time_machine.travel(dt.datetime(2027, 1, 7, 10), tick=False):
        page = _page(client_as("clerk_jia"), app)
        assert "2027-01-06 已过，但该日期为暂定日期" in page and "不视为放弃申请" in page
    with pytest.raises(ValidationError, match="暂定日期"):
        record_event(app, E.ABANDONED, D(2027, 1, 7), by=clerk)
    # The 2027 plan is entered (hypothetical test plan): the date is confirmed, then it closes.
    HolidayYear.objects.create(
        year=2027, holidays="2027-01-01~2027-01-03", source="国办发明电〔2026〕X号（测试）"
    )
    assert not clocks_for(app).correction_due.provisional
    record_event(app, E.ABANDONED, D(2027, 1, 7), by=clerk)
    assert current_state(app) == State.ABANDONED


def test_overdue_on_a_provisional_date_says_so(world: Any, client_as: Any) -> None:
    app = _accepted(world, D(2026, 12, 10))
    assert clocks_for(app).due.date == D(2027, 1, 8)
    with time_machine.travel(dt.datetime(2027, 1, 11, 10), tick=False):
        page = _page(client_as("clerk_jia"), app)
    assert "按暂定期限已逾期" in page and "不认定逾期" in page


# ---------------------------------------------------------------- item 4: the law in force


def test_register_before_2019_05_15_refused_with_the_2007_rule(world: Any, client_as: Any) -> None:
    data = {
        "agency": world.jia.pk,
        "channel": "post",
        "received": "2019-05-14",
        "applicant_type": "natural_person",
        "applicant_name": "赵六",
        "applicant_contact": "13900000000",
        "request": "2018年财政决算",
    }
    client = client_as("clerk_jia")
    refused = client.post(reverse("applications:register"), data)
    body = refused.content.decode()
    assert refused.status_code == 400 and "2007年条例" in body and "15个工作日" in body
    with pytest.raises(ValidationError, match="2007年条例"):
        application_for(world.jia, received=D(2019, 5, 14))
    assert not Application.objects.exists()
    accepted = client.post(reverse("applications:register"), data | {"received": "2019-05-15"})
    assert accepted.status_code == 302
    assert clocks_for(Application.objects.get()).due.date == D(2019, 6, 13)


# ---------------------------------------------------------------- item 5: units as written


def test_correction_period_in_calendar_days_through_the_page(world: Any, client_as: Any) -> None:
    app = application_for(world.jia, received=D(2025, 9, 15))
    client = client_as("clerk_jia")
    response = _post_event(
        client,
        app,
        kind="correction_requested",
        on="2025-09-19",
        reason="请写明文件标题",
        days=15,
        unit="calendar_days",
    )
    assert response.status_code == 302
    due = clocks_for(app).correction_due
    assert due.date == D(2025, 10, 9)  # day 15 is Sat 10-04 in the 国庆 break
    text = docx_text(render(app, NoticeKind.CORRECTION))
    assert "补正期限15日（自然日）" in text and "2025-10-09" in text
    assert "15日，自然日" in _page(client, app)


def test_correction_period_in_working_days_is_stated_so(world: Any, client_as: Any) -> None:
    app = application_for(world.jia, received=D(2025, 9, 15))
    _post_event(
        client_as("clerk_jia"),
        app,
        kind="correction_requested",
        on="2025-09-19",
        reason="请写明文件标题",
        days=10,
        unit="working_days",
    )
    assert clocks_for(app).correction_due.date == D(2025, 10, 10)
    assert "补正期限10个工作日" in docx_text(render(app, NoticeKind.CORRECTION))


def test_extension_in_calendar_days_refused(world: Any, client_as: Any) -> None:
    app = _accepted(world, D(2025, 9, 26))
    response = _post_event(
        client_as("reviewer_jia"),
        app,
        kind="extension_approved",
        on="2025-10-20",
        reason="材料多",
        days=20,
        unit="calendar_days",
    )
    assert response.status_code == 400 and "延长答复期限按工作日计算" in response.content.decode()


# ---------------------------------------------------------------- item 6: 第三十五条


def test_reasonable_later_deadline_through_the_page(world: Any, client_as: Any) -> None:
    app = _accepted(world, D(2025, 9, 26))
    data = {"kind": "later_deadline_notified", "on": "2025-10-20", "reason": "一月内申请40件"}
    with pytest.raises(PermissionDenied):
        record_event(
            app,
            E.LATER_DEADLINE_NOTIFIED,
            D(2025, 10, 20),
            by=world.user("clerk_jia"),
            data={"until": "2025-12-31"},
        )
    client = client_as("reviewer_jia")
    missing = _post_event(client, app, **data)
    assert (
        missing.status_code == 400 and "请填写告知申请人的延迟答复期限" in missing.content.decode()
    )
    rest_day = _post_event(client, app, **data, until="2025-12-27")
    assert rest_day.status_code == 400 and "不是工作日" in rest_day.content.decode()
    assert _post_event(client, app, **data, until="2025-12-31").status_code == 302
    assert current_state(app) == State.DEFERRED
    clocks = clocks_for(app)
    assert clocks.due == clocks.later_due and clocks.due.date == D(2025, 12, 31)
    assert '<td id="later-due">2025-12-31' in _page(client, app)
    [item] = work_list(Application.objects.filter(pk=app.pk), D(2026, 1, 5))
    assert (item.clock, item.group) == ("延迟答复期限（第三十五条）", "overdue")


# ---------------------------------------------------------------- item 7: regional rest days


def test_regional_rest_days_apply_to_that_agency_only(world: Any) -> None:
    jia = application_for(world.jia, received=D(2025, 3, 10))
    yi = application_for(world.yi, received=D(2025, 3, 10))
    national = compute_clocks(D(2025, 3, 10)).due
    assert national.date == D(2025, 4, 8)
    assert clocks_for(jia).due == national
    rest = RegionalRestDay(
        agency=world.jia, name="三月三", dates="2025-03-31~2025-04-01", source="测试用地方放假日"
    )
    rest.full_clean()
    rest.save()
    regional = compute_clocks(
        D(2025, 3, 10), calendar=WorkCalendar(regional=[rest.to_rest_days()])
    ).due
    assert regional.date == D(2025, 4, 10)  # two working days later: Tue 4/8 → Thu 4/10
    assert clocks_for(jia).due.date == regional.date
    assert "三月三" in clocks_for(jia).due.basis
    assert clocks_for(yi).due.date == national.date  # the other town: national calendar
    items = {i.application.pk: i for i in work_list(Application.objects.all(), D(2025, 3, 20))}
    assert items[jia.pk].due.date == regional.date and items[yi.pk].due.date == national.date


def test_regional_rest_days_of_the_county_reach_its_towns(world: Any) -> None:
    RegionalRestDay.objects.create(
        agency=world.county, name="三月三", dates="2025-03-31\n2025-04-01", source="测试用"
    )
    app = application_for(world.yi, received=D(2025, 3, 10))
    assert clocks_for(app).due.date != compute_clocks(D(2025, 3, 10)).due.date


def test_regional_rest_days_bad_input_is_a_chinese_error(world: Any) -> None:
    bad = RegionalRestDay(agency=world.jia, name="三月三", dates="三月三", source="测试用")
    with pytest.raises(ValidationError, match="无法识别的日期"):
        bad.full_clean()


def test_an_old_agency_template_cannot_misstate_calendar_days(
    world: Any, client_as: Any, tmp_path: Any, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    doc = Document()
    doc.add_paragraph("请于{{correction_due}}前（{{correction_days}}个工作日内）补正")
    path = tmp_path / "old.docx"
    doc.save(str(path))
    NoticeTemplate.objects.create(
        agency=world.jia, kind=NoticeKind.CORRECTION, file=ContentFile(path.read_bytes(), "o.docx")
    )
    clerk = world.user("clerk_jia")
    days = application_for(world.jia, received=D(2025, 9, 15))
    record_event(days, E.CORRECTION_REQUESTED, D(2025, 9, 19), by=clerk, data={"days": 10})
    assert "10个工作日内" in docx_text(render(days, NoticeKind.CORRECTION))
    calendar = application_for(world.jia, received=D(2025, 9, 15))
    record_event(
        calendar,
        E.CORRECTION_REQUESTED,
        D(2025, 9, 19),
        by=clerk,
        data={"days": 15, "unit": "calendar_days"},
    )
    with pytest.raises(NoticeUnavailable, match="correction_period"):
        render(calendar, NoticeKind.CORRECTION)
    response = client_as("clerk_jia").get(
        reverse("applications:notice", args=[calendar.pk]), {"kind": "correction"}
    )
    assert response.status_code == 409 and "按自然日计算" in response.content.decode()


def test_reminder_of_a_provisional_overdue_says_so(world: Any) -> None:
    app = _accepted(world, D(2026, 12, 10))
    today = D(2027, 1, 11)
    [item] = digests(today)[world.user("clerk_jia")]
    assert (item.application, item.group) == (app, "overdue")
    text = digest_text([item], today)
    assert "2027-01-08（暂定，待国务院公布 2027 年放假安排后重算）" in text
