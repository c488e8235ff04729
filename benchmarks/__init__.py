"""Benchmarks: each ``bench_*.py`` prints JSON lines ``{"name","value","floor","ratio","unit"}``.

``python -m benchmarks`` (``make bench``) runs them all; the floor is the raw library doing
the same work in the same run, so numbers compare across machines as ratios.
"""
