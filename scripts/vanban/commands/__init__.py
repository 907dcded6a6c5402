"""Commands of the CLI that run several stages (vanban.cli parses the arguments)."""
