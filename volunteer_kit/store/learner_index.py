"""An in-memory search index of learners: the Learners page searches it as the user types.

SQLite scans 100,000 rows of text in 40-300 ms, too slow to follow typing. This
index keeps every learner's roster position under each distinct folded name,
phone and hamlet. Far fewer distinct values than learners exist (people share
names; a commune has a handful of hamlets), so a search scans the distinct
values and merges their positions, and the answer is in roster order.

Triggers count every change to the learner table (table change_counter): each
search reads that one row and reloads the index only when learners changed,
whoever changed them (this window, an import, a sync).
"""

from __future__ import annotations

import sys
import threading
from collections import defaultdict
from itertools import chain, compress, repeat

from sqlalchemy import Connection

from volunteer_kit.core.records import LearnerFilter
from volunteer_kit.core.text import digits, fold

ROSTER_ORDER = "ORDER BY name_sort, rowid"


class _Field:
    """Distinct values of one field, each with the roster positions that carry it."""

    def __init__(self) -> None:
        self.positions: dict[str, list[int]] = defaultdict(list)
        self.values: list[str] = []

    def add(self, value: str, position: int) -> None:
        if value:
            self.positions[value].append(position)

    def freeze(self) -> None:
        self.positions = dict(self.positions)
        self.values = list(self.positions)

    def matching(self, term: str) -> list[list[int]]:
        hits = compress(self.values, map(str.__contains__, self.values, repeat(term)))
        return [self.positions[value] for value in hits]


class LearnerSearchIndex:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: int | None = None
        self._rowids: list[int] = []
        self._hamlets: list[str] = []
        self._groups: list[str] = []
        self._fields: tuple[_Field, ...] = ()

    def _current_version(self, conn: Connection) -> int:
        value = conn.exec_driver_sql("SELECT value FROM change_counter WHERE name = 'learner'").scalar()
        return int(value or 0)

    def refresh(self, conn: Connection) -> None:
        """Reload from the store if learners changed since the last load."""
        version = self._current_version(conn)
        if version == self._version:
            return
        rows = conn.exec_driver_sql(
            "SELECT rowid, name_folded, phone, hamlet, groups FROM learner "
            f"WHERE deleted = 0 AND anonymized = 0 {ROSTER_ORDER}"
        ).fetchall()
        names, phones, hamlets = _Field(), _Field(), _Field()
        for position, (_rowid, name, phone, hamlet, _groups) in enumerate(rows):
            names.add(name, position)
            phones.add(digits(phone), position)
            hamlets.add(fold(hamlet), position)
        for field in (names, phones, hamlets):
            field.freeze()
        self._rowids = [r[0] for r in rows]
        # A commune has a handful of hamlets and group sets: share one string object for each.
        self._hamlets = [sys.intern(r[3]) for r in rows]
        self._groups = [sys.intern(r[4]) for r in rows]
        self._fields = (names, phones, hamlets)
        self._version = version

    def search(self, conn: Connection, flt: LearnerFilter) -> list[int]:
        """Row ids of matching learners in roster order: the same answer as learners.search_rowids."""
        with self._lock:
            self.refresh(conn)
            rowids, hamlets, groups, fields = self._rowids, self._hamlets, self._groups, self._fields
        term = fold(flt.text)
        if term:
            names, phones, hamlet_names = fields
            compact = term.replace(" ", "").replace(".", "")
            if compact.isdigit():
                term = digits(term)
                searched = (phones, hamlet_names)  # folded names hold no digits
            else:
                searched = (names, hamlet_names)  # phones hold nothing but digits
            found = [field.matching(term) for field in searched]
            if sum(len(positions) for positions in found[-1]) == len(rowids):
                # The term is in every hamlet's name ("tho" of "Thôn ..."): everyone matches.
                keep = list(range(len(rowids)))
            else:
                keep = sorted(chain.from_iterable(chain.from_iterable(found)))
                if sum(1 for lists in found if lists) > 1:
                    # A learner may match in two fields (a name and a hamlet): list them once.
                    keep = list(dict.fromkeys(keep))
        else:
            keep = list(range(len(rowids)))
        if flt.hamlet:
            keep = [i for i in keep if hamlets[i] == flt.hamlet]
        if flt.group:
            marker = f",{flt.group},"
            keep = [i for i in keep if marker in groups[i]]
        return [rowids[i] for i in keep]
