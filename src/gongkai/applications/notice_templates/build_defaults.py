"""Rebuild the default notice templates: ``python -m gongkai.applications.notice_templates.build_defaults``.

Agencies copy these, edit the wording in Word, and upload their version in the admin.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
BY = "《中华人民共和国政府信息公开条例》"

BODIES: dict[str, list[str]] = {
    "receipt": [
        "{{applicant_name}}：",
        "本机关于{{received}}通过{{channel}}收到您的政府信息公开申请（登记编号{{number}}）。"
        "收到申请之日依照" + BY + "第三十一条确定。",
        "申请公开的政府信息：{{request}}",
        "本机关已予登记，将依照条例第三十三条的规定，自收到申请之日起20个工作日内，"
        "即{{due}}前作出答复；需要延长答复期限的，将另行书面告知。",
    ],
    "correction": [
        "{{applicant_name}}：",
        "本机关于{{received}}收到您的政府信息公开申请（登记编号{{number}}），申请公开：{{request}}",
        "经审查，您的申请内容不够明确。依照" + BY + "第三十条的规定，现一次性告知您补正以下事项：",
        "{{correction_items}}",
        "请于{{correction_due}}前（补正期限{{correction_period}}）提交补正后的申请。"
        "答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，"
        "本机关将不再处理该政府信息公开申请。",
    ],
    "extension": [
        "{{applicant_name}}：",
        "本机关于{{received}}收到您的政府信息公开申请（登记编号{{number}}）。",
        "因{{reason}}，本机关不能在法定期限内作出答复。经政府信息公开工作机构负责人同意，依照"
        + BY
        + "第三十三条第二款的规定，答复期限延长{{extension_days}}个工作日，"
        "本机关将于{{extended_due}}前作出答复。",
    ],
    "third_party": [
        "{{third_party}}：",
        "本机关于{{received}}收到政府信息公开申请（登记编号{{number}}），申请公开：{{request}}",
        "本机关认为公开上述信息可能损害您的合法权益。依照" + BY + "第三十二条的规定，"
        "现书面征求您的意见。请自收到本函之日起15个工作日内，即{{answer_due}}前，"
        "书面提出意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。"
        "第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益"
        "造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知您。",
    ],
    "reply": [
        "{{applicant_name}}：",
        "本机关于{{received}}收到您的政府信息公开申请（登记编号{{number}}），申请公开：{{request}}",
        "经审查，现答复如下：",
        "办理结果：{{outcome}}。",
        "{{reasons}}",
        "依据：{{article}}。",
        "{{remedy}}",
    ],
}
TITLES = {"reply": "{{title}}"}


def build(kind: str, body: list[str]) -> Path:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(14)
    head = doc.add_paragraph("{{agency}}")
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(TITLES.get(kind, "{{title}}"))
    run.bold = True
    run.font.size = Pt(18)
    doc.add_paragraph("{{number}}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in body:
        doc.add_paragraph(text)
    for text in ("{{agency}}", "{{date}}"):
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    path = HERE / f"{kind}.docx"
    doc.save(str(path))
    return path


if __name__ == "__main__":
    for kind, body in BODIES.items():
        print(build(kind, body))
