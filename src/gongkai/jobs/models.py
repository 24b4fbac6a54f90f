"""One row per piece of background work: what the page polls for state, progress and result.

The queue itself is django-tasks-db's table; this row is ours because it carries what a page
needs and the queue does not: whose agency it is (for scoping), the step in Chinese, the reason
it failed in Chinese, the uploaded input until it is processed, and a file to download.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Job(models.Model):
    class Kind(models.TextChoices):
        REPORT_UPLOAD = "report_upload", "年度报告上传"
        REGISTER_IMPORT = "register_import", "登记导入"
        YEAR_EXPORT = "year_export", "年度报告导出"
        REMINDER_MAIL = "reminder_mail", "期限提醒邮件"

    class State(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "处理中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, null=True, blank=True, related_name="jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField("进度（%）", default=0)
    step = models.CharField("当前步骤", max_length=200, blank=True)
    error = models.TextField("失败原因", blank=True)
    params = models.JSONField("参数", default=dict, blank=True)
    input = models.FileField("输入文件", upload_to="jobs/input/", blank=True)
    input_name = models.CharField("输入文件名", max_length=255, blank=True)
    result = models.JSONField("结果", default=dict, blank=True)
    output = models.FileField("结果文件", upload_to="jobs/output/", blank=True)
    output_name = models.CharField("结果文件名", max_length=255, blank=True)
    task_id = models.CharField("队列任务编号", max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = verbose_name_plural = "后台任务"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}（{self.get_state_display()}）"

    @property
    def finished(self) -> bool:
        return self.state in {self.State.DONE, self.State.FAILED}
