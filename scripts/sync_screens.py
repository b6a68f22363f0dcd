"""Render the Sync page at the moments that matter, for looking at: before enrolling, during a
sync (progress), after an overwritten edit (officer), and with a record the hub refused.

    QT_QPA_PLATFORM=offscreen python scripts/sync_screens.py --out OUTDIR [--scale 200] [--lang vi]

It makes its own demo data folder and starts its own hub (`volunteer-kit hub serve`) on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(check, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        wait(50)


def start_hub(folder: Path) -> tuple[subprocess.Popen, str]:
    from volunteer_kit.hub.serve import spawn_local_hub

    return spawn_local_hub(folder)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--lang", default="vi")
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--size", default="1366x740")
    parser.add_argument("--learners", type=int, default=6000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from volunteer_kit import paths
    from volunteer_kit.hub import enrollment, push
    from volunteer_kit.hub.db import open_hub_engine
    from volunteer_kit.store.demo import load_demo
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store
    from volunteer_kit.sync import payload
    from volunteer_kit.ui.app import Application

    # First, so a display Qt cannot open ends the script before it starts a hub it would leave running.
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="vk-sync-shots-"))
    data = work / "device"
    paths.set_data_dir(data)
    engine = open_store(paths.database_path())
    ensure_device(engine)
    load_demo(
        engine, learners=args.learners, seed=3, anchor=date(2026, 11, 21), lessons_dir=paths.lessons_dir()
    )
    engine.dispose()
    hub_process, url = start_hub(work / "hub")
    hub = open_hub_engine(f"sqlite:///{work / 'hub' / 'hub.sqlite3'}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = f"{args.lang}-{args.scale}"
    app = Application(qapp, lang_override=args.lang)
    app.set_text_scale(args.scale)
    width, height = (int(v) for v in args.size.split("x"))
    app.window.resize(width, height)
    app.start()
    page = app.window.sync_page
    wait_for(lambda: page.overview is not None)
    app.window.show_page(page)
    enrollment.ensure_commune(hub, "00577")
    box = page.enroll_box
    box.hub_edit.setText(url)
    box.code_edit.setText(enrollment.make_enroll_code(hub, commune_code="00577", role="officer")["code"])
    box.label_edit.setText("Máy của tổ thôn Kim Lan")

    def shot(name: str) -> None:
        path = out / f"sync-{name}-{suffix}.png"
        app.window.grab().save(str(path))
        print(path)

    wait(300)
    shot("enroll")
    box.enroll_button.click()
    wait_for(
        lambda: page.synced_area.isVisible() and not page.syncing and (page.overview or {}).get("enrolled")
    )
    page._probe_timer.stop()  # this script drives the syncs itself
    wait(500)
    # During a sync: grab once the progress shows a count.
    page.sync_button.click()
    wait_for(lambda: page.progress.maximum() > 0 and page.progress.value() > 0, 120)
    shot("progress")
    # What a device shows while a busy hub has asked it to come back (as the worker reports it).
    page._progress.moved.emit(7, 0, "busy")
    shot("busy")
    wait_for(lambda: not page.syncing, 300)
    wait(800)
    shot("done")
    # An overwritten edit: another laptop edits a learner, then this one edits the same learner.
    conn = sqlite3.connect(paths.database_path())
    learner_id, seq = conn.execute("SELECT id, server_seq FROM learner ORDER BY rowid LIMIT 1").fetchone()
    columns = payload.table_columns("learner")
    row = dict(
        zip(
            columns,
            conn.execute(f"SELECT {', '.join(columns)} FROM learner WHERE id = ?", (learner_id,)).fetchone(),
            strict=True,
        )
    )
    other = enrollment.enroll_device(
        hub,
        code=enrollment.make_enroll_code(hub, commune_code="00577", role="volunteer")["code"],
        device_id="0193-other-laptop",
        label="Máy thôn Giang Cao",
        public_key=_key(),
        hub_id=_hub_id(hub),
    )
    actor = enrollment.device_for_token(hub, other["token"])
    push.apply_records(
        hub,
        actor,
        [
            payload.make_record(
                "learner", {**row, "phone": "0911111111", "revision": row["revision"] + 1}, base_seq=seq
            )
        ],
    )
    conn.execute(
        "UPDATE learner SET phone = '0922222222', revision = revision + 1, pending = 1 WHERE id = ?",
        (learner_id,),
    )
    # And a record the hub refuses: one of another commune.
    conn.execute("UPDATE household SET commune_code = '00580', pending = 1 WHERE rowid = 1")
    conn.commit()
    conn.close()
    app.window.refresh_current()
    wait(500)
    page.sync_button.click()
    wait_for(lambda: not page.syncing, 120)
    wait_for(lambda: page.conflicts_list.count() > 0 and "—" not in page.conflicts_list.item(0).text(), 30)
    wait(800)
    shot("conflict-quarantine")
    from PySide6.QtWidgets import QScrollArea

    page.findChild(QScrollArea).ensureWidgetVisible(page.conflicts_list, 0, 0)
    wait(300)
    shot("conflict-quarantine-below")
    app.shutdown()
    hub_process.terminate()
    return 0


def _key() -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from volunteer_kit.sync.bundle_format import public_key_b64

    return public_key_b64(Ed25519PrivateKey.generate())


def _hub_id(hub) -> str:
    from volunteer_kit.hub.db import hub_id

    return hub_id(hub)


if __name__ == "__main__":
    raise SystemExit(main())
