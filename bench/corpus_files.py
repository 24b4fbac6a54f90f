"""A generated corpus of published-looking annual reports for the corpus bench.

Mixes the real shapes — the real corpus files (``tests/data/real``) and the seeds, each
re-issued under many agencies' names — with gongkai's own renderings (HTML, plain text,
a few DOCX and XLSX) of consistent sample reports chained year to year, agency names spelled
differently from year to year, some chains broken on purpose, and a few broken files.
Rendering is the slow part, so each (chain, year) is rendered once with a placeholder agency
and the placeholder replaced per agency.
"""

from __future__ import annotations

import io
import random
import re
import tarfile
import zipfile
from pathlib import Path

from gongkai.report.parse import UnreadableInput, read_report
from gongkai.report.render import render
from gongkai.report.sample import sample_report

DATA = Path(__file__).parent.parent / "tests" / "data"
PLACEHOLDER = "占位机关名称甲"
REGIONS = [
    "平潭综合实验区", "乐清市", "永安市", "福州市鼓楼区", "杭州市西湖区", "漳州市",
    "泉州市丰泽区", "温州市", "宁德市", "三明市", "南平市延平区", "莆田市",
]  # fmt: skip
DEPARTMENTS = [
    "交通与建设局", "财政局", "教育局", "卫生健康委员会", "人民政府办公室", "自然资源和规划局",
    "市场监督管理局", "公安局", "民政局", "生态环境局", "农业农村局", "司法局", "审计局",
    "统计局", "人力资源和社会保障局", "住房和城乡建设局", "水利局", "文化和旅游局",
]  # fmt: skip
YEARS = range(2019, 2024)
CHAINS = 12


def _text(markdown: bytes) -> bytes:
    """The plain text an agency's site shows: the Markdown rendering without its marks."""
    return re.sub(rb"(?m)^#+ ", b"", markdown)


def _spelling(agency: str, rng: random.Random, year: int) -> str:
    """How the agency spells itself this year (normalisation must undo it)."""
    roll = rng.random()
    if roll < 0.1:
        return agency + "（本级）"
    if roll < 0.15:
        return agency.replace("局", " 局")
    return agency


def _templates() -> dict[tuple[str, int, int], bytes]:
    """(kind, chain, year) → rendered report with the placeholder agency."""
    out: dict[tuple[str, int, int], bytes] = {}
    for chain in range(CHAINS):
        previous = None
        for year in YEARS:
            fmt = "2019" if year < 2021 else "2021"
            report = sample_report(chain * 100 + year, fmt, PLACEHOLDER, year, previous)
            previous = report
            out[("html", chain, year)] = render(report, "html")
            out[("txt", chain, year)] = _text(render(report, "md"))
    return out


def _real_files() -> list[tuple[bytes, str, str]]:
    """(bytes, suffix, agency as printed) of each real file and seed whose agency is read."""
    paths = sorted((DATA / "real").glob("*-web.txt")) + sorted((DATA / "seeds").glob("*.txt"))
    out = []
    for path in paths:
        data = path.read_bytes()
        try:
            agency = read_report(data, path.name).agency
        except UnreadableInput:
            continue
        if agency and len(agency) >= 4:
            out.append((data, path.suffix, agency))
    return out


def generate(folder: Path, total: int = 10_000, seed: int = 2019) -> dict[str, int]:
    """Write ``total`` files under ``folder`` (some in a zip and a tar); returns counts by kind."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    templates = _templates()
    real = _real_files()
    agencies = [r + d for r in REGIONS for d in DEPARTMENTS]
    counts: dict[str, int] = {}
    files: list[tuple[str, bytes]] = []

    def add(name: str, data: bytes, kind: str) -> None:
        files.append((name, data))
        counts[kind] = counts.get(kind, 0) + 1

    # 1. rendered reports, one per agency and year, chained; 1 in 20 chains broken in a year
    n_rendered = int(total * 0.7)
    i = 0
    while i < n_rendered:
        for agency_no, agency in enumerate(agencies):
            chain = agency_no % CHAINS
            for year in YEARS:
                if i >= n_rendered:
                    break
                kind = "html" if rng.random() < 0.4 else "txt"
                use = (chain + 1) % CHAINS if rng.random() < 0.05 else chain
                name = f"{agency}{i // len(agencies) or ''}"
                text = templates[(kind, use, year)].decode("utf-8")
                data = text.replace(PLACEHOLDER, _spelling(name, rng, year)).encode("utf-8")
                add(f"rendered/{year}/{i:05d}.{kind}", data, kind)
                i += 1
    # 2. the real shapes: each real file and seed re-issued under other agencies' names
    n_real = int(total * 0.28)
    for j in range(n_real):
        data, suffix, printed = real[j % len(real)]
        agency = f"{rng.choice(REGIONS)}第{j}{rng.choice(DEPARTMENTS)}"
        add(f"real/{j:05d}{suffix}", data.replace(printed.encode(), agency.encode()), "real txt")
    # 3. a few Word and Excel files, and broken files
    left = total - len(files)
    for k in range(left):
        if k % 3 == 2:
            add(
                f"broken/{k:04d}.html",
                b"<html><body><table><tr><td>" + bytes(rng.randbytes(64)),
                "broken",
            )
            continue
        kind = "docx" if k % 3 == 0 else "xlsx"
        report = sample_report(k, "2021", f"宁德市第{k}号{rng.choice(DEPARTMENTS)}", 2022)
        add(f"office/{k:04d}.{kind}", render(report, kind), kind)
    _write(folder, files)
    return counts


def _write(folder: Path, files: list[tuple[str, bytes]]) -> None:
    """Most files loose in folders; one in ten in a zip, one in ten in a tar.gz."""
    zipped, tarred = files[::10], files[1::10]
    loose = [f for n, f in enumerate(files) if n % 10 not in (0, 1)]
    for name, data in loose:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    with zipfile.ZipFile(folder / "archive.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in zipped:
            archive.writestr(name, data)
    with tarfile.open(folder / "archive.tar.gz", "w:gz") as archive:
        for name, data in tarred:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
