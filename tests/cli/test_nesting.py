"""One nesting limit, one meaning, in every reader: a file whose containers (the root one
included) nest MAX_DEPTH deep is read, one level more is refused, in every style each format
has for nesting, and in every command."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from capabilities.cli import _yaml
from capabilities.cli.loaders import MAX_DEPTH, LoadError, parse_text

from .helpers import EXAMPLES, run

GOOD = EXAMPLES / "profiles" / "broken.json"

#: style -> (format, text whose containers nest exactly ``depth`` deep)
NESTED: dict[str, tuple[str, Callable[[int], str]]] = {
    "json arrays": ("json", lambda d: "[" * d + "]" * d),
    "json objects": ("json", lambda d: '{"a": ' * d + "1" + "}" * d),
    "yaml flow sequences": ("yaml", lambda d: "[" * d + "]" * d + "\n"),
    "yaml flow mappings": ("yaml", lambda d: "{a: " * d + "1" + "}" * d + "\n"),
    "yaml block sequences": ("yaml", lambda d: "".join(" " * i + "-\n" for i in range(d))),
    "yaml block mappings": (
        "yaml",
        lambda d: "".join(" " * i + "a:\n" for i in range(d - 1)) + " " * (d - 1) + "a: 1\n",
    ),
    "toml arrays": ("toml", lambda d: "a = " + "[" * (d - 1) + "]" * (d - 1) + "\n"),
    "toml inline tables": ("toml", lambda d: "a = " + "{b = " * (d - 1) + "1" + "}" * (d - 1)),
    "toml table headers": ("toml", lambda d: "[" + ".".join(["a"] * (d - 1)) + "]\n"),
    "toml array of tables": ("toml", lambda d: "[[" + ".".join(["a"] * (d - 2)) + "]]\n"),
    "toml dotted keys": ("toml", lambda d: ".".join(["a"] * d) + " = 1\n"),
    "toml dotted keys in a table": (
        "toml",
        lambda d: "[" + ".".join(["t"] * 10) + "]\n" + ".".join(["a"] * (d - 10)) + " = 1\n",
    ),
}


def _depth(value: object) -> int:
    """The nesting of ``value``, counted independently of the readers."""
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


@pytest.mark.parametrize(
    ("style", "use_libyaml"),
    [(style, True) for style in NESTED]
    + [(style, False) for style in NESTED if NESTED[style][0] == "yaml"],
)
def test_the_limit_at_n_minus_1_n_and_n_plus_1(
    style: str, use_libyaml: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    fmt, build = NESTED[style]
    monkeypatch.setattr(_yaml, "USE_LIBYAML", use_libyaml)
    for depth in (MAX_DEPTH - 1, MAX_DEPTH):
        assert _depth(parse_text(build(depth), fmt).data) == depth
    with pytest.raises(LoadError, match=rf"containers are nested too deeply \(limit {MAX_DEPTH}\)"):
        parse_text(build(MAX_DEPTH + 1), fmt)


@pytest.mark.parametrize("style", [s for s in NESTED if s.startswith("toml")])
@pytest.mark.parametrize("depth", [500, 3_000])
def test_deep_toml_in_every_command(style: str, depth: int, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(NESTED[style][1](depth), encoding="utf-8")
    for command in (("check", "--format", "json"), ("explain",)):
        result = run(*command, str(path), str(GOOD), cwd=tmp_path)
        assert result.status == 2, (command, result)
        assert "nested too deeply" in result.err
    features = run("check", "--meeting-features", str(path), str(GOOD), cwd=tmp_path)
    assert features.status == 2
    assert "nested too deeply" in features.err


@pytest.mark.parametrize("style", [s for s in NESTED if NESTED[s][0] == "yaml"])
def test_libyaml_composes_nothing_nested_beyond_the_limit(
    style: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyYAML's composer over libyaml recurses once per level, and libyaml before 0.2.6
    has no limit of its own (200,000 levels crashed the process with PyYAML 6.0.1 to 6.0.3):
    a text nested beyond the limit is refused before it is composed."""
    composed: list[int] = []
    compose = yaml.CSafeLoader.get_single_node

    def spy(loader: Any) -> Any:
        composed.append(1)
        return compose(loader)

    monkeypatch.setattr(yaml.CSafeLoader, "get_single_node", spy)
    build = NESTED[style][1]
    for depth in (MAX_DEPTH + 1, 100_000 if "flow" in style else 2_000):
        # libyaml 0.2.6 stops at 1,000 levels by itself, in the same pass
        with pytest.raises(LoadError, match=r"nested too deeply|exceeded maximum nesting depth"):
            parse_text(build(depth), "yaml")
    assert composed == []
    parse_text(build(MAX_DEPTH), "yaml")
    assert composed == [1]
