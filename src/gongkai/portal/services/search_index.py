"""Full-text search of the 公开目录 on both databases, with the same meaning on each.

Chinese has no spaces, so the stored text (portal.SearchEntry) holds every CJK character and
every pair of adjacent CJK characters as a word of its own ("道路养护" → "道 路 养 护 道路 路养
养护"), and runs of Latin letters and digits whole; punctuation separates. A search word becomes
its character pairs (or the one character), all required: "道路养护" → 道路 AND 路养 AND 养护
(the CJK bigrams of the Lucene/Elasticsearch CJK analyzer). A plain AND of words is answered
from the index alone — no phrase positions, no recheck of the text — on

* SQLite: an FTS5 table over SearchEntry (external content, unicode61 tokenizer, kept by
  triggers; migration 0002), queried with ``agency_id : N AND text : "道路" AND …``;
* PostgreSQL: a stored generated column ``tsv = to_tsvector('simple', text)`` (migration 0002,
  not in the model) with a GIN index, queried with ``plainto_tsquery('simple', '道路 路养 …')``;
* any other database: ``icontains`` over title, 文号 and 正文 (catalogue.search).

Differences from ``icontains``: a Latin word or a number matches whole (2026 finds 2026, not
202), and the pairs of a long word need not stand in a row (rare in real text). Every run of
characters that does occur is found (tests/web/test_portal_public.py checks it by hypothesis).
``make bench`` (bench/portal.py) prints both ways on 100,000 items.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import connection
from django.db.models.expressions import RawSQL

from gongkai.disclosures.models import Item, Status

from ..models import SearchEntry

FTS_TABLE = "portal_search_fts"


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def _runs(text: str) -> Iterator[tuple[bool, str]]:
    """(is CJK, run) for each run of CJK characters or of other letters and digits."""
    run, cjk = "", False
    for ch in text.lower():
        kind = _is_cjk(ch) if ch.isalnum() else None
        if kind is None or (run and kind != cjk):
            if run:
                yield cjk, run
            run = ""
        if kind is not None:
            run, cjk = run + ch, kind
    if run:
        yield cjk, run


def _pairs(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_words(text: str) -> list[str]:
    """The words stored for a text: CJK characters and pairs, other runs whole; no repeats."""
    words: list[str] = []
    for cjk, run in _runs(text):
        words += [*run, *_pairs(run)] if cjk else [run]
    return list(dict.fromkeys(words))


def query_words(text: str) -> list[str]:
    """The words a search for ``text`` requires: CJK pairs (a lone character itself)."""
    words: list[str] = []
    for cjk, run in _runs(text):
        words += _pairs(run) if cjk and len(run) > 1 else [run]
    return list(dict.fromkeys(words))


def entry_text(item: Item) -> str:
    return " ".join(index_words(f"{item.title} {item.doc_number} {item.body}"))


def sync(item: Item) -> None:
    """Index a published item; drop any other from the index."""
    if item.status == Status.PUBLISHED:
        SearchEntry.objects.update_or_create(
            item_id=item.pk, defaults={"agency_id": item.agency_id, "text": entry_text(item)}
        )
    else:
        SearchEntry.objects.filter(item_id=item.pk).delete()


def reindex(items: Iterable[Item], batch_size: int = 2000) -> int:
    """(Re)build the entries of ``items`` (bulk loads, data fixes); returns how many indexed."""
    batch: list[SearchEntry] = []
    done = 0
    for item in items:
        if item.status != Status.PUBLISHED:
            continue
        batch.append(SearchEntry(item_id=item.pk, agency_id=item.agency_id, text=entry_text(item)))
        if len(batch) >= batch_size:
            done += _write(batch)
            batch = []
    return done + _write(batch)


def _write(batch: list[SearchEntry]) -> int:
    SearchEntry.objects.filter(item_id__in=[e.item_id for e in batch]).delete()
    SearchEntry.objects.bulk_create(batch)
    return len(batch)


def indexed() -> bool:
    return connection.vendor in ("sqlite", "postgresql")


def matching(agency_id: int, words: list[str]) -> RawSQL | None:
    """The pks of the agency's indexed items containing every word, or None (no index here)."""
    required = list(dict.fromkeys(w for word in words for w in query_words(word)))
    if not required:
        return None
    if connection.vendor == "sqlite":
        terms = " AND ".join(f'text : "{w}"' for w in required)
        query = f"agency_id : {int(agency_id)} AND {terms}"
        return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [query])
    if connection.vendor == "postgresql":
        sql = (
            "SELECT item_id FROM portal_searchentry "
            "WHERE agency_id = %s AND tsv @@ plainto_tsquery('simple', %s)"
        )
        return RawSQL(sql, [agency_id, " ".join(required)])
    return None
