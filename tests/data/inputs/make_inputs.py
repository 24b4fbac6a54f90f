"""Build the small reader test inputs in this folder (HTML, DOCX, PDF, XLSX).

Run from the repository root: ``.venv/bin/python tests/data/inputs/make_inputs.py``.
The generated files are committed; the reader tests assert their exact block sequence, so
change this script and the tests together.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

HERE = Path(__file__).parent

TITLE = "临江县测试局2020年政府信息公开工作年度报告"
INTRO = "本报告根据《中华人民共和国政府信息公开条例》编制。"

# ------------------------------------------------------------------ HTML

APPLY_ROWS_HTML = """
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
<td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>4</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>5</td></tr>
<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>2.其他法律行政法规<br>禁止公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
"""

HTML = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={{charset}}">
<title>不应出现的标题</title><style>p {{{{ color: red }}}}</style>
<script>document.write("不应出现的脚本");</script></head>
<body>
<nav><a href="/">首页</a> &gt; 不应出现的导航</nav>
<h1>{TITLE}</h1>
<p>　　{INTRO}</p>
<div class="content"><h2>一、总体情况</h2>
<p>第一行&nbsp;&nbsp;文字<br>第二行<b>加粗</b>文字</p>
<ul><li>列表一</li><li>列表二</li></ul>
<h2>二、主动公开政府信息情况</h2>
<table border="1"><tbody>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><th>信息内容</th><th>本年新制作数量</th><th>本年新公开数量</th><th>对外公开总数量</th></tr>
<tr><td>规&nbsp;章</td><td>0</td><td>0</td><td>16</td></tr>
</tbody></table>
<h2>三、收到和处理政府信息公开申请情况</h2>
<table border="1">{APPLY_ROWS_HTML}</table>
</div>
<table class="layout"><tr><td><p>布局表格中的段落</p>
<table border="1"><tr><td>行政复议</td><td>0</td></tr></table></td></tr></table>
<!-- 注释不应出现 -->
<p>尾部</p>
</body></html>
"""


def make_html() -> None:
    (HERE / "report.html").write_bytes(HTML.format(charset="utf-8").encode("utf-8"))
    (HERE / "report_gb18030.html").write_bytes(HTML.format(charset="gb2312").encode("gb18030"))


# ------------------------------------------------------------------ DOCX


def make_docx() -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    doc.add_heading(TITLE, level=1)
    doc.add_paragraph(INTRO)
    doc.add_paragraph("一、总体情况")
    doc.add_paragraph("")  # blank paragraphs are dropped
    # Part 三 header: corner 2×2, "申请人情况" across 3 columns, "自然人" down 2 rows.
    t = doc.add_table(rows=4, cols=5)
    t.style = "Table Grid"
    corner = t.cell(0, 0).merge(t.cell(1, 1))
    corner.text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    t.cell(0, 2).merge(t.cell(0, 4)).text = "申请人情况"
    t.cell(1, 2).text = "自然人"
    t.cell(1, 3).text = "商业企业"
    t.cell(1, 4).text = "总计"
    t.cell(2, 0).merge(t.cell(3, 0)).text = "三、本年度办理结果"
    for r, label, values in ((2, "（一）予以公开", "1 0 1"), (3, "（二）部分公开", "2 0 2")):
        t.cell(r, 1).text = label
        for c, v in enumerate(values.split(), start=2):
            t.cell(r, c).text = v
    # A two-paragraph cell: "自然" / "人" joins with no space.
    doc.add_paragraph("二、主动公开政府信息情况")
    split_a = doc.add_table(rows=2, cols=3)
    split_a.style = "Table Grid"
    for c, text in enumerate(("信息内容", "上一年项目数量", "本年增/减")):
        split_a.cell(0, c).text = text
    for c, text in enumerate(("行政许可", "3", "-1")):
        split_a.cell(1, c).text = text
    brk = doc.add_paragraph()
    brk.add_run().add_break(WD_BREAK.PAGE)
    split_b = doc.add_table(rows=2, cols=3)  # the same table continued on page 2
    split_b.style = "Table Grid"
    for c, text in enumerate(("信息内容", "上一年项目数量", "本年增/减")):
        split_b.cell(0, c).text = text  # repeated header, dropped when joined
    for c, text in enumerate(("行政处罚", "5", "2")):
        split_b.cell(1, c).text = text
    cell = split_b.cell(1, 0)
    cell.add_paragraph("（含强制）")
    doc.add_paragraph("第二页的段落。")
    doc.save(str(HERE / "report_2page.docx"))


# ------------------------------------------------------------------ PDF

PDF_CSS = """
@page { size: A4; margin: 2cm; @bottom-center { content: counter(page); font-size: 9pt; } }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 1.5; }
p { margin: 0 0 0.6em 0; text-indent: 2em; text-align: justify; }
h1 { font-size: 18pt; text-align: center; }
h2 { font-size: 12pt; margin: 0.6em 0; }
table { border-collapse: collapse; margin: 0.5em 0; }
td, th { border: 1px solid black; padding: 2px 4px; font-size: 10pt; font-weight: normal; }
"""

LONG = (
    "本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
    "推进行政决策公开、执行公开、管理公开、服务公开、结果公开，全年主动公开政府信息一百二十条，"
    "通过门户网站、政务新媒体和公开栏等渠道及时发布，切实保障人民群众的知情权、参与权和监督权。"
)


