"""Reading an uploaded report into a checked ``Report``: the heavy, database-free half of an
import, so the background worker can run it in a limited child process (gongkai.jobs.limits).

Nothing here imports Django models: the child process does not set Django up.
"""

from __future__ import annotations

from typing import Any

from gongkai.report.jsonio import report_from_dict
from gongkai.report.model import Report
from gongkai.report.parse import UnreadableInput, read_report
from gongkai.report.pipeline import analyse


class ImportRefused(Exception):
    """The file was not stored; the message says why, in Chinese, for the page."""


def parse_upload(
    name: str, data: bytes, year: int | None, previous: dict[int, dict[str, Any]]
) -> Report:
    """Parse and check one file. ``previous`` maps a year to the stored data of the agency's
    report of that year (the cross-year checks use year − 1)."""
    try:
        report = read_report(data, name)
    except UnreadableInput as exc:
        raise ImportRefused(f"无法读取该文件：{exc}") from None
    if not any(v is not None for v in report.cells.values()) and not any(report.sections.values()):
        raise ImportRefused("文件中没有识别出年度报告的表格或正文，未导入")
    year = year or report.year
    if not year:
        raise ImportRefused("无法从报告中识别年度，请在上传时选择年度")
    report.year = year
    prior = previous.get(year - 1)
    analyse(report, report_from_dict(prior) if prior is not None else None)
    return report
