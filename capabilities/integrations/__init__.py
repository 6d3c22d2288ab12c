"""Glue between the validator and SDKs. Each module imports its SDK; ``import capabilities``
imports none of them.

- ``capabilities.integrations.botocore``: validate the calls of a botocore or boto3
  ``chime-sdk-meetings`` client before they are sent (``pip install chime-capabilities[boto3]``).
"""
