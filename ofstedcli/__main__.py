"""Run the command line as ``python -m ofstedcli``."""

from ofstedcli.cli import main

main()
