"""YAML with positions: PyYAML's safe composition, then a walk of the node graph.

Only ``yaml.SafeLoader`` composition is used (no object construction beyond the standard
scalars), and only the YAML 1.1 core tags are accepted: any other tag (``!foo``,
``!!python/object``) is refused. Aliases are allowed, but the values they expand to are
counted and a document that expands past a budget (a few times its own size) is refused, so an
alias bomb costs bounded memory and time; a value reached through an alias is placed where its
anchor is written. Merge keys (``<<``) work as in PyYAML. A repeated key is a finding (CHM-E502;
the last value wins, as in PyYAML).
"""

from __future__ import annotations

from typing import Any, Optional

import yaml

from .. import _model as m
from .._values import show
from ..report import Finding, escape_token, make_finding, tokens
from ._document import (
    MAX_DEPTH,
    Document,
    LineIndex,
    LoadError,
    OffsetPositions,
    PointerBudget,
    Position,
    forget,
)

__all__ = ["load_yaml"]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
_MAP, _SEQ, _MERGE = _TAG + "map", _TAG + "seq", _TAG + "merge"
#: Nodes an alias may add beyond the composed document.
_ALIAS_BUDGET = 100_000
#: Numbers written with more characters than this are refused before they are converted:
#: PyYAML converts YAML 1.1 base-60 integers (``1:59:59``) in time quadratic in their length
#: (a 5 MB one takes minutes). Decimal integers stop at 4300 digits anyway (Python's limit);
#: a hexadecimal one of 20,000 bits is still read.
_NUMBER_CHARS = 10_000
_NUMBER_TAGS = frozenset((_TAG + "int", _TAG + "float"))
#: Keys become JSON Pointer tokens; Python converts integers of at most 4300 decimal digits
#: (about 14,000 bits) to text. (`0x...` integers themselves have no such limit.)
_KEY_BITS = 14_000


def _sensitive_members() -> frozenset[str]:
    """Names of the members the model marks sensitive, in any operation."""
    names: set[str] = set()
    shapes: list[m.Shape] = [
        shape
        for op in m.OPERATIONS.values()
        for shape in (op.request, op.response)
        if shape is not None
    ]
    seen: set[int] = set()
    while shapes:
        shape = shapes.pop()
        if id(shape) in seen:
            continue
        seen.add(id(shape))
        if isinstance(shape, m.Structure):
            for name, member in shape.members.items():
                if isinstance(member, m.String) and member.sensitive:
                    names.add(name)
                shapes.append(member)
        elif isinstance(shape, m.ListOf):
            shapes.append(shape.member)
    return frozenset(names)


_SENSITIVE = _sensitive_members()


def _shared_secrets(root: yaml.Node) -> set[int]:
    """Nodes written under a sensitive member (or inside its value) that an alias also places
    elsewhere: their values are sensitive wherever they land."""
    parents: dict[int, int] = {}
    tainted: set[int] = set()
    seen: set[tuple[int, bool]] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, secret = stack.pop()
        if (id(node), secret) in seen:
            continue
        first = not any((id(node), flag) in seen for flag in (True, False))
        seen.add((id(node), secret))
        if secret:
            tainted.add(id(node))
        children: list[tuple[yaml.Node, bool]] = []
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                under = secret or (isinstance(key, yaml.ScalarNode) and key.value in _SENSITIVE)
                children += [(key, secret), (value, under)]
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, secret) for item in node.value]
        for child, flag in children:
            if first:
                parents[id(child)] = parents.get(id(child), 0) + 1
            stack.append((child, flag))
    return {node for node in tainted if parents.get(node, 0) > 1}


