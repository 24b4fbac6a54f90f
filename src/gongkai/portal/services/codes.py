"""Tracking numbers and access codes: random, unambiguous to read aloud (no 0/O, 1/I/L)."""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _random(n: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(n))


def new_tracking_number() -> str:
    """GK-XXXX-XXXX: 31^8 ≈ 8.5×10^11 numbers; uniqueness is still enforced by the table."""
    raw = _random(8)
    return f"GK-{raw[:4]}-{raw[4:]}"


def new_access_code() -> str:
    """Twelve characters (≈ 59 bits) shown once and e-mailed; only its hash is stored."""
    raw = _random(12)
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise(text: str) -> str:
    """What a person types back: any case, spaces or dashes; O/I/L read as 0/1 cannot occur."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def normalise_tracking_number(text: str) -> str:
    raw = normalise(text).removeprefix("GK")
    return f"GK-{raw[:4]}-{raw[4:]}" if len(raw) == 8 else text.strip().upper()
