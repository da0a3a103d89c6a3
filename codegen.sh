#!/usr/bin/env bash
# Regenerate thredfi_client/_generated/ from openapi/ (see CONTRIBUTING.md).
#
#   openapi/thredfi.vendor.yaml  +  openapi/corrections.overlay.yaml
#        -> openapi/thredfi.yaml                       (strict overlay: codegen/apply_overlay.py)
#        -> thredfi_client/_generated/                 (openapi-python-client + codegen/templates)
#
# Deterministic: same inputs, same bytes. Needs the dev tools: ./scripts/bootstrap installs them.
set -euo pipefail
cd "$(dirname "$0")"

OPC_VERSION="0.29.1"   # pinned generator; pyproject's [dev] extra pins the same version
PY="${PYTHON:-}"
if [[ -z "$PY" ]]; then
  if [[ -x .venv/bin/python ]]; then PY=.venv/bin/python; else PY=python3; fi
fi
BIN="$(dirname "$PY")"

installed="$("$PY" -c 'import importlib.metadata as m; print(m.version("openapi-python-client"))' 2>/dev/null || true)"
if [[ "$installed" != "$OPC_VERSION" ]]; then
  echo "codegen: openapi-python-client $OPC_VERSION is required (found '${installed:-none}'); run ./scripts/bootstrap" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. The contract: vendor file + our corrections. Fails naming any correction that stopped applying.
"$PY" codegen/apply_overlay.py openapi/thredfi.vendor.yaml openapi/corrections.overlay.yaml "$work/thredfi.yaml"

# 2. Templates: ours, plus the x- extensions of each operation as a Jinja module.
cp -R codegen/templates "$work/templates"
"$PY" codegen/spec_extensions.py "$work/thredfi.yaml" "$work/templates/_spec_extensions.jinja"

# 3. Generate outside the tree, then format with the project's pinned ruff (isolated settings so
#    the output does not depend on the caller's config).
"$BIN/openapi-python-client" generate --path "$work/thredfi.yaml" --meta none \
  --config codegen/config.yaml --custom-template-path "$work/templates" \
  --output-path "$work/_generated" >/dev/null
"$BIN/ruff" check --isolated --quiet --target-version py311 --line-length 100 \
  --select F401,I --fix-only --exit-zero "$work/_generated"
"$BIN/ruff" format --isolated --quiet --target-version py311 --line-length 100 "$work/_generated"
"$PY" -m compileall -q "$work/_generated" >/dev/null
find "$work/_generated" -name __pycache__ -type d -prune -exec rm -rf {} +

# 4. Swap the results in.
cp "$work/thredfi.yaml" openapi/thredfi.yaml
rm -rf thredfi_client/_generated
cp -R "$work/_generated" thredfi_client/_generated
echo "codegen: wrote openapi/thredfi.yaml and thredfi_client/_generated/ ($(find thredfi_client/_generated -name '*.py' | wc -l) modules)"
