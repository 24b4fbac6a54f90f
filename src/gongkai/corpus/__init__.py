"""The corpus: every published annual report as one queryable dataset (年报数据集).

``gongkai corpus ingest`` walks folders, archives and URL lists (``sources.py``), parses and
checks each file once — keyed by its content hash — in a worker process under time and memory
limits (``sandbox.py``, ``worker.py``), on a local process pool or a Dask cluster
(``engines.py``), and appends the results in batches to Parquet tables partitioned by year
(``dataset.py``). The dataset is queried with DuckDB (``query.py``), exported to SQLite
(``export.py``), checked across years per agency (``chains.py``, agency names normalised in
``names.py``) and summarised as a static HTML report (``html_report.py``).

The parsing and checking are those of ``gongkai.report`` — this package only moves files and
rows around.
"""
