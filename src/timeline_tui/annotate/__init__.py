"""Per-source annotation: sentences, time expressions, person mentions, quotes.

``annotate_source`` is pure (same source and config, same result) and its result is picklable, so it
can run in worker processes and be cached per file. Cross-document work (people clustering) happens
afterwards in ``people.resolve_people``.
"""

from __future__ import annotations

from ..config import Config
from ..model import Source, SourceAnnotations


def prepare() -> None:
    """Build the rule patterns now (compiled, or read from util.regex_store): worker processes forked
    afterwards inherit them instead of each building its own, and the store gets written by this
    process at its exit."""
    from .people import rules as people_rules
    from .quotes import rules as quote_rules
    from .time import _tagger

    _tagger()
    people_rules()
    quote_rules()


def annotate_source(source: Source, config: Config) -> SourceAnnotations:
    from .people import find_mentions
    from .quotes import find_quotes, quote_spans
    from .sentences import split_sentences
    from .time import tag_source

    b = source.body_start
    # the body's sentences: front matter ends before the first one ("---\ntitle: …\n---\n**14:32
    # GMT** The vote …" is no sentence)
    sentences = (
        [(s + b, e + b) for s, e in split_sentences(source.text[b:])] if b else split_sentences(source.text)
    )
    timexes = tag_source(source, sentences)
    quote_ranges = quote_spans(source.text, source.body_start)
    mentions = find_mentions(source, sentences, config, quote_ranges)
    quotes = find_quotes(source, sentences, mentions, config, quote_ranges)
    return SourceAnnotations(
        source=source, sentences=sentences, timexes=timexes, mentions=mentions, quotes=quotes
    )
