"""Perimeter's entry point: parses the command line and hands over to game.cli."""

from game.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
