"""``gongkai corpus report``: what the data says, as one static HTML page with ECharts charts.

The page reads nothing from the network: ``echarts.min.js`` (the copy the dashboard ships) and
the page's own chart script are copied next to ``index.html``. Every chart has its figures
in a table under it too, so the page says the same with scripts off.
"""

from __future__ import annotations

import html
import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from ..report.formats import OUTCOME_GROUPS
from .codes import STATUSES
from .dataset import Dataset
from .query import connect

ECHARTS = ("dashboard", "static", "dashboard", "vendor")
TOP_REGIONS = 20
TOP_DEFECTS = 20
CHAIN_ROWS = 300


def _outcome_columns() -> str:
    return ", ".join(
        f"sum(c.value) filter (where c.key like 'apply.{key}.%total') as \"{key}\""
        for key, _ in OUTCOME_GROUPS
    )


def gather(dataset: Dataset) -> dict[str, Any]:
    """Every figure the page shows, as plain lists (also what the tests read)."""
    con = connect(dataset)
    try:

        def fetch(sql: str) -> list[Any]:
            return con.execute(sql).fetchall()

        statuses = fetch("select status, count(*) from reports group by status order by 2 desc")
        kinds = fetch(
            "select coalesce(kind, '?'), count(*) from reports group by 1 order by 2 desc"
        )
        overview = fetch(
            "select count(*), count(distinct agency_id), min(year), max(year) from reports"
        )[0]
        applications = fetch(
            "select a.year, count(distinct a.hash) as reports, "
            "sum(c.value) filter (where c.key = 'apply.new.total') as new, "
            "sum(c.value) filter (where c.key = 'apply.outcome_total.total') as outcomes, "
            f"{_outcome_columns()} "
            "from agency_years a join cells c using (hash) group by a.year order by a.year"
        )
        identity = fetch(
            "select coalesce(region, '（未识别地区）') as region, year, count(*) as reports, "
            "count(*) filter (where identity_failures > 0) as failing "
            "from reports where status = 'ok' and year is not null "
            "and coalesce(region, '（未识别地区）') in ("
            "  select coalesce(region, '（未识别地区）') from reports where status = 'ok' "
            f"  group by 1 order by count(*) desc limit {TOP_REGIONS}) "
            "group by 1, 2 order by 1, 2"
        )
        defects = fetch(
            "select f.code, f.severity, count(distinct f.hash) as reports, any_value(f.message) "
            "from findings f where f.severity in ('error', 'warning') "
            f"group by 1, 2 order by 3 desc, 1 limit {TOP_DEFECTS}"
        )
        chains = fetch(
            "select agency_id, year, code, message from chains "
            f"order by agency_id, year, code limit {CHAIN_ROWS}"
        )
        chain_agencies = fetch("select count(distinct agency_id) from chains")[0][0]
    finally:
        con.close()
    return {
        "overview": overview,
        "statuses": statuses,
        "kinds": kinds,
        "applications": applications,
        "outcome_groups": [[key, label] for key, label in OUTCOME_GROUPS],
        "identity": identity,
        "defects": defects,
        "chains": chains,
        "chain_agencies": chain_agencies,
    }


def _cells(row: Any, tag: str) -> str:
    return "".join(f"<{tag}>{html.escape('' if v is None else _fmt(v))}</{tag}>" for v in row)


def _table(head: list[str], rows: list[Any]) -> str:
    cells = _cells
    body = "".join(f"<tr>{cells(r, 'td')}</tr>" for r in rows) or (
        f'<tr><td colspan="{len(head)}">（无数据）</td></tr>'
    )
    return f"<table><thead><tr>{cells(head, 'th')}</tr></thead><tbody>{body}</tbody></table>"


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return str(value)


def _page(data: dict[str, Any]) -> str:
    total, agencies, first, last = data["overview"]
    groups = data["outcome_groups"]
    apply_rows = [
        [
            r[0],
            r[1],
            r[2],
            r[3],
            *(f"{100 * v / r[3]:.1f}%" if r[3] and v is not None else None for v in r[4:]),
        ]
        for r in data["applications"]
    ]
    identity_rows = [
        [region, year, n, failing, f"{100 * failing / n:.1f}%"]
        for region, year, n, failing in data["identity"]
    ]
    statuses = [[STATUSES.get(s, s), n] for s, n in data["statuses"]]
    span = f"{first}–{last} 年度" if first is not None else "（无年度）"
    sections = [
        f"<h1>政府信息公开工作年度报告数据集</h1>"
        f"<p class=lead>{total} 份报告，{agencies} 个机关，{html.escape(span)}。</p>",
        "<h2>解析结果</h2>"
        + _table(["状态", "报告数"], statuses)
        + _table(["文件类型", "报告数"], data["kinds"]),
        "<h2>依申请公开：各年度收到的申请与办理结果占比</h2>"
        '<div class=chart id="chart-applications"></div><div class=chart id="chart-outcomes"></div>'
        + _table(
            ["年度", "报告数", "本年新收", "办理结果总计", *[label for _, label in groups]],
            apply_rows,
        ),
        "<h2>勾稽关系不成立的报告占比（按地区、年度）</h2>"
        '<div class=chart id="chart-identity"></div>'
        + _table(["地区", "年度", "报告数", "勾稽关系不成立", "占比"], identity_rows),
        "<h2>最常见的问题</h2>"
        '<div class=chart id="chart-defects"></div>'
        + _table(["代码", "级别", "报告数", "示例"], data["defects"]),
        f"<h2>跨年度数字不衔接的机关（{data['chain_agencies']} 个）</h2>"
        "<p>上年结转与上一年度结转下年度不符，或现行有效件数不能由上年数加本年制发、减本年废止得出。</p>"
        + _table(["机关", "年度", "代码", "说明"], data["chains"]),
    ]
    payload = json.dumps(data, ensure_ascii=False, default=str).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>年度报告数据集</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 2rem auto;
  max-width: 1100px; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; margin: 1rem 0; font-size: 14px; }}
th, td {{ border: 1px solid #ccc; padding: 3px 8px; text-align: left; }}
.chart {{ width: 100%; height: 380px; }}
.lead {{ font-size: 18px; }}
</style></head>
<body>
{"".join(f"<section>{s}</section>" for s in sections)}
<script id="corpus-data" type="application/json">{payload}</script>
<script src="echarts.min.js"></script>
<script src="corpus-report.js"></script>
</body></html>
"""


def write_report(dataset: Dataset, out_dir: Path) -> Path:
    """Write ``index.html`` with ``echarts.min.js`` and ``corpus-report.js`` beside it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    vendor = resources.files("gongkai").joinpath(*ECHARTS)
    for name in ("echarts.min.js", "LICENSE-echarts.txt", "NOTICE-echarts.txt"):
        with resources.as_file(vendor.joinpath(name)) as path:
            shutil.copyfile(path, out_dir / name)
    with resources.as_file(
        resources.files(__package__).joinpath("static", "corpus-report.js")
    ) as path:
        shutil.copyfile(path, out_dir / "corpus-report.js")
    page = out_dir / "index.html"
    page.write_text(_page(gather(dataset)), encoding="utf-8")
    return page
