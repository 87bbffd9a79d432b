"""Date expressions in text, normalised to DateSpan records.

``find_dates`` owns finding expressions (regex rules in ``absolute`` and
``relative``), their granularity and their ranges; ``parse_date`` reads one
isolated expression. Calendar conventions are in ``calendar``; how a date
without a year picks one is in ``context``.
"""

from bilat.dates.finder import DateMatch, find_dates
from bilat.dates.parse import parse_date

__all__ = ["DateMatch", "find_dates", "parse_date"]
