"""Proactive disclosure items (主动公开政府信息) and the steps of their pre-publication review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency


class TwentiethArticle(models.TextChoices):
    """条例第二十条: the fifteen kinds of information every organ discloses proactively."""

    I1 = "1", "（一）行政法规、规章和规范性文件"
    I2 = "2", "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"
    I3 = "3", "（三）国民经济和社会发展规划、专项规划、区域规划及相关政策"
    I4 = "4", "（四）国民经济和社会发展统计信息"
    I5 = "5", "（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"
    I6 = "6", "（六）实施行政处罚、行政强制的依据、条件、程序以及有一定社会影响的行政处罚决定"
    I7 = "7", "（七）财政预算、决算信息"
    I8 = "8", "（八）行政事业性收费项目及其依据、标准"
    I9 = "9", "（九）政府集中采购项目的目录、标准及实施情况"
    I10 = "10", "（十）重大建设项目的批准和实施情况"
    I11 = "11", "（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"
    I12 = "12", "（十二）突发公共事件的应急预案、预警信息及应对情况"
    I13 = "13", "（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"
    I14 = "14", "（十四）公务员招考的职位、名额、报考条件等事项以及录用结果"
    I15 = "15", "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"


class Channel(models.TextChoices):
    """公开渠道 (条例第二十三至二十五条)."""

    WEBSITE = "website", "政府网站"
    GAZETTE = "gazette", "政府公报"
    NEW_MEDIA = "new_media", "政务新媒体"
    BOARD = "board", "公开栏"
    PRESS = "press", "新闻发布会"
    BROADCAST = "broadcast", "报刊广播电视"
    READING_ROOM = "reading_room", "档案馆、图书馆查阅点"
    OTHER = "other", "其他"


class Status(models.TextChoices):
    """Where an item stands in the review chain (derived from its steps; see workflow.py)."""

    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待科室负责人审核"
    DEPT_REVIEWED = "dept_reviewed", "待保密审查"
    SECRECY_CLEARED = "secrecy_cleared", "待领导审批"
    APPROVED = "approved", "已批准，待发布"
    PUBLISHED = "published", "已公开"


class Step(models.TextChoices):
    SUBMIT = "submit", "提交审核"
    DEPT_OPINION = "dept_opinion", "科室负责人意见"
    SECRECY_REVIEW = "secrecy_review", "保密审查"
    LEADER_APPROVAL = "leader_approval", "领导审批"
    PUBLISH = "publish", "发布"
    RETURN = "return", "退回修改"


class Category(models.Model):
    """A heading of the agency's 政府信息公开目录 (configurable per agency)."""

    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="disclosure_categories"
    )
    name = models.CharField("目录类别", max_length=100)
    order = models.PositiveIntegerField("排序", default=0)
    active = models.BooleanField("启用", default=True)
    history = HistoricalRecords(verbose_name="目录类别修改记录")

    class Meta:
        verbose_name = "公开目录类别"
        verbose_name_plural = "公开目录类别"
        ordering = ("agency", "order", "pk")
        constraints = (
            models.UniqueConstraint(fields=["agency", "name"], name="category_unique_name"),
        )

    def __str__(self) -> str:
        return self.name


class Item(models.Model):
    """主动公开的一条政府信息."""

    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="disclosure_items"
    )
    title = models.CharField("标题", max_length=300)
    doc_number = models.CharField("文号", max_length=100, blank=True)
    formed_on = models.DateField(
        "形成或变更日期", help_text="信息形成或者变更之日（第二十六条起算日）"
    )
    published_on = models.DateField("公开日期", null=True, blank=True)
    category = models.ForeignKey(
        Category, verbose_name="目录类别", on_delete=models.PROTECT, related_name="items"
    )
    article_item = models.CharField("第二十条事项", max_length=2, choices=TwentiethArticle.choices)
    channels = models.JSONField("公开渠道", default=list)
    url = models.URLField("网址", blank=True)
    body = models.TextField("正文", blank=True, help_text="公开的全文，公众门户按其检索")
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="起草人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("起草时间", auto_now_add=True)
    history = HistoricalRecords(verbose_name="主动公开信息修改记录")

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ("-formed_on", "-pk")
        # The public 公开目录 (portal): one agency's published items, newest first.
        indexes = (
            models.Index(
                fields=["agency", "status", "published_on", "id"], name="item_public_catalogue"
            ),
        )

    def __str__(self) -> str:
        return self.title

    def channel_labels(self) -> list[str]:
        return [Channel(c).label for c in self.channels if c in Channel.values]


class ReviewStep(models.Model):
    """One recorded step of the review chain: who, when, in which role, with what opinion."""

    item = models.ForeignKey(
        Item, verbose_name="信息", on_delete=models.CASCADE, related_name="steps"
    )
    step = models.CharField("环节", max_length=20, choices=Step.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="办理人", on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField("身份", max_length=20)
    at = models.DateTimeField("时间", auto_now_add=True)
    opinion = models.TextField("意见", blank=True)
    history = HistoricalRecords(verbose_name="审查记录修改记录")

    class Meta:
        verbose_name = "审查记录"
        verbose_name_plural = "审查记录"
        ordering = ("item", "at", "pk")

    def __str__(self) -> str:
        return f"{self.item} · {self.get_step_display()}"

    @property
    def role_label(self) -> str:
        from gongkai.accounts.models import Role

        return Role(self.role).label if self.role in Role.values else self.role
