"""docs/format.md, generated from the declarations so the documented keys cannot drift.

Run ``python -m gongkai.report.format_doc > docs/format.md``; a test fails when the file is
out of date.
"""

from __future__ import annotations

from .findings import CATALOGUE
from .formats import FORMATS, SECTIONS, Unit

_INTRO = """# 年度报告数据格式 · The report as data

gongkai 把每份《政府信息公开工作年度报告》表示为一组**规范单元格键**（canonical cell keys）
及其数值。键是公开约定，永不改名。本文件由 `python -m gongkai.report.format_doc` 根据
`src/gongkai/report/formats.py` 中的格式声明生成，请勿手工编辑。

Every annual report is a set of canonical cell keys `<table>.<row>.<column>` with their values.
The keys are a public contract and are never renamed. This file is generated from the
declarations in `src/gongkai/report/formats.py`.

- Counts (件) are JSON integers. A value the source does not give is `null`, never 0.
- Amounts are exact decimals in 万元, written as JSON strings (`"76.3"`), never floats. A
  source in 元 is converted (÷10000) and its original text and unit are kept in `provenance`;
  an amount printed with no unit anywhere is read as 万元 with a warning (`AMOUNT_UNIT_ASSUMED`).
- `gongkai parse` prints `{"source", "format", "agency", "year", "title", "cells", "sections",
  "provenance", "findings"}`; `gongkai schema` prints the JSON Schema.
- A cell read by OCR from a scan (PNG/JPEG/TIFF, or a PDF page without text) also has
  `box` (`[x, y, w, h]` in page pixels, 200 dpi for a PDF page) and `confidence` (0–100) in
  its `provenance`; other cells have neither.
"""


def render_format_doc() -> str:
    out = [_INTRO]
    out.append("## 正文部分 · Narrative sections\n")
    out.append("| key | 部分 |\n|---|---|\n| `preamble` | 标题之后、第一部分之前的导语 |")
    out.extend(f"| `{s.key}` | {s.heading} |" for s in SECTIONS)
    for fmt in FORMATS.values():
        first, last = fmt.years
        span = f"{first}–{last}" if last else f"{first} 起"
        out.append(f"\n## {fmt.name}（{fmt.document}；适用年度 {span}）\n")
        out.append("| key | 表 | 行 | 列 | 单位 |\n|---|---|---|---|---|")
        for key, spec in fmt.cells.items():
            table = {"active": "二", "apply": "三", "remedy": "四"}[spec.grid.table]
            where = f"{spec.grid.title} " if spec.grid.table == "active" else ""
            group = f"{spec.row.group} " if spec.row.group else ""
            unit = "万元" if spec.unit is Unit.AMOUNT else ("件（可为负）" if spec.signed else "件")
            out.append(
                f"| `{key}` | {table} | {where}{group}{spec.row.label} | {spec.column.label} | {unit} |"
            )
        out.append(f"\n勾稽关系（{len(fmt.identities)} 条）：")
        seen: set[str] = set()
        for ident in fmt.identities:
            if ident.code not in seen:
                seen.add(ident.code)
                out.append(f"- `{ident.code}`: {CATALOGUE[ident.code].zh.split('：', 1)[-1]}")
    out.append("\n## 发现代码 · Finding codes\n")
    out.append("| code | 级别 | 说明 |\n|---|---|---|")
    for code, msg in CATALOGUE.items():
        out.append(f"| `{code}` | {msg.severity.value} | {msg.zh} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render_format_doc(), end="")
