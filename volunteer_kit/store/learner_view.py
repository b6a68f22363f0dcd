"""One learner's record as the Learners page shows it: who they are, and how far they are in each pack."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from volunteer_kit.core.records import LearnerDetail
from volunteer_kit.packs.outline import PackOutline, PackProgress, pack_progress
from volunteer_kit.store import learners
from volunteer_kit.store.teaching import learner_pack_facts


@dataclass(frozen=True)
class LearnerRecord:
    detail: LearnerDetail | None  # None: no such learner (merged or gone since the list was read)
    outlines: dict[str, PackOutline]  # for the pack titles and skill-check texts
    progress: list[PackProgress]  # one per pack they began that this laptop has


def learner_record(conn: Connection, learner_id: str, outlines: dict[str, PackOutline]) -> LearnerRecord:
    progress = [
        pack_progress(facts, outlines[facts.pack_id])
        for facts in learner_pack_facts(conn, learner_id)
        if facts.pack_id in outlines
    ]
    return LearnerRecord(learners.detail(conn, learner_id), outlines, progress)
