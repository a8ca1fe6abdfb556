"""sgdocs: checked documents for England's safeguarding partnerships, from YAML content.

The library is the API; the `sgdocs` command only calls it:

    from pathlib import Path
    from sgdocs.build import build
    from sgdocs.check import check

    report = check([Path("content")])
    report = build([Path("content")], Path("outputs"))
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sgdocs")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
