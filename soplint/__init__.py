"""soplint: read, check and rewrite Indonesian SOP AP documents."""

__version__ = "0.1.0"
