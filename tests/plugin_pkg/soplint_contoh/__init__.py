"""A tiny third-party soplint plugin (test fixture)."""
