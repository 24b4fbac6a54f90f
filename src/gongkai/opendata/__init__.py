"""Published annual reports as open data (公开数据): a read-only JSON API with an OpenAPI
description, CSV/XLSX/Parquet bulk files, and a public chart page per region.

Only what the public was already told is served: the current published version of each report
(``workspace.PublishedVersion``), never a draft, a correction in progress, an uploaded library
report, or who did what."""
