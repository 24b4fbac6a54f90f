"""The applicant's personal data (个人信息): which fields hold it and how each is masked.

Outside the application's own pages for the agency's handling staff (views/detail.py, every
view logged in AccessLog), these fields are shown masked: in lists, on the detail page, and
in the Django admin and its change history, to everyone, the system administrator included.
"""

from __future__ import annotations

from typing import Any

from .models.application import mask_middle, mask_name

# The fields of Application (and of its history rows) that identify the applicant.
PERSONAL_FIELDS = ("applicant_name", "applicant_id_number", "applicant_contact", "attachment")


def masked(field: str, value: Any) -> str:
    """``value`` of personal ``field`` as anyone but the handling staff may see it."""
    text = str(value or "")
    if field == "applicant_name":
        return mask_name(text)
    if field == "applicant_id_number":
        return mask_middle(text, 4, 4)
    if field == "applicant_contact":
        return mask_middle(text, 3, 4)
    return "（有附件）" if text else ""
