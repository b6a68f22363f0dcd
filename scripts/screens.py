"""Save every screen of the app as PNG files, for looking at: every page and dialog, the presenter,
the quiz (single, multiple, checked, a group), skill checks and the session summary.

    python scripts/screens.py --data-dir DIR --out OUTDIR [--lang vi] [--scale 100,200]
                              [--screen 1366x768,1920x1080] [--only quiz]

Load the demo first (`volunteer-kit --data-dir DIR demo`). The screens are the ones the layout test
walks (tests/tour.py), opened the same way; each file is named SCENE-SCALE-SCREEN.png, and what the
layout test would find wrong on a screen is printed under its name.

Without a display it runs offscreen on a 1366×768 laptop's and a 1920×1080 desktop's free area
(tests/qt_screens.json). Under Xvfb (a real X server, real font rendering) start the server at the
size to look at, e.g. `Xvfb :99 -screen 0 1366x680x24 &` and run with DISPLAY=:99
QT_QPA_PLATFORM=xcb: the windows then fill that screen.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--lang", default="vi")
    parser.add_argument("--scale", default="100,200", help="text sizes, e.g. 100,200")
    parser.add_argument("--screen", default="1366x768", help="screens, e.g. 1366x768,1920x1080")
    parser.add_argument("--only", default="", help="only the scenes whose name contains this")
    parser.add_argument(
        "--step",
        action="append",
        default=[],
        metavar="PACK:LESSON:STEP",
        help="(repeatable) only this step of a bundled pack in teaching mode, from 1: zalo-mang-xa-hoi:1:2",
    )
    args = parser.parse_args()
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'qt_screens.json'}"
    os.environ.setdefault("VOLUNTEER_KIT_NO_DIALOGS", "1")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from tests import tour
    from volunteer_kit import paths
    from volunteer_kit.ui.app import Application

    paths.set_data_dir(args.data_dir)
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    app = Application(qapp, lang_override=args.lang)
    app.start()
    tour.settle(1500)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scenes = tour.SCENES
    if args.step:
        chosen = [step.split(":") for step in args.step]
        scenes = tuple(tour.step_scene(p, int(lesson) - 1, int(n) - 1) for p, lesson, n in chosen)
    for scale in (int(s) for s in args.scale.split(",")):
        app.set_text_scale(scale)
        for screen in args.screen.split(","):
            for scene in scenes:
                if args.only not in scene.name:
                    continue
                with scene.open(app, screen) as window:
                    path = out / f"{scene.name}-{args.lang}-{scale}-{screen}.png"
                    window.grab().save(str(path))
                    print(path)
                    for problem in tour.problems(window):
                        print("   ", problem)
    app.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
