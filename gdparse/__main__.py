import sys

from gdparse.cli import main

sys.exit(main())
