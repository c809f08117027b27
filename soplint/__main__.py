"""``python -m soplint``, and the ``soplint`` console script
(``soplint.__main__:run``)."""


def run():
    """The process's entry point: the garbage collector is paused for the
    start-up (:mod:`soplint.collector`), then :func:`soplint.cli.entry` runs
    the command."""
    from soplint import collector

    collector.pause_for_start_up()
    from soplint.cli import entry

    entry()


if __name__ == "__main__":  # pragma: no cover
    run()
