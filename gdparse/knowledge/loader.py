"""The one way a knowledge file is read: YAML from ``gdparse/knowledge/data``, validated by a schema.

Every schema derives from :class:`Schema` (frozen, unknown keys refused), so a misspelt key in a
data file fails at load instead of being ignored. Loading is cached per process by the accessors
of each domain module; nothing here holds per-document state.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import TypeVar

import regex
import yaml
from pydantic import ConfigDict, ValidationError

from gdparse.model import Frozen

# libyaml's parser when PyYAML was built with it: about ten times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_FOLDER = "gdparse/knowledge/data"

S = TypeVar("S", bound="Schema")


class Schema(Frozen):
    """Base of every data-file schema: immutable, no unknown keys. Validators are built when a file
    is first loaded, not when gdparse is imported."""

    model_config = ConfigDict(defer_build=True)


class KnowledgeError(ValueError):
    """A data file that does not hold what its schema says (a defect of the package, not of input)."""

    def __init__(self, name: str, cause: str) -> None:
        super().__init__(f"{DATA_FOLDER}/{name}: {cause}")
        self.name = name


def data_names() -> tuple[str, ...]:
    """The names of the data files shipped in the package, sorted."""
    folder = resources.files("gdparse.knowledge").joinpath("data")
    return tuple(sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml")))


def read_text(name: str) -> str:
    """The text of ``gdparse/knowledge/data/<name>``."""
    return resources.files("gdparse.knowledge").joinpath("data", name).read_text(encoding="utf-8")


def read_yaml(name: str) -> object:
    """The parsed content of ``gdparse/knowledge/data/<name>``."""
    try:
        return yaml.load(read_text(name), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise KnowledgeError(name, "not valid YAML: " + " ".join(str(exc).split())) from exc


def load(name: str, schema: type[S]) -> S:
    """``gdparse/knowledge/data/<name>`` validated by ``schema``; a failure names the file."""
    try:
        return schema.model_validate(read_yaml(name))
    except ValidationError as exc:
        cause = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'file'}: {e['msg']}" for e in exc.errors())
        raise KnowledgeError(name, cause) from exc


def phrase_pattern(phrase: str, space: str = r"\s+") -> str:
    """A pattern for a folded phrase: its characters literally, ``space`` between its words."""
    return regex.escape(phrase).replace(r"\ ", space)


def phrases_pattern(phrases: Iterable[str], space: str = r"\s+") -> str:
    """One alternation of phrases, longest first (of phrases starting alike, the longest wins)."""
    unique = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return "|".join(phrase_pattern(p, space) for p in unique)
