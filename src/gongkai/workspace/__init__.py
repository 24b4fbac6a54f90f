"""年度报告工作台: compile an agency's annual report from its records, review it, publish it."""
