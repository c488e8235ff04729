"""PyInstaller entry of the windowed app (`liveops-desk`, also `--self-test`)."""

from desktop_app.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
