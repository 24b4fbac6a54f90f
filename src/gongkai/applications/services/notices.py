"""Notices (告知书) as DOCX, filled from templates an agency may replace.

A template is a .docx whose paragraphs contain ``{{name}}`` placeholders (names below). The
default templates live in ``applications/notice_templates/<kind>.docx``; an agency uploads its
own version in the admin (NoticeTemplate). Word may split a placeholder over several runs, so
each paragraph is rewritten as a whole into its first run, keeping that run's formatting.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from docx import Document

from gongkai.law.deadlines import Unit
from gongkai.law.outcomes import outcome
from gongkai.law.remedies import remedy_clause

from ..models import Application, EventKind, NoticeKind, NoticeTemplate
from ..models.decision import outcome_label
from .clocks import clocks_for

DEFAULTS = Path(__file__).resolve().parents[1] / "notice_templates"
PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


class NoticeUnavailable(ValueError):
    """The notice does not apply yet (e.g. no extension was approved); Chinese message."""


def reconsideration_organ(application: Application) -> str:
    """行政复议法（2023）: a township's or a department's act → the people's government above."""
    parent = application.agency.parent
    return parent.name if parent is not None else "上一级人民政府"


def available(application: Application) -> list[NoticeKind]:
    kinds = {e.kind for e in application.events.all()}
    has = {
        NoticeKind.RECEIPT: True,
        NoticeKind.CORRECTION: EventKind.CORRECTION_REQUESTED in kinds,
        NoticeKind.EXTENSION: EventKind.EXTENSION_APPROVED in kinds,
        NoticeKind.THIRD_PARTY: EventKind.THIRD_PARTY_CONSULTED in kinds,
        NoticeKind.REPLY: hasattr(application, "decision"),
    }
    return [k for k, ok in has.items() if ok]


def context(application: Application, kind: NoticeKind) -> dict[str, str]:
    kind = NoticeKind(kind)
    if kind not in available(application):
        raise NoticeUnavailable(f"尚不能生成{kind.label}")
    clocks = clocks_for(application)
    events = {e.kind: e for e in application.events.all()}
    ctx = {
        "agency": application.agency.name,
        "number": application.number,
        "applicant_name": application.applicant_name,
        "received": _d(application.received),
        "channel": application.get_channel_display(),
        "request": application.request,
        "date": _d(application.received),
        "due": str(clocks.due) if clocks.due else "",
        "title": kind.label,
    }
    if kind == NoticeKind.CORRECTION:
        ev = events[EventKind.CORRECTION_REQUESTED]
        ctx |= {
            "date": _d(ev.on),
            "correction_items": ev.reason,
            "correction_days": str(ev.data.get("days", "")),
            "correction_period": correction_period(ev.data),
            "correction_due": str(clocks.correction_due or ""),
        }
    elif kind == NoticeKind.EXTENSION:
        ev = events[EventKind.EXTENSION_APPROVED]
        ctx |= {
            "date": _d(ev.on),
            "reason": ev.reason,
            "extension_days": str(ev.data.get("days", 20)),
            "extended_due": str(clocks.extended_due or ""),
        }
    elif kind == NoticeKind.THIRD_PARTY:
        ev = events[EventKind.THIRD_PARTY_CONSULTED]
        ctx |= {
            "date": _d(ev.on),
            "third_party": ev.data.get("party", ""),
            "answer_due": str(clocks.third_party_due or ""),
        }
    elif kind == NoticeKind.REPLY:
        ctx |= _reply_context(application)
    return ctx


def correction_period(data: dict[str, Any]) -> str:
    """The 补正期限 as the notice states it, unit included: 10个工作日 / 15日（自然日）."""
    days = data.get("days")
    if not days:
        return ""
    return Unit(data.get("unit") or Unit.WORKING_DAYS).of(int(days))


def _reply_context(application: Application) -> dict[str, str]:
    decision = application.decision
    o = outcome(decision.outcome)
    clause = remedy_clause(o, decision.on, reconsideration_organ(application))
    return {
        "date": _d(decision.on),
        "title": o.notice.label,
        "outcome": outcome_label(o.key),
        "article": decision.legal_basis or "《中华人民共和国政府信息公开条例》",
        "reasons": decision.reasons,
        "remedy": clause.text,
    }


def render(application: Application, kind: NoticeKind) -> bytes:
    """The filled notice as .docx bytes."""
    kind = NoticeKind(kind)
    ctx = context(application, kind)
    doc = Document(io.BytesIO(template_bytes(application, kind)))
    paragraphs = _paragraphs(doc)
    if kind == NoticeKind.CORRECTION:
        _check_states_the_unit(ctx, paragraphs)
    for paragraph in paragraphs:
        _fill(paragraph, ctx)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _check_states_the_unit(ctx: dict[str, str], paragraphs: list[Any]) -> None:
    """A period in calendar days needs a template that prints the unit ({{correction_period}});
    an older agency template reading "{{correction_days}}个工作日" would misstate it."""
    if Unit.CALENDAR_DAYS.label not in ctx.get("correction_period", ""):
        return
    if not any("correction_period" in p.text for p in paragraphs):
        raise NoticeUnavailable(
            "本机关的补正告知书模板没有 {{correction_period}}（补正期限及单位），"
            "不能正确载明按自然日计算的补正期限；请在模板中改用 {{correction_period}} 后重新上传"
        )


def template_bytes(application: Application, kind: NoticeKind) -> bytes:
    own = NoticeTemplate.objects.filter(agency=application.agency_id, kind=kind).first()
    if own is not None and own.file:
        with own.file.open("rb") as f:
            return f.read()
    return (DEFAULTS / f"{kind.value}.docx").read_bytes()


def docx_text(data: bytes) -> str:
    """All paragraph text of a .docx, one paragraph a line (tests, previews)."""
    return "\n".join(p.text for p in _paragraphs(Document(io.BytesIO(data))))


def _paragraphs(doc: Any) -> list[Any]:
    paragraphs = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    for section in doc.sections:
        paragraphs.extend(section.header.paragraphs)
        paragraphs.extend(section.footer.paragraphs)
    return paragraphs


def _fill(paragraph: Any, ctx: dict[str, str]) -> None:
    text = "".join(run.text for run in paragraph.runs)
    if "{{" not in text or not paragraph.runs:
        return
    paragraph.runs[0].text = PLACEHOLDER.sub(lambda m: ctx.get(m.group(1), ""), text)
    for run in paragraph.runs[1:]:
        run.text = ""


def _d(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
