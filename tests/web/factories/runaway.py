"""A real DOCX that is within every size check yet costs seconds of CPU and a large XML tree
to read: the shape of the 12 MB / 95 MB-of-XML upload that held a web worker for minutes."""

from __future__ import annotations

import io
import random
import zipfile

import docx

WORDS = "主动公开政府信息情况本年新制作件行政许可处罚强制收到申请数量办理结果"


def runaway_docx(paragraphs: int = 100_000, seed: int = 1) -> bytes:
    """~7 MB compressed, ~13 MB of XML (compression ratio far below the zip-bomb guard)."""
    document = docx.Document()
    document.add_paragraph("某镇人民政府2020年政府信息公开工作年度报告")
    base = io.BytesIO()
    document.save(base)
    rnd = random.Random(seed)
    # 2,000 distinct lines cycled: far apart (beyond deflate's 32 KB window), so the file does
    # not compress like a zip bomb, and quick to build.
    lines = ["".join(rnd.choices(WORDS, k=30)) for _ in range(2000)]
    body = "".join(
        f"<w:p><w:r><w:t>{lines[i % 2000]} {i}</w:t></w:r></w:p>" for i in range(paragraphs)
    ).encode()
    source = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", body + b"<w:sectPr", 1)
            z.writestr(item, data)
    return out.getvalue()
