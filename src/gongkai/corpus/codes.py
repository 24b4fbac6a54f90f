"""How a file's processing can end, and which finding codes are the accounting identities.

Kept apart from ``schema.py`` so the sandbox process does not import pyarrow.
"""

from __future__ import annotations

STATUSES = {
    "ok": "已解析",
    "unreadable": "不是可读的年报",
    "failed": "解析出错",
    "timeout": "超时被终止",
    "memory": "内存超限被终止",
    "killed": "工作进程异常退出",
    "source_error": "来源无法读取",
}
IDENTITY_CODES = ("APPLY_BALANCE", "APPLY_OUTCOME_SUM", "APPLY_ROW_SUM", "REMEDY_GROUP_SUM")
