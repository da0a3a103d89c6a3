#!/usr/bin/env bash
# Regenerate openapi/thredfi.yaml and thredfi_client/_generated/ from openapi/ (docs/regenerating.md).
#
#   openapi/thredfi.vendor.yaml + openapi/corrections.overlay.yaml  -> openapi/thredfi.yaml
#   + codegen/names.yaml, codegen/skipped.yaml, codegen/templates/  -> thredfi_client/_generated/
#
# Strict and deterministic: the steps are codegen/generate.py's. The Python it runs with, in order:
# $PYTHON if set; the activated virtualenv ($VIRTUAL_ENV); this project's .venv/; python3.
# Every tool is used through that interpreter ("$PY" -m ...), so it is the one its environment has.
set -euo pipefail
cd "$(dirname "$0")"

OPC_VERSION="0.29.1"   # pinned generator; pyproject's [dev] extra pins the same version

if [[ -n "${PYTHON:-}" ]]; then
  PY="$PYTHON"; from='$PYTHON'
elif [[ -n "${VIRTUAL_ENV:-}" ]]; then
  PY="$VIRTUAL_ENV/bin/python"; from='$VIRTUAL_ENV'
elif [[ -x .venv/bin/python ]]; then
  PY=.venv/bin/python; from='.venv/'
else
  PY=python3; from='PATH'
fi

if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "codegen: no Python 3.11+ at '$PY' (from $from): set PYTHON=, activate a virtualenv, or run ./scripts/bootstrap" >&2
  exit 1
fi

# One line naming everything missing from that interpreter's environment.
missing="$("$PY" - "$OPC_VERSION" <<'EOF'
import importlib.metadata as m, sys
wanted = {"openapi-python-client": sys.argv[1], "ruff": None, "python-jsonpath": None, "PyYAML": None}
problems = []
for name, version in wanted.items():
    try:
        found = m.version(name)
    except m.PackageNotFoundError:
        problems.append(f"{name} (missing)")
        continue
    if version and found != version:
        problems.append(f"{name}=={version} (found {found})")
print(", ".join(problems))
EOF
)"
if [[ -n "$missing" ]]; then
  echo "codegen: $PY (from $from) lacks $missing: run ./scripts/bootstrap, or pip install -e '.[dev]' there" >&2
  exit 1
fi

exec "$PY" -m codegen "$@"
