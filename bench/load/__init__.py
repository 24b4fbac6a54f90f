"""The load test (``make loadtest``): gunicorn on PostgreSQL on this machine, driven by Locust."""
