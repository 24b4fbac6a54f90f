"""The supervisor dashboard (主管部门看板): every agency below, their reports' state, the sum of
their tables in the official layout, and charts."""
