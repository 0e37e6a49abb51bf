"""Shared fixtures: the seed corpus, parsed once per session."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
SEED_IDS = [p.name[:3] for p in SEEDS]


# Property tests draw the same examples on every run, so that a CI run fails only for a change, never
# for a new draw; HYPOTHESIS_PROFILE=explore draws fresh examples (and remembers failing ones).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


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


def regen_requested(config: pytest.Config) -> bool:
    return bool(config.getoption("--regen-golden") or os.environ.get("GDPARSE_REGEN_GOLDEN"))


REWRITTEN = pytest.StashKey[list[str]]()
LISTED_REWRITTEN = 20


@pytest.fixture(scope="session")
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return regen_requested(request.config)


@pytest.fixture(scope="session")
def golden_rewritten(request: pytest.FixtureRequest) -> list[str]:
    """The cases whose golden output this run rewrote (with --regen-golden)."""
    return request.config.stash.setdefault(REWRITTEN, [])


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # A run that regenerates goldens never passes, even when nothing changed: the flag cannot be
    # left on in a command that is meant to check.
    if regen_requested(session.config) and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if not regen_requested(config):
        return
    rewritten = config.stash.get(REWRITTEN, [])
    terminalreporter.write_sep("=", "golden outputs regenerated", yellow=True)
    terminalreporter.write_line(
        f"{len(rewritten)} cases rewritten in tests/golden/ (diffs: the failures above, git diff tests/golden/)"
        if rewritten else "no golden output changed"
    )
    for case_id in rewritten[:LISTED_REWRITTEN]:
        terminalreporter.write_line(f"  {case_id}")
    if len(rewritten) > LISTED_REWRITTEN:
        terminalreporter.write_line(f"  … and {len(rewritten) - LISTED_REWRITTEN} more")
    terminalreporter.write_line(
        "this run fails on purpose: check the diffs, commit, and run again without --regen-golden"
    )


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
