"""The project's two commands, with nothing but Python 3.11 needed:

    python3 tasks.py demo   # parse the bundled corpus into ./out and print where
    python3 tasks.py test   # run the whole test suite

Each creates (once) and uses a local virtual environment in ./.venv.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".gdparse-installed"


def _run(*args: str | Path) -> int:
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.call([str(a) for a in args], cwd=ROOT)


def ensure_venv() -> None:
    """Create .venv and install gdparse with its dev extra, again only when pyproject.toml changed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PY.exists():
        return
    if sys.version_info < (3, 11):
        sys.exit(f"gdparse needs Python >= 3.11; this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    pip = [PY, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    if _run(*pip, "--upgrade", "pip") != 0 or _run(*pip, "-e", ".[dev]") != 0:
        sys.exit("installing gdparse into .venv failed (see pip's message above)")
    STAMP.write_text(wanted)


def demo() -> int:
    ensure_venv()
    return _run(PY, "-m", "gdparse", "demo", "corpora", "-o", "out")


def test() -> int:
    ensure_venv()
    return _run(PY, "-m", "pytest", *sys.argv[2:])


if __name__ == "__main__":
    commands = {"demo": demo, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit("usage: python3 tasks.py demo|test [pytest args]")
    sys.exit(commands[sys.argv[1]]())
