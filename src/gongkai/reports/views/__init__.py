"""Report pages, one module per thing a person does: list and upload, read, correct."""
