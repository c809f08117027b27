"""``python -m soplint``, and the ``soplint`` console script
(``soplint.__main__:run``)."""


def run():
    """The process's entry point, and the one place that switches on what
    only speeds up the start of a ``soplint`` process: the garbage collector
    paused for the start-up (:mod:`soplint.collector`) and the compile cache
    (:mod:`soplint.compilecache`, saved as the process ends); then
    :func:`soplint.cli.entry` runs the command."""
    from soplint import collector, compilecache

    collector.pause_for_start_up()
    compilecache.install()
    try:
        from soplint.cli import entry

        entry()
    finally:
        compilecache.save()


if __name__ == "__main__":  # pragma: no cover
    run()
