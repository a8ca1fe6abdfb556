"""`python -m sgdocs`, the same as the `sgdocs` command."""

from sgdocs.cli import main

main()
