"""Who sees a job: those who may edit its agency's data, and its submitter while the agency is
still visible to them; jobs without an agency (reminder mail) only superusers. Else 404."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from gongkai.accounts.permissions import agencies_editable_by, agencies_visible_to

from .models import Job


def jobs_visible_to(user: Any) -> QuerySet[Job]:
    if not getattr(user, "is_authenticated", False):
        return Job.objects.none()
    if user.is_superuser:
        return Job.objects.all()
    own = Q(created_by=user, agency__in=agencies_visible_to(user))
    return Job.objects.filter(own | Q(agency__in=agencies_editable_by(user)))


def get_visible_job_or_404(user: Any, pk: int) -> Job:
    job = jobs_visible_to(user).select_related("agency").filter(pk=pk).first()
    if job is None:
        raise Http404("No such job")
    return job
