"""The annual report core: formats, model, checks, parsers and renderers.

Plain Python, no Django import: the CLI, the web app, the tests and a researcher's notebook
all use this package the same way.
"""
