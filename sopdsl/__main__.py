"""`python -m sopdsl`: the same as the `sopdsl` command."""

from .cli import run

run()
