"""Keep the 公开目录 search index (SearchEntry) in step with the items: every save of an item
(the review chain saves it at each step) indexes it when published and drops it otherwise."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from gongkai.disclosures.models import Item

from .services.search_index import sync


@receiver(post_save, sender=Item, dispatch_uid="portal-search-index")
def item_saved(sender: Any, instance: Item, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        sync(instance)
