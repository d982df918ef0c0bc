"""timeline-tui: a terminal timeline explorer for news."""

__version__ = "0.1.0"
#: bump when any parsing rule changes results (part of the parse-cache key)
PARSER_VERSION = "1"
