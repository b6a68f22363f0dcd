"""`python -m volunteer_kit`, and the entry script of the PyInstaller bundle (build.spec)."""

import multiprocessing

from volunteer_kit.cli import main

if __name__ == "__main__":
    # The demo loader generates data in a "spawn" child process: in a frozen app that child
    # is this executable again, and freeze_support() makes it run the child, not the CLI.
    multiprocessing.freeze_support()
    raise SystemExit(main())
