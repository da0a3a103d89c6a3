"""The peer: openapi-generator's Python ``asyncio`` client (aiohttp + pydantic) for our contract.

Generated from ``openapi/thredfi.yaml`` into the git-ignored ``.bench/`` on first use (cached per
spec hash); its code is never committed. The PyPI package ``openapi-generator-cli`` bundles the
generator's jar; it needs Java.
"""

from __future__ import annotations

import hashlib
import importlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "thredfi.yaml"
PACKAGE = "thredfi_peer"
GENERATE_TIMEOUT = 300.0


def generate() -> Path:
    """Generate the peer (or reuse the one made from the same spec); return its directory."""
    digest = hashlib.sha256(SPEC.read_bytes()).hexdigest()[:12]
    target = ROOT / ".bench" / f"peer-{digest}"
    marker = target / ".generated"
    if marker.exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    generator = Path(sys.executable).parent / "openapi-generator-cli"
    command = [
        str(generator) if generator.exists() else "openapi-generator-cli",
        "generate",
        "-g",
        "python",
        "--library",
        "asyncio",
        "-i",
        str(SPEC),
        "-o",
        str(target),
        "--package-name",
        PACKAGE,
        "--global-property",
        "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=GENERATE_TIMEOUT, cwd=ROOT
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"openapi-generator failed ({result.returncode}):\n{result.stdout[-3000:]}"
            f"\n{result.stderr[-3000:]}"
        )
    marker.write_text(digest)
    return target


def load() -> ModuleType:
    """Import the generated peer package (generating it first when needed)."""
    directory = generate()
    if str(directory) not in sys.path:
        sys.path.insert(0, str(directory))
    return importlib.import_module(PACKAGE)
