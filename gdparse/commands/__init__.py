"""Subcommands of the ``gdparse`` CLI. Each module has ``register(subparsers)``."""

COMMAND_MODULES = (
    "gdparse.commands.parse",
    "gdparse.commands.outline",
    "gdparse.commands.schema",
    "gdparse.commands.demo",
    "gdparse.commands.eval",
    "gdparse.commands.targets",
    "gdparse.commands.agencies",
    "gdparse.commands.info",
    "gdparse.commands.citations",
    "gdparse.commands.compare",
    "gdparse.commands.report",
)
