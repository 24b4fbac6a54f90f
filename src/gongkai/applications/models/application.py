"""Application (依申请公开申请): who asked what, through which channel, received when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency
from gongkai.report.formats import APPLY_COLUMNS

_COLUMN_LABELS = {c.key: c.label for c in APPLY_COLUMNS}


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "当面"
    POST = "post", "邮寄"
    ONLINE = "online", "网络在线"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"
    OTHER = "other", "其他"


class ApplicantType(models.TextChoices):
    """The applicant columns of part 三 of the annual report (formats.APPLY_COLUMNS)."""

    NATURAL_PERSON = "natural_person", _COLUMN_LABELS["natural_person"]
    COMMERCIAL = "commercial", _COLUMN_LABELS["commercial"]
    RESEARCH = "research", _COLUMN_LABELS["research"]
    SOCIAL_WELFARE = "social_welfare", _COLUMN_LABELS["social_welfare"]
    LEGAL_SERVICE = "legal_service", _COLUMN_LABELS["legal_service"]
    OTHER_ORG = "other_org", "其他组织"


RECEIPT_HELP = (
    "条例第三十一条：当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以签收之日为准，"
    "平常信函等无需签收的邮件，以双方确认之日为准；通过互联网渠道或者政府信息公开工作机构的"
    "传真提交的，以双方确认之日为准；公开的电子邮箱，以邮件系统收到之日为准。"
)


class Application(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="applications"
    )
    year = models.PositiveIntegerField("登记年度", editable=False)
    serial = models.PositiveIntegerField("年度序号", editable=False)
    channel = models.CharField("申请渠道", max_length=20, choices=Channel.choices)
    received = models.DateField("收到申请之日", help_text=RECEIPT_HELP)
    applicant_type = models.CharField("申请人类别", max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField("申请人姓名或名称", max_length=200)
    applicant_id_number = models.CharField(
        "身份证件号码或统一社会信用代码", max_length=64, blank=True
    )
    applicant_contact = models.CharField("联系方式", max_length=300)
    request = models.TextField("申请公开的政府信息")
    delivery = models.CharField(
        "获取信息的方式", max_length=200, blank=True, help_text="如：纸质、电子邮件、邮寄"
    )
    attachment = models.FileField("附件", upload_to="applications/%Y/", blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="经办人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handled_applications",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    # Derived from the closing event (答复, 撤回, 视为放弃, 逾期未缴费), which stays the truth:
    # stored so that "open" and "closed" are an indexed column, not a join over every event.
    # Kept by services.workflow.record_event; services.closing fills it from the events.
    closed_on = models.DateField("办结日期", null=True, blank=True, editable=False)
    history = HistoricalRecords(
        verbose_name="申请修改记录",
        verbose_name_plural="申请修改记录",
        excluded_fields=["closed_on"],  # derived from the events, which have their own history
    )

    class Meta:
        verbose_name = "依申请公开申请"
        verbose_name_plural = "依申请公开申请"
        ordering = ("-received", "-serial")
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "year", "serial"], name="application_unique_number"
            ),
        )
        indexes = (
            models.Index(fields=["agency", "received"]),
            models.Index(fields=["agency", "closed_on"]),
            # The registers' order (newest received first) across agencies: all, all closed, and
            # those of one year (the number's year).
            models.Index(fields=["received", "id"]),
            models.Index(fields=["year", "received", "id"]),
        )

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """The tracking number (登记编号), per agency and year: 依申请〔2026〕第7号."""
        return f"依申请〔{self.year}〕第{self.serial}号"

    # Personal data (个人信息) as shown to anyone but the agency's handling staff.
    @property
    def masked_name(self) -> str:
        return mask_name(self.applicant_name)

    @property
    def masked_id_number(self) -> str:
        return mask_middle(self.applicant_id_number, 4, 4)

    @property
    def masked_contact(self) -> str:
        return mask_middle(self.applicant_contact, 3, 4)


def mask_name(name: str) -> str:
    """张三丰 → 张**, 李四 → 李**: the first character only; the length is not shown either."""
    name = name.strip()
    return name[0] + "**" if name else ""


def mask_middle(value: str, head: int, tail: int) -> str:
    """330102199001011234 → 3301**********1234; short values are masked entirely."""
    value = value.strip()
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[-tail:]
