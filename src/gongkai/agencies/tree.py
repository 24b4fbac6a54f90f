"""Presenting agencies as a tree."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .models import Agency


@dataclass(frozen=True)
class TreeRow:
    agency: Agency
    level: int  # indentation relative to the shallowest agency shown


def indented(agencies: Iterable[Agency]) -> list[TreeRow]:
    """Rows in tree order (by path), indented relative to the shallowest visible agency.

    A user who sees only part of the tree gets it starting at the left margin.
    """
    ordered = sorted(agencies, key=lambda a: a.path)
    if not ordered:
        return []
    top = min(a.depth for a in ordered)
    return [TreeRow(agency=a, level=a.depth - top) for a in ordered]
