"""Benchmarks of chime-capabilities against the JSON Schema validators a user would pick instead.

Run ``python bench/run.py`` (``--quick`` for a smoke run, ``--write`` to update
``docs/performance.md``). Not part of the distribution.
"""
