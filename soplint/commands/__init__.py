"""One module per command (see soplint.cli.COMMANDS)."""
