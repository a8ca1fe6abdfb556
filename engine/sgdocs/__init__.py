"""sgdocs: checked documents for England's safeguarding partnerships, from YAML content.

The library is the API; the `sgdocs` command only calls it:

    from pathlib import Path
    from sgdocs.pipeline.build import build
    from sgdocs.pipeline.check import check

    report = check([Path("content")])
    report = build([Path("content")], Path("outputs"))
"""

from typing import Any


def __getattr__(name: str) -> Any:
    """`__version__`, read from the installed package only when asked for: reading package
    metadata costs every command's start-up more than the rest of sgdocs's own."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sgdocs")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"
