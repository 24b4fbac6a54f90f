"""gongkai (公开): Chinese government information disclosure, as software."""

__version__ = "0.1.0"
