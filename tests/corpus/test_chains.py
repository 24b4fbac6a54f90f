"""Cross-year checks over the dataset: same agency under different spellings, consecutive years."""

from __future__ import annotations

from pathlib import Path

from gongkai.report.sample import sample_report

from .conftest import ingest_into, report_file, rows

PTJ = "平潭综合实验区交通与建设局"
LQ = "乐清市财政局"


def test_carry_over_and_in_force_chains_across_spellings(tmp_path: Path, pool) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # PTJ: 2021 → 2022 → 2023 chained, spelled three ways; the 2023 file published twice
    r21 = sample_report(1, "2021", PTJ, 2021)
    r22 = sample_report(2, "2021", f"{PTJ}（本级）", 2022, previous=r21)
    r23 = sample_report(
        3, "2021", "平潭综合实验区交通与建设局（平潭综合实验区港口管理局）", 2023, previous=r22
    )
    # LQ: 2021 → 2022 not chained (the 2022 report continues another agency's 2021)
    l21 = sample_report(4, "2021", LQ, 2021)
    other = sample_report(5, "2021", "别的机关", 2021)
    l22 = sample_report(6, "2021", LQ, 2022, previous=other)
    files = {
        "p21.html": r21,
        "p22.html": r22,
        "p23.docx": r23,
        "p23.html": r23,
        "l21.txt": l21,
        "l22.txt": l22,
    }
    for name, report in files.items():
        (folder / name).write_bytes(report_file(report, name.rsplit(".", 1)[1]))
    dataset, summary = ingest_into(tmp_path / "ds", [folder], pool)
    assert summary.statuses["ok"] == 6
    agencies = rows(dataset, "select agency_id, len(spellings), years from agencies order by 1")
    assert (PTJ, 3, [2021, 2022, 2023]) in agencies
    chains = rows(dataset, "select agency_id, year, code from chains order by all")
    assert {a for a, _, _ in chains} == {LQ}
    codes = {c for _, _, c in chains}
    # the carried-over applications and the rules in force come from another agency
    expected = set()
    if any(
        l22.cells[f"apply.carried_in.{c}"] != l21.cells[f"apply.carried_out.{c}"]
        for c in ("natural_person", "total")
    ):
        expected.add("CARRY_OVER_MISMATCH")
    if any(
        l22.cells[f"active.{r}.in_force"]
        != l21.cells[f"active.{r}.in_force"]
        + l22.cells[f"active.{r}.issued"]
        - l22.cells[f"active.{r}.repealed"]
        for r in ("rules", "normative")
    ):
        expected.add("IN_FORCE_CHAIN")
    assert expected and codes == expected
    assert summary.chains == len(chains)
    message = rows(dataset, "select message from chains where code = 'CARRY_OVER_MISMATCH' limit 1")
    assert not message or "上年" in message[0][0] or "结转" in message[0][0]
