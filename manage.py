#!/usr/bin/env python
"""Django's manage.py; the same as ``python -m gongkai.site.manage``."""

from gongkai.site.manage import main

if __name__ == "__main__":
    main()