class _Composer(yaml.SafeLoader):
    """PyYAML's pure-Python SafeLoader, used to compose only, with a nesting limit."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.text = stream
        self.depth = 0

    def compose_node(self, parent: Optional[yaml.Node], index: int) -> Optional[yaml.Node]:
        self.depth += 1
        # PyYAML's composer recurses once per node: containers, and the scalar inside the
        # innermost one (the builder applies the limit itself, with its exact meaning)
        if self.depth > MAX_DEPTH + 1:
            event: Any = self.peek_event()  # type: ignore[no-untyped-call]
            raise LoadError(
                f"invalid YAML: containers are nested too deeply (limit {MAX_DEPTH})",
                LineIndex(self.text).position(event.start_mark.index),
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


class _Builder:
    def __init__(
        self,
        loader: Any,
        budget: int,
        pointers: PointerBudget,
        secrets: set[int],
        lines: LineIndex,
    ) -> None:
        self.loader = loader
        #: PyYAML's marks count NEL, U+2028 and U+2029 as line breaks, as editors do not:
        #: positions are kept as the marks' offsets and placed by LineIndex.
        self.lines = lines
        self.secrets = secrets
        #: Pointers of the values in ``secrets``.
        self.hidden: set[str] = set()
        self.budget = budget
        self.pointers = pointers
        self.positions: dict[str, int] = {}
        self.key_positions: dict[str, int] = {}
        self.findings: list[tuple[Finding, Position]] = []

    def fail(self, node: yaml.Node, what: str) -> LoadError:
        return LoadError(f"invalid YAML: {what}", self.lines.position(node.start_mark.index))

    def build(self, node: yaml.Node, pointer: str, depth: int) -> object:
        """The value of ``node``, which ``depth`` containers hold."""
        self.budget -= 1
        if self.budget < 0:
            raise self.fail(node, "aliases expand to too many values (refused: alias bomb?)")
        if depth >= MAX_DEPTH and isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            raise self.fail(node, f"containers are nested too deeply (limit {MAX_DEPTH})")
        self.positions[pointer] = node.start_mark.index
        if id(node) in self.secrets:
            self.hidden.add(pointer)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self.fail(node, f"tag {_tag_name(node.tag)} is not accepted")
            return self.mapping(node, pointer, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.fail(node, f"tag {_tag_name(node.tag)} is not accepted")
            return [
                self.build(item, self.pointers.child(pointer, str(index)), depth + 1)
                for index, item in enumerate(node.value)
            ]
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> object:
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(node, f"tag {_tag_name(node.tag)} is not accepted")
        if node.tag in _NUMBER_TAGS and len(node.value) > _NUMBER_CHARS:
            raise self.fail(node, f"number too long (over {_NUMBER_CHARS} characters)")
        try:
            return self.loader.construct_object(node, deep=True)
        except Exception:  # PyYAML's constructors raise what they meet (KeyError, IndexError...)
            raise self.fail(node, f"not a valid {_tag_name(node.tag)} value") from None

    def key(self, node: yaml.Node) -> object:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, "only scalar keys are accepted")
        self.budget -= 1
        key = self.scalar(node)
        if isinstance(key, int) and key.bit_length() > _KEY_BITS:  # str(key) would raise
            raise self.fail(node, "an integer key too long to be a name")
        return key

    def pairs(self, node: yaml.MappingNode, depth: int) -> list[tuple[yaml.Node, yaml.Node, bool]]:
        """(key, value, explicit) in PyYAML's merge order: merged pairs first, later merge
        sources before earlier ones, explicit pairs last (so they win)."""
        if depth > MAX_DEPTH:
            raise self.fail(node, f"merge keys are nested too deeply (limit {MAX_DEPTH})")
        merged: list[tuple[yaml.Node, yaml.Node, bool]] = []
        explicit: list[tuple[yaml.Node, yaml.Node, bool]] = []
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE:
                explicit.append((key_node, value_node, True))
                continue
            if isinstance(value_node, yaml.MappingNode):
                sources = [value_node]
            elif isinstance(value_node, yaml.SequenceNode) and all(
                isinstance(item, yaml.MappingNode) for item in value_node.value
            ):
                sources = list(value_node.value)
            else:
                raise self.fail(value_node, "a merge key (<<) takes a mapping or mappings")
            for source in reversed(sources):
                self.budget -= len(source.value)
                if self.budget < 0:
                    raise self.fail(node, "aliases expand to too many values (refused)")
                merged += [(k, v, False) for k, v, _ in self.pairs(source, depth + 1)]
        return merged + explicit

    def mapping(self, node: yaml.MappingNode, pointer: str, depth: int) -> dict[Any, object]:
        result: dict[Any, object] = {}
        explicit_keys: dict[Any, int] = {}
        for key_node, value_node, explicit in self.pairs(node, depth):
            if id(key_node) in self.secrets:  # a key is printed (CHM-E103, pointers): refuse it
                raise self.fail(key_node, "a key is the value of a sensitive member (an alias)")
            key = self.key(key_node)
            try:
                hash(key)
            except TypeError:
                raise self.fail(key_node, "unhashable key") from None
            child = self.pointers.child(pointer, escape_token(key))
            key_offset = key_node.start_mark.index
            if explicit and key in explicit_keys:
                first = self.lines.position(explicit_keys[key])
                finding = make_finding(
                    "CHM-E502",
                    tokens(child),
                    f"key {show(key)} appears twice in this mapping (first at line {first.line}, "
                    f"column {first.column}); the last value is used",
                )
                self.findings.append((finding, self.lines.position(key_offset)))
            if explicit:
                explicit_keys[key] = key_offset
            if key in result:
                forget(self.positions, self.key_positions, child, result[key])
            self.key_positions[child] = key_offset
            result[key] = self.build(value_node, child, depth + 1)
        return result


def _problem(error: yaml.YAMLError, text: str) -> LoadError:
    """One line from a PyYAML error, without the source excerpt PyYAML adds."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        what = error.problem or error.context or "error"
        where = None if mark is None else LineIndex(text).position(mark.index)
        return LoadError(f"invalid YAML: {what}", where)
    if isinstance(error, yaml.reader.ReaderError):
        code = error.character if isinstance(error.character, int) else 0
        return LoadError(
            f"invalid YAML: character U+{code:04X} is not allowed",
            LineIndex(text).position(max(error.position, 0)),
        )
    return LoadError("invalid YAML")


