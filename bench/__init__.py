"""Benchmarks (`make bench`): they print figures; no test asserts on time."""
