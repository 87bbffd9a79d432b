"""`python -m bilat`: the same as the `bilat` command."""

from bilat.interfaces.cli import main

main()
