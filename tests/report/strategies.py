"""Hypothesis strategies for annual reports, shared by the report tests.

* ``consistent_reports()`` — a sample report (``gongkai.report.sample``) in either layout:
  every cell filled, every identity holding, narrative agreeing with the tables;
* ``arbitrary_reports()`` — anything a well-typed ``Report`` may hold: None, huge or negative
  ints, odd Decimals (NaN, Infinity, 1E+999999), and unicode junk or near-miss narrative.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from gongkai.report.formats import FORMATS, SECTION_KEYS
from gongkai.report.model import Report
from gongkai.report.sample import sample_report

FORMAT_VERSIONS = tuple(FORMATS)


def identity_cells(fmt: str) -> list[str]:
    """Every cell that takes part in an identity (parts 三 and 四), in reading order."""
    spec = FORMATS[fmt]
    used = {key for identity in spec.identities for key in identity.cells}
    return [key for key in spec.cells if key in used]


def consistent_reports(fmt: str | None = None) -> st.SearchStrategy[Report]:
    formats = st.just(fmt) if fmt else st.sampled_from(FORMAT_VERSIONS)
    return st.builds(
        sample_report,
        seed=st.integers(0, 2**32 - 1),
        fmt=formats,
        agency=st.sampled_from(("青山镇人民政府", "乐清市机关事务管理中心", "某县交通运输局")),
    )


_ODD_DECIMALS = st.sampled_from(
    [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"),
     Decimal("1E+999999"), Decimal("-1E-999999"), Decimal("0.1"), Decimal("-0"), Decimal("3.000")]
)  # fmt: skip
values = st.one_of(
    st.none(),
    st.integers(-5, 50),
    st.integers(-(10**30), 10**30),
    st.decimals(allow_nan=True, allow_infinity=True),
    _ODD_DECIMALS,
)
# Words and numbers the narrative patterns look for, so that junk sometimes nearly matches.
_PHRASES = st.sampled_from(
    [
        "收到政府信息公开申请", "未收到政府信息公开申请", "件", "条", "其中", "包括", "，", "。",
        "；", "占比", "%", "主动公开政府信息", "没有出现因政府信息公开申请行政复议、提起行政诉讼",
        "历年累计", "信息中，", "（", "）", "十二", "两", "万", "０", "7", "100", "1.5", "\n", " ",
    ]
)  # fmt: skip
narrative = st.lists(st.one_of(_PHRASES, st.text(max_size=8)), max_size=40).map("".join)


@st.composite
def arbitrary_reports(draw: st.DrawFn) -> Report:
    """A report whose cells start empty, all zero or consistent, then up to 40 get odd values."""
    fmt = draw(st.sampled_from(FORMAT_VERSIONS))
    keys = list(FORMATS[fmt].cells)
    base = draw(st.sampled_from(("none", "zero", "sample")))
    if base == "sample":
        cells = dict(sample_report(draw(st.integers(0, 10**6)), fmt).cells)
    else:
        cells = dict.fromkeys(keys, None if base == "none" else 0)
    cells.update(draw(st.dictionaries(st.sampled_from(keys), values, max_size=40)))
    sections = {key: draw(st.none() | narrative) for key in SECTION_KEYS}
    return Report(
        format=fmt,
        agency=draw(st.none() | st.text(max_size=10)),
        year=draw(st.none() | st.integers(1990, 2100)),
        cells=cells,
        sections=sections,
        source=draw(st.none() | st.just("x.txt")),
    )
