"""The accounting identities (勾稽关系) of parts 三 and 四, from ``ReportFormat.identities``.

Domain rules §2.5: per column of part 三, 一 + 二 = 三（七）总计 + 四 (stated in the table's
corner cell); 三（七）总计 = the sum of the outcome rows; per row, 总计 = the applicant
columns; in part 四, each group's 总计 = 维持 + 纠正 + 其他结果 + 尚未审结.

An identity with a missing (or invalid) term cannot be evaluated; all such identities are
collected into one IDENTITY_UNVERIFIABLE warning that names them and every cell involved.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..findings import Finding, finding
from ..formats import Identity, ReportFormat
from ..model import Report, Value
from .values import SAFE, is_valid_number


def check_identities(report: Report) -> list[Finding]:
    """One finding per identity that does not hold, then IDENTITY_UNVERIFIABLE if any."""
    spec = report.spec
    order = {key: i for i, key in enumerate(spec.cells)}
    broken: list[tuple[int, Finding]] = []
    unverifiable: list[Identity] = []
    for identity in spec.identities:
        left = _sum(report.cells.get(k) for k in identity.left)
        right = _sum(report.cells.get(k) for k in identity.right)
        if left is None or right is None:
            unverifiable.append(identity)
        elif left != right:
            first = min(order[k] for k in identity.cells)
            broken.append((first, _broken(report, identity, left, right)))
    broken.sort(key=lambda pair: pair[0])  # stable: ties keep the declaration order
    out = [f for _, f in broken]
    if unverifiable:
        out.append(_unverifiable(report, unverifiable, order))
    return out


def _sum(values: Iterable[Value]) -> int | Decimal | None:
    total: int | Decimal = 0
    for value in values:
        if value is None or not is_valid_number(value):
            return None
        if isinstance(value, Decimal) or isinstance(total, Decimal):
            total = SAFE.add(total, value)
        else:
            total += value
    return total


def _broken(
    report: Report, identity: Identity, left: int | Decimal, right: int | Decimal
) -> Finding:
    return finding(
        identity.code,
        cells=identity.cells,
        expected=right,
        actual=left,
        location=report.location_of(identity.left[0]),
        scope=identity.scope,
        left=left,
        right=right,
    )


def identity_name(spec: ReportFormat, identity: Identity) -> str:
    """A clerk-readable name, e.g. "自然人列 一+二=三+四"."""
    if identity.code == "APPLY_BALANCE":
        return f"{identity.scope}列 一+二=三+四"
    if identity.code == "APPLY_OUTCOME_SUM":
        return f"{identity.scope}列 （七）总计=各项办理结果之和"
    row = spec.cells[identity.left[0]].row
    if identity.code == "APPLY_ROW_SUM":
        where = f"{row.group}{row.label}" if row.group and row.key != "outcome_total" else row.label
        return f"“{where}”行 总计=各类申请人之和"
    return f"表四“{row.label}” 总计=各项结果之和"


def _unverifiable(report: Report, identities: list[Identity], order: dict[str, int]) -> Finding:
    spec = report.spec
    cells = sorted({k for i in identities for k in i.cells}, key=order.__getitem__)
    names = [identity_name(spec, i) for i in identities]
    return finding(
        "IDENTITY_UNVERIFIABLE",
        cells=cells,
        actual=len(identities),
        location=report.location_of(cells[0]),
        names="；".join(names),
    )
