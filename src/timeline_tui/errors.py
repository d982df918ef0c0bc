"""Exceptions that carry a message fit for the user (one line, naming the file and the problem)."""

from __future__ import annotations


class UserError(Exception):
    """A user mistake: the CLI prints the message on one line and exits with status 2."""

    exit_code = 2


class ConfigError(UserError):
    """A configuration file that cannot be used (malformed YAML, wrong shape, missing path)."""


class UsageError(UserError):
    """Bad command-line arguments or filter values."""
