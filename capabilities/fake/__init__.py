"""An offline Chime SDK Meetings service for tests, built on the rule data and the validator.

- :class:`FakeChimeSdkMeetings`: the state (meetings, attendees, tags, transcription, events)
  and the service's answers, thread-safe.
- :func:`fake_chime_sdk_meetings` (context manager and decorator) and :func:`attach` answer
  boto3 / botocore clients in-process (botocore is imported on use).
- ``chime-capabilities serve`` (:mod:`capabilities.fake.server`) answers any SDK over HTTP.

Not imported by ``import capabilities``. See docs/fake.md.
"""

from __future__ import annotations

from ._boto import attach, fake_chime_sdk_meetings
from ._service import Event, FakeChimeSdkMeetings, ServiceError

__all__ = ["Event", "FakeChimeSdkMeetings", "ServiceError", "attach", "fake_chime_sdk_meetings"]
