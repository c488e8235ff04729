"""PyInstaller entry of the console program (`liveops`)."""

from desktop_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
