"""The parser never raises on arbitrary or mutated input: it returns a report with findings,
or (only for input that is not a report at all) UnreadableInput with a clear message."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report.parse import UnreadableInput, read_report
from gongkai.report.pipeline import analyse

DATA = Path(__file__).parent.parent / "data"
TEXTS = [p.read_bytes() for p in sorted((DATA / "seeds").glob("*.txt"))] + [
    p.read_bytes() for p in sorted((DATA / "corpus").glob("*.txt"))[:6]
]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _survives(data: bytes) -> None:
    try:
        report = read_report(data, "fuzz")
    except UnreadableInput as exc:
        assert str(exc).strip(), "an UnreadableInput must say what is wrong"
        return
    analyse(report)
    assert set(report.cells) == set(report.spec.cells)


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(data: bytes) -> None:
    _survives(data)


@FUZZ
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "\t\n |0123456789-.，。、（）()一二三四五六万元件总计本年新收予以公开结转第二十条项行政复议其他"
            )
        ),
        max_size=3000,
    )
)
def test_random_table_like_text(text: str) -> None:
    _survives(text.encode("utf-8"))


@FUZZ
@given(
    st.sampled_from(TEXTS),
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 200), st.binary(max_size=20)), max_size=6
    ),
)
def test_mutated_real_reports(base: bytes, edits: list[tuple[int, int, bytes]]) -> None:
    data = bytearray(base)
    for pos, cut, insert in edits:
        pos %= max(len(data), 1)
        data[pos : pos + cut] = insert
    _survives(bytes(data))


@FUZZ
@given(st.sampled_from(TEXTS), st.data())
def test_shuffled_and_dropped_lines(base: bytes, data: st.DataObject) -> None:
    lines = base.decode("utf-8").split("\n")
    kept = data.draw(st.lists(st.sampled_from(lines), max_size=len(lines)))
    _survives("\n".join(kept).encode("utf-8"))