def _count_nodes(root: yaml.Node) -> int:
    """Nodes of the composed graph, each counted once however many aliases point to it."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return len(seen)


def _loader(text: str) -> Any:
    """libyaml's safe composer where PyYAML has it (fast; it limits nesting itself), else
    PyYAML's, with the depth limit added."""
    if _uses_libyaml():
        return yaml.CSafeLoader(text)
    return _Composer(text)


def _uses_libyaml() -> bool:
    return USE_LIBYAML and bool(getattr(yaml, "__with_libyaml__", False))


#: Use libyaml when PyYAML was built with it (tests turn it off to cover the other path).
USE_LIBYAML = True


def _refuse_deep_nesting(text: str) -> None:
    """Refuse a text nested beyond MAX_DEPTH before libyaml's composer sees it: PyYAML's
    composer over libyaml recurses once per level, and with libyaml before 0.2.6 (PyYAML
    6.0.1 to 6.0.3 wheels, or any PyYAML built on an older libyaml) 200,000 levels crash the
    process. Every container takes an indicator (``[ { - ? :``), so a text with no more of
    them than the limit cannot nest beyond it; any other is measured on libyaml's events
    (its parser does not recurse)."""
    if sum(map(text.count, "[{-?:")) <= MAX_DEPTH:
        return
    loader = yaml.CSafeLoader(text)
    try:
        depth = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark: Any = event.start_mark
                    raise LoadError(
                        f"invalid YAML: containers are nested too deeply (limit {MAX_DEPTH})",
                        LineIndex(text).position(mark.index),
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def load_yaml(text: str) -> Document:
    try:
        if _uses_libyaml():
            _refuse_deep_nesting(text)
        loader = _loader(text)
    except yaml.YAMLError as error:  # the reader refuses non-printable characters up front
        raise _problem(error, text) from None
    except UnicodeEncodeError:
        raise LoadError("not UTF-8: the text holds a lone surrogate") from None
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as error:
            raise _problem(error, text) from None
        except UnicodeEncodeError:
            raise LoadError("not UTF-8: the text holds a lone surrogate") from None
        if node is None:
            raise LoadError("no YAML document (only comments)")
        values = _count_nodes(node) + _ALIAS_BUDGET
        pointers = PointerBudget(text, values=values)
        lines = LineIndex(text)
        shared = _shared_secrets(node) if "*" in text else set()  # no alias, nothing shared
        builder = _Builder(loader, values, pointers, shared, lines)
        data = builder.build(node, "", 0)
    finally:
        loader.dispose()
    return Document(
        data,
        "yaml",
        OffsetPositions(builder.positions, lines),
        OffsetPositions(builder.key_positions, lines),
        builder.findings,
        hidden=frozenset(builder.hidden),
    )
