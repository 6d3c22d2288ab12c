"""The generated JSON Schema documents, shipped as the package data ``capabilities.schemas``.

Written by ``python -m capabilities.schema``; load them with ``capabilities.json_schema(name)``.
This file makes the folder a regular package, which an editable install can map.
"""
