"""MkDocs hook: render the reST roles of our docstrings (``:class:`~pkg.Name```) as links.

The hand-written modules use Sphinx-style roles in their docstrings, which mkdocstrings' Google
parser leaves as text (``:class:<code>~thredfi_client.ThredfiError</code>``). This hook turns
each into an optional autorefs reference: a link when the target is documented on the site,
plain code otherwise.
"""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(r":(?:class|meth|func|data|attr|exc|mod|obj):<code>(~?)([\w.]+)</code>")


def _replace(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    title = target.rsplit(".", 1)[-1] if short else target
    return f'<autoref identifier="{target}" optional><code>{title}</code></autoref>'


def on_page_content(html: str, **kwargs: Any) -> str:
    """Replace every reST role in the rendered page with an optional cross-reference."""
    return _ROLE.sub(_replace, html)
