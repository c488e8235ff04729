"""One module per group of sub-commands; each defines register(subparsers, common)."""
