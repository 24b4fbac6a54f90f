"""The dataset's tables as Arrow schemas: the column order every row tuple follows.

``reports`` has one row per distinct file (by content hash), including the files that could
not be read (``status`` says how it ended, ``reason`` why). ``cells``, ``findings`` and
``narrative`` hang off it by ``hash``; they repeat ``year`` (the partition) and ``agency_id``
so most questions need no join. ``chains`` is written whole after each run by ``chains.py``.
"""

from __future__ import annotations

import pyarrow as pa

REPORTS = pa.schema(
    [
        ("hash", pa.string()),
        ("source", pa.string()),
        ("agency", pa.string()),
        ("agency_id", pa.string()),
        ("region", pa.string()),
        ("year", pa.int32()),
        ("layout", pa.string()),  # "2019" | "2021": the official format the report follows
        ("kind", pa.string()),  # text | html | docx | pdf | xlsx | json
        ("title", pa.string()),
        ("status", pa.string()),  # see codes.STATUSES
        ("reason", pa.string()),
        ("errors", pa.int32()),
        ("warnings", pa.int32()),
        ("infos", pa.int32()),
        ("identity_failures", pa.int32()),
        ("cells_filled", pa.int32()),
        ("seconds", pa.float64()),
        ("batch", pa.string()),
    ]
)
CELLS = pa.schema(
    [
        ("hash", pa.string()),
        ("year", pa.int32()),
        ("agency_id", pa.string()),
        ("key", pa.string()),
        ("value", pa.float64()),
        ("value_text", pa.string()),  # exact: amounts are decimals in 万元
        ("unit", pa.string()),  # count | amount
        ("source_unit", pa.string()),  # the unit the source printed (万元, 元) or null
        ("raw", pa.string()),  # provenance: the text the value was read from
        ("page", pa.int32()),
        ("line", pa.int32()),
    ]
)
FINDINGS = pa.schema(
    [
        ("hash", pa.string()),
        ("year", pa.int32()),
        ("agency_id", pa.string()),
        ("code", pa.string()),
        ("severity", pa.string()),
        ("stage", pa.string()),
        ("keys", pa.list_(pa.string())),
        ("message", pa.string()),
        ("expected", pa.string()),
        ("actual", pa.string()),
        ("line", pa.int32()),
    ]
)
NARRATIVE = pa.schema(
    [
        ("hash", pa.string()),
        ("year", pa.int32()),
        ("agency_id", pa.string()),
        ("section", pa.string()),
        ("text", pa.string()),
    ]
)
CHAINS = pa.schema(
    [
        ("agency_id", pa.string()),
        ("year", pa.int32()),
        ("hash", pa.string()),
        ("previous_hash", pa.string()),
        ("code", pa.string()),
        ("keys", pa.list_(pa.string())),
        ("message", pa.string()),
        ("expected", pa.string()),
        ("actual", pa.string()),
    ]
)

# Written batch by batch, partitioned by year; ``reports`` last, as the batch's commit.
BATCH_TABLES = {"cells": CELLS, "findings": FINDINGS, "narrative": NARRATIVE, "reports": REPORTS}
TABLES = {**BATCH_TABLES, "chains": CHAINS}
