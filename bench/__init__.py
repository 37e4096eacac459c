"""Benchmarks: bench/generate, bench/load, bench/page-weight (see README)."""
