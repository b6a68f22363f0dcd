"""JSON text from a device, read strictly: UTF-8 only, and no lone surrogate (`"\\ud800"`).

Python's json module reads a `"\\ud800"` escape (and, from bytes, an encoded surrogate) into a
str that no database, log file or UTF-8 encoder can take: one such string reaching the hub's
storage or a log line is a crash. These helpers let the hub (hub.deps.parse_json) and the
bundle reader (sync.bundle_format) refuse it first, at almost no cost for ordinary text: only a
text holding a surrogate escape at all is looked at closely.
"""

from __future__ import annotations

import json
import re
from typing import Any

# A \uD800-\uDFFF escape: half of a pair (an emoji sent as ASCII) or a lone one.
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def may_hold_surrogate(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` has any surrogate escape: cheap, and False for nearly every text."""
    return SURROGATE_ESCAPE.search(text, start, len(text) if end is None else end) is not None


def has_lone_surrogate(value: Any) -> bool:
    """Whether any string (key or value) in a parsed JSON value holds a lone surrogate.

    A surrogate pair's escapes are read as one character, so only lone ones are left; they are
    exactly what strict UTF-8 cannot encode.
    """
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def loads_checked(text: str) -> Any:
    """json.loads of `text`, raising ValueError for a lone surrogate anywhere in it (and
    RecursionError, as json.loads does, for nesting deeper than the interpreter allows)."""
    value = json.loads(text)
    if may_hold_surrogate(text) and has_lone_surrogate(value):
        raise ValueError("the text holds a lone surrogate (an invalid \\uD800-\\uDFFF escape)")
    return value
