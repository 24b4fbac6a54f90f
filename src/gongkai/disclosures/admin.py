from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Category, Item, RegisterEntry, ReviewStep


class ReviewStepInline(admin.TabularInline):
    model = ReviewStep
    extra = 0
    readonly_fields = ("step", "actor", "role", "at", "opinion")
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # steps are taken through the review chain, never typed in


@admin.register(Category)
class CategoryAdmin(SimpleHistoryAdmin):
    list_display = ("name", "agency", "order", "active")
    list_filter = ("active",)
    search_fields = ("name", "agency__name")


@admin.register(Item)
class ItemAdmin(SimpleHistoryAdmin):
    list_display = ("title", "agency", "category", "formed_on", "published_on", "status")
    list_filter = ("status", "article_item")
    search_fields = ("title", "doc_number", "agency__name")
    readonly_fields = ("status", "published_on")
    inlines = (ReviewStepInline,)


@admin.register(RegisterEntry)
class RegisterEntryAdmin(SimpleHistoryAdmin):
    list_display = ("agency", "subject", "period_start", "period_end")
    list_filter = ("subject",)
    search_fields = ("agency__name",)
