"""Workspaces through the workspace services, as the web app creates them."""

from __future__ import annotations

from typing import Any

from gongkai.agencies.models import Agency
from gongkai.workspace import workflow
from gongkai.workspace.models import Workspace
from gongkai.workspace.services import open_workspace

YEAR = 2026


def workspace_for(agency: Agency, *, by: Any = None, year: int = YEAR) -> Workspace:
    return open_workspace(agency, year, by=by)


def published_workspace(agency: Agency, clerk: Any, reviewer: Any, year: int = YEAR) -> Workspace:
    """Compiled, submitted by the clerk, approved by the reviewer (负责人), published."""
    ws = workspace_for(agency, by=clerk, year=year)
    workflow.submit(ws, by=clerk)
    workflow.approve(ws, by=reviewer)
    return workflow.publish(ws, by=clerk)
