"""Show the whole diff of golden cases against gdparse's current output.

    python bench/same_output.py --show mutants/003-m17 seeds/004-pdf   # every line of the diff
    python bench/same_output.py --show mutants/003-m17 --against HEAD  # against the committed golden
    python bench/same_output.py --list                                 # the case ids

Whether the output is unchanged is checked by the test suite (tests/test_golden.py: the seeds as
text, CRLF, HTML, DOCX and PDF, the phenomena and 300 mutants, against tests/golden/); its
failures cut each diff short, and a mutant's golden is compressed, out of reach of ``git diff``:
this prints all of it. Accept a change with ``python3 tasks.py test --regen-golden``; the goldens
it rewrote are then the current output, and ``--against HEAD`` diffs with those before.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import SEED_IDS  # noqa: E402
from tests.golden_cases import document_cases, mutant_cases  # noqa: E402
from tests.golden_check import show  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--show", nargs="+", metavar="CASE", help="print the diff of these cases")
    group.add_argument("--list", action="store_true", help="print every case id")
    parser.add_argument("--against", metavar="REV", help="the goldens as committed at this git revision")
    args = parser.parse_args()
    if args.list:
        ids = [c.id for c in document_cases()] + [c.id for s in SEED_IDS for c in mutant_cases(s)]
        print("\n".join(ids))
        return 0
    differ = 0
    for case_id in args.show:
        try:
            diff = show(case_id, args.against)
        except KeyError:
            print(f"{case_id}: no such case (--list names them)", file=sys.stderr)
            return 2
        print(diff or f"{case_id}: same as its golden")
        differ += bool(diff)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
