"""DuckDB over the dataset: one view per table, reading only committed Parquet files.

``connect(dataset)`` gives a connection with the views ``reports``, ``cells``, ``findings``,
``narrative``, ``chains``, ``agencies`` (one row per normalised agency, with every spelling
it used and its years) and ``agency_years`` (one report per agency and year). A table with no file yet is an empty view of the right columns.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa

from .dataset import Dataset
from .schema import TABLES

AGENCIES_VIEW = """
create view agencies as
select agency_id,
       any_value(region) as region,
       list(distinct agency order by agency) as spellings,
       list(distinct year order by year) as years,
       count(*) as reports
from reports
where agency_id is not null
group by agency_id
"""


# One report per agency and year: the most complete, when an agency published the same report
# twice (say as HTML and as PDF). What per-year totals and cross-year checks read.
AGENCY_YEARS_VIEW = """
create view agency_years as
select * exclude (n) from (
  select *, row_number() over (
    partition by agency_id, year order by cells_filled desc, errors asc, hash) as n
  from reports
  where status = 'ok' and agency_id is not null and year is not null
) where n = 1
"""


class QueryError(ValueError):
    """SQL that DuckDB refused; the message is for the user, in Chinese."""


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(dataset: Dataset) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for table, schema in TABLES.items():
        files = dataset.committed_files(table)
        if files:
            listed = ", ".join(_quote(str(p)) for p in files)
            con.execute(
                f"create view {table} as select * from read_parquet([{listed}], "
                "hive_partitioning = false, union_by_name = true)"
            )
        else:
            empty = pa.Table.from_batches([], schema=schema)
            con.register(f"_empty_{table}", empty)
            con.execute(f"create view {table} as select * from _empty_{table}")
    con.execute(AGENCIES_VIEW)
    con.execute(AGENCY_YEARS_VIEW)
    return con


def run(dataset: Dataset, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(column names, rows) of one query."""
    con = connect(dataset)
    try:
        result = con.execute(sql)
        columns = [d[0] for d in result.description or []]
        return columns, result.fetchall()
    except duckdb.Error as exc:
        raise QueryError(f"SQL 执行失败：{str(exc).splitlines()[0]}") from None
    finally:
        con.close()
