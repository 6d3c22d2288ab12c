"""JSON Pointers (RFC 6901) of finding locations: every token escaped, and read back whole."""

from __future__ import annotations

from typing import Union

from hypothesis import given
from hypothesis import strategies as st

from capabilities.report import pointer, tokens

locations = st.lists(st.one_of(st.text(alphabet="ab/~01 ", max_size=6), st.integers(0, 300)))


@given(locations)
def test_each_token_escaped(location: list[Union[str, int]]) -> None:
    # RFC 6901 section 3: "~" is written "~0" and "/" is written "~1", "~" first
    expected = "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in location)
    assert pointer(location) == expected


@given(locations)
def test_read_back(location: list[Union[str, int]]) -> None:
    assert tokens(pointer(location)) == tuple(str(part) for part in location)


def test_examples() -> None:
    assert pointer(()) == ""
    assert pointer(("Attendees", 10, "Capabilities")) == "/Attendees/10/Capabilities"
    assert pointer(("a/b", "m~n", "")) == "/a~1b/m~0n/"
