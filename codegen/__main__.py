"""``python -m codegen``: what ``./codegen.sh`` runs (see codegen/generate.py)."""

import sys

from codegen.generate import main

sys.exit(main(sys.argv[1:]))
