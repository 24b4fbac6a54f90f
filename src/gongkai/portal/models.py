"""The portal's own records: the agency's 公开指南, the online part of an application (its
tracking number, the hashed access code, the address the code was sent to) and the rate-limit
ledger. Everything about the application itself stays in the applications app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency
from gongkai.applications.models import Application


class Guide(models.Model):
    """政府信息公开指南 (条例第二十三条), written by the agency's own staff."""

    agency = models.OneToOneField(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="portal_guide"
    )
    scope = models.TextField(
        "主动公开的范围和内容", help_text="本机关主动公开哪些政府信息、在哪里公开"
    )
    how_to_apply = models.TextField(
        "申请方式和程序", help_text="当面、邮寄、网络申请的办法，申请应当包括的内容"
    )
    office_name = models.CharField("政府信息公开工作机构", max_length=200)
    address = models.CharField("办公地址", max_length=300)
    postal_code = models.CharField("邮政编码", max_length=10, blank=True)
    hours = models.CharField("办公时间", max_length=200)
    phone = models.CharField("联系电话", max_length=100)
    fax = models.CharField("传真", max_length=100, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    fees = models.TextField(
        "收费",
        help_text="依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），一般不收费",
    )
    remedies = models.TextField(
        "监督和救济", help_text="投诉、举报，行政复议、行政诉讼（条例第五十一条）"
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords(
        verbose_name="公开指南修改记录", verbose_name_plural="公开指南修改记录"
    )

    class Meta:
        verbose_name = "政府信息公开指南"
        verbose_name_plural = "政府信息公开指南"

    def __str__(self) -> str:
        return f"{self.agency}政府信息公开指南"


class PortalAccount(models.Model):
    """An applicant's optional account (e-mail + password) for people who apply often.

    Its User has no Membership and is never staff; a session logged in through the portal
    carries a flag that keeps it out of the staff app (middleware.PortalAccountMiddleware).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="portal_account",
    )
    email = models.EmailField("电子邮箱", unique=True)
    created_at = models.DateTimeField("注册时间", auto_now_add=True)

    class Meta:
        verbose_name = "公众账号"
        verbose_name_plural = "公众账号"

    def __str__(self) -> str:
        return self.email


class OnlineRequest(models.Model):
    """The online side of an application filed through the portal (channel 网络在线)."""

    application = models.OneToOneField(
        Application, verbose_name="申请", on_delete=models.CASCADE, related_name="online"
    )
    tracking_number = models.CharField("查询号", max_length=20, unique=True)
    code_hash = models.CharField("查询码（散列）", max_length=200)
    email = models.EmailField("电子邮箱")
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    account = models.ForeignKey(
        PortalAccount,
        verbose_name="公众账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )

    class Meta:
        verbose_name = "网络申请"
        verbose_name_plural = "网络申请"

    def __str__(self) -> str:
        return self.tracking_number


class RateEvent(models.Model):
    """One counted action (an application, a failed tracking attempt) under a keyed HMAC of the
    IP address or the contact: the ledger never holds the address itself."""

    scope = models.CharField("类别", max_length=20)
    key = models.CharField("键（HMAC）", max_length=64)
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "频率限制记录"
        verbose_name_plural = "频率限制记录"
        indexes = (models.Index(fields=["scope", "key", "at"]),)

    def __str__(self) -> str:
        return f"{self.scope} {self.at:%Y-%m-%d %H:%M}"


class SearchEntry(models.Model):
    """The searchable text of one published item of the 公开目录 (title, 文号, 正文), each Chinese
    character a word of its own (services/search_index.py), so that one phrase query finds any
    run of characters on SQLite FTS5 and PostgreSQL full-text alike. Kept by signals.py."""

    item = models.OneToOneField(
        "disclosures.Item", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()

    class Meta:
        verbose_name = "公开目录检索索引"
        verbose_name_plural = "公开目录检索索引"

    def __str__(self) -> str:
        return str(self.item_id)
