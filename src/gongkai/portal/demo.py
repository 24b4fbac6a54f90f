"""Demo data of the public portal: a 公开指南 for every demo agency and the 正文 of 北白象镇's
published items, so that /gk/ shows a guide, a searchable catalogue and the published report.

Idempotent: a guide is created only where the agency has none; a body only where it is empty.
"""

from __future__ import annotations

from django.db import transaction

from gongkai.agencies.models import Agency

from .models import Guide

BODIES = {
    "北白象镇人民政府机构职能": "北白象镇人民政府负责本行政区域内的经济、社会和公共事务管理，"
    "内设党政办公室、经济发展办公室、社会事务办公室、综合行政执法队等机构。",
    "北白象镇2026年财政预算": "2026年一般公共预算收入安排三亿二千万元，一般公共预算支出"
    "安排三亿零五百万元，重点保障教育、社会保障和农村道路养护。",
    "关于规范农村宅基地审批的通知": "各村（社区）：为规范农村宅基地审批管理，保障农民合法权益，"
    "现就宅基地申请条件、审批程序和办理时限通知如下……",
    "北白象镇防汛防台应急预案": "本预案适用于本镇行政区域内台风、暴雨、洪水等灾害的预防和"
    "应急处置，明确镇防汛防台指挥部的组成、职责和响应等级。",
}


def _guide(agency: Agency) -> Guide:
    return Guide(
        agency=agency,
        scope=(
            f"{agency.name}依照《中华人民共和国政府信息公开条例》第二十条、第二十一条主动公开"
            "机构职能、规范性文件、规划计划、财政预决算、行政许可和行政处罚、公共服务等政府信息，"
            "通过本门户的公开目录、政府网站、政务新媒体和公开栏公开。"
        ),
        how_to_apply=(
            "公民、法人或者其他组织可以当面、邮寄或者通过本门户的“网络申请”提出政府信息公开申请"
            "（条例第二十九条）。申请应当写明申请人的姓名或者名称、身份证明、联系方式，"
            "所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式。"
            "网络申请以系统确认收到之日为收到申请之日（第三十一条）；本机关自收到申请之日起"
            "20个工作日内答复，需要延长的，经负责人同意可延长不超过20个工作日（第三十三条）。"
        ),
        office_name=f"{agency.name}政府信息公开工作机构（办公室）",
        address=f"{agency.name}机关大楼一楼政务公开窗口",
        postal_code="",
        hours="工作日上午 8:30—12:00，下午 14:00—17:30（法定节假日除外）",
        phone="0577-00000000（演示号码）",
        fees=(
            "依申请提供政府信息，一般不收取费用。申请人申请公开政府信息的数量、频次明显超过"
            "合理范围的，依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）按件或者"
            "按量收取信息处理费。"
        ),
        remedies=(
            "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级"
            "行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起"
            "行政诉讼（条例第五十一条）。"
        ),
    )


@transaction.atomic
def load_demo_portal() -> int:
    """Create what is missing; return the number of demo agencies with a guide."""
    from gongkai.disclosures.models import Item

    agencies = Agency.objects.filter(code__startswith="demo-")
    have = set(Guide.objects.filter(agency__in=agencies).values_list("agency_id", flat=True))
    for agency in agencies:
        if agency.pk not in have:
            _guide(agency).save()
    for title, body in BODIES.items():
        for item in Item.objects.filter(agency__code="demo-beibaixiang", title=title, body=""):
            item.body = body
            item.save(update_fields=["body"])  # the search index follows the save
    return Guide.objects.filter(agency__in=agencies).count()
