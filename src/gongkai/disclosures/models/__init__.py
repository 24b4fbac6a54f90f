from .items import Category, Channel, Item, ReviewStep, Status, Step, TwentiethArticle
from .registers import RegisterEntry, Subject

__all__ = [
    "Category",
    "Channel",
    "Item",
    "RegisterEntry",
    "ReviewStep",
    "Status",
    "Step",
    "Subject",
    "TwentiethArticle",
]
