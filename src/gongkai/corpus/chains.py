"""Cross-year checks over the whole dataset: each agency's report against its previous year's.

For every normalised agency with reports in consecutive years, ``上年结转`` (year N) must equal
``结转下年度继续办理`` (year N−1), and the 现行有效件数 of the 2021 layout must chain (N−1 plus
issued minus repealed). The checks themselves are ``gongkai.report.checks.cross_year``; this
module only picks the report of each agency and year (the most complete one when an agency
published the same report twice, e.g. as HTML and PDF), rebuilds the cells it needs from the
``cells`` table and writes what the check says to the ``chains`` table.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..report.checks.cross_year import check_cross_year
from ..report.model import Report, Value
from .dataset import Dataset
from .query import connect
from .rows import Row, text_of

# The cells the cross-year checks read.
_KEYS_SQL = """
(c.key like 'apply.carried_in.%' or c.key like 'apply.carried_out.%'
 or c.key like 'active.%.in_force' or c.key like 'active.%.issued'
 or c.key like 'active.%.repealed')
"""


def _value(text: str) -> Value:
    return Decimal(text) if "." in text else int(text)


def chain_rows(dataset: Dataset) -> list[Row]:
    con = connect(dataset)
    try:
        picked = con.execute("select hash, agency_id, year, layout from agency_years").fetchall()
        cells: dict[str, dict[str, Value]] = defaultdict(dict)
        query = (
            "select c.hash, c.key, c.value_text from cells c join agency_years p using (hash) "
            f"where c.value_text is not null and {_KEYS_SQL}"
        )
        for digest, key, text in con.execute(query).fetchall():
            cells[digest][key] = _value(text)
    finally:
        con.close()
    reports: dict[tuple[str, int], Report] = {}
    for digest, aid, year, layout in picked:
        reports[(aid, year)] = Report(
            format=layout, agency=aid, year=year, cells=cells.get(digest, {}), source=digest
        )
    out: list[Row] = []
    for (aid, year), report in sorted(reports.items()):
        previous = reports.get((aid, year - 1))
        if previous is None:
            continue
        for f in check_cross_year(report, previous):
            out.append(
                (
                    aid,
                    year,
                    report.source,
                    previous.source,
                    f.code,
                    list(f.cells),
                    f.message,
                    text_of(f.expected),
                    text_of(f.actual),
                )
            )
    return out


def update_chains(dataset: Dataset) -> int:
    """Recompute the ``chains`` table; returns how many cross-year findings it holds."""
    rows = chain_rows(dataset)
    dataset.write_whole("chains", rows)
    return len(rows)
