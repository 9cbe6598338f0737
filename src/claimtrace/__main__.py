"""``python -m claimtrace``: the same command line as ``claimtrace``."""

from claimtrace.cli import main

if __name__ == "__main__":
    main()