def _pdf_html() -> str:
    rows = "".join(
        f"<tr><td>{i}.属于第{i}类事项</td><td>{i}</td><td>0</td><td>{i}</td></tr>"
        for i in range(1, 31)
    )
    return f"""<html><head><style>{PDF_CSS}</style></head><body>
<h1>{TITLE}</h1>
<p>{INTRO}</p>
<h2>一、总体情况</h2>
<p>{LONG}</p>
<p>第二段很短。</p>
<h2>二、主动公开政府信息情况</h2>
<table><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>16</td></tr>
<tr><td>规范性文件</td><td>1</td><td>1</td><td>1</td></tr></table>
<h2>三、收到和处理政府信息公开申请情况</h2>
<table><thead><tr><td>事项</td><td>自然人</td><td>法人或其他组织</td><td>总计</td></tr></thead>
<tbody>{rows}</tbody></table>
<p>表后的段落。</p>
</body></html>"""


def make_pdf() -> None:
    from weasyprint import HTML as WeasyHTML

    WeasyHTML(string=_pdf_html()).write_pdf(HERE / "report_2page.pdf")
    # A "scan": a page with only a drawn box, no text layer.
    scan = "<html><body><div style='width:300px;height:300px;background:#333'></div></body></html>"
    WeasyHTML(string=scan).write_pdf(HERE / "scanned.pdf")
    (HERE / "encrypted.pdf").write_bytes(encrypted_pdf())


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user: bytes = b"secret", owner: bytes = b"owner") -> bytes:
    """A one-page PDF under the standard security handler (RC4-40) with an open password."""
    file_id = b"0123456789abcdef"
    o_key = hashlib.md5((owner + _PAD)[:32]).digest()[:5]
    o = _rc4(o_key, (user + _PAD)[:32])
    p = -4
    key = hashlib.md5((user + _PAD)[:32] + o + struct.pack("<i", p) + file_id).digest()[:5]
    u = _rc4(key, _PAD)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + o.hex().encode() + b"> /U <"
        + u.hex().encode() + b"> /P " + str(p).encode() + b" >>",
    ]  # fmt: skip
    trailer = (
        b"/Encrypt 4 0 R /ID [<" + file_id.hex().encode() + b"> <" + file_id.hex().encode() + b">]"
    )
    return raw_pdf(objects, trailer)


def raw_pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """Assemble a PDF from object bodies (object 1 must be the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def many_pages_pdf(n: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] * n
    return raw_pdf(objects)


def cid_pdf() -> bytes:
    """Text in a CID font with no ToUnicode map: pdfminer can only give "(cid:N)"."""
    content = b"BT /F1 12 Tf 20 100 Td <0102030405060708090a0b0c0d0e0f10> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /XYZ /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /XYZ /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    return raw_pdf(objects)


# ------------------------------------------------------------------ XLSX


def make_xlsx() -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(HERE / "gongkai.xlsx"))
    report = wb.add_worksheet("报告")
    report_rows = [
        ("键", "标题", "内容"),
        ("title", "标题", TITLE),
        ("format", "格式", "2019"),
        ("agency", "机关", "临江县测试局"),
        ("year", "年度", 2020),
        ("preamble", "", INTRO),
        ("overview", "一、总体情况", "第一段。\n第二段。"),
        ("proactive", "二、主动公开政府信息情况", ""),
        ("applications", "三、收到和处理政府信息公开申请情况", ""),
        ("remedies", "四、政府信息公开行政复议、行政诉讼情况", "无。"),
    ]
    for r, row in enumerate(report_rows):
        report.write_row(r, 0, row)
    active = wb.add_worksheet("表二 主动公开")
    active.merge_range(0, 0, 0, 3, "第二十条第（一）项")
    active.write_row(1, 0, ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"))
    active.write_row(2, 0, ("规章", 0, 1.0, 16))
    # row 3 blank: the next block is a separate Table
    active.merge_range(4, 0, 4, 2, "第二十条第（九）项")
    active.write_row(5, 0, ("信息内容", "采购项目数量", "采购总金额"))
    active.write_row(6, 0, ("政府集中采购", 2, 319.02))
    apply = wb.add_worksheet("表三 依申请公开")
    apply.merge_range(
        0, 0, 2, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    )
    apply.merge_range(0, 3, 0, 5, "申请人情况")
    apply.merge_range(1, 3, 2, 3, "自然人")
    apply.merge_range(1, 4, 1, 5, "法人或其他组织")
    apply.write_row(2, 4, ("商业企业", "总计"))
    apply.merge_range(3, 0, 3, 2, "一、本年新收政府信息公开申请数量")
    apply.write_row(3, 3, (4, 1, 5))
    remedy = wb.add_worksheet("表四 复议诉讼")
    remedy.merge_range(0, 0, 0, 1, "行政复议")
    remedy.write_row(1, 0, ("结果维持", "总计"))
    remedy.write_row(2, 0, (0, 0))
    data = wb.add_worksheet("数据")
    data.write_row(0, 0, ("键", "表", "行", "列", "数值", "单位"))
    data.write_row(1, 0, ("active.rules.new_made", "表二", "规章", "本年新制作数量", 0, "件"))
    wb.close()

    wb = xlsxwriter.Workbook(str(HERE / "agency.xlsx"))
    ws = wb.add_worksheet("Sheet1")
    ws.write(0, 0, "某某局2020年政府信息公开工作年度报告")
    ws.merge_range(2, 0, 2, 2, "第二十条第（五）项")
    ws.write_row(3, 0, ("信息内容", "上一年项目数量", "本年增/减"))
    ws.write_row(4, 0, ("行政许可", 12, -3.5))
    ws.write(5, 0, "自然\n人")
    wb.close()


if __name__ == "__main__":
    make_html()
    make_docx()
    make_pdf()
    make_xlsx()
