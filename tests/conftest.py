"""Shared fixtures: the seed corpus, parsed once per session."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
SEED_IDS = [p.name[:3] for p in SEEDS]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "step_failures: the test makes pipeline steps fail on purpose")


@pytest.fixture(autouse=True)
def no_step_fails_unseen(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """The pipeline's guard turns a crashing step into a warning, so that a user keeps the rest of
    the document; in the tests a crash must not pass unseen. Any test during which a step failed
    fails, unless it is marked ``step_failures`` (it makes steps fail on purpose)."""
    import gdparse.guard

    if request.node.get_closest_marker("step_failures"):
        yield
        return
    failed: list[str] = []
    real = gdparse.guard.failure_warning

    def spy(stage, exc):
        failed.append(f"{stage}: {type(exc).__name__}: {exc}")
        return real(stage, exc)

    monkeypatch.setattr(gdparse.guard, "failure_warning", spy)
    yield
    assert not failed, f"a pipeline step failed during the test: {failed}"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files from the current output (then fails on purpose)",
    )


@pytest.fixture(scope="session")
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden") or os.environ.get("GDPARSE_REGEN_GOLDEN"))


def seed_path(seed_id: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(seed_id + "_"))


@cache
def parsed(seed_id: str):
    import gdparse

    return gdparse.parse(seed_path(seed_id))


@pytest.fixture(params=SEED_IDS)
def seed_doc(request: pytest.FixtureRequest):
    return parsed(request.param)


@cache
def seed_corpus():
    """The five seeds as a comparison corpus, built once."""
    from gdparse.compare import Corpus

    return Corpus.from_documents(parsed(i) for i in SEED_IDS)
