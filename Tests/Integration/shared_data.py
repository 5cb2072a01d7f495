"""Locating /work/shared-style reference data (`<repo>/../shared`) and reading the seed documents."""

import re
from pathlib import Path
from typing import List, Optional

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DIR = REPO_ROOT.parent / "shared"
SEED_000 = "seeds/000_3a552ba2653c5832.txt"
SEED_002 = "seeds/002_27d91fb5fcacd233.txt"
PYTHON_BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```", re.DOTALL | re.MULTILINE)


def shared_path(relative: str) -> Optional[Path]:
    """The path of a file under shared/, or None when it is absent."""
    path = SHARED_DIR / relative
    return path if path.exists() else None


def python_blocks(document: str) -> List[str]:
    """Every ```python fenced code block in a Markdown document, in order."""
    return PYTHON_BLOCK.findall(document)


def the_block_containing(document: str, marker: str) -> str:
    """The one Python block of `document` that contains `marker`; raise unless exactly one does."""
    found = [block for block in python_blocks(document) if marker in block]
    if len(found) != 1:
        raise LookupError(f"expected exactly one python block containing {marker!r}, found {len(found)}")
    return found[0]
