#!/usr/bin/env bash
# Build the desktop bundle (build.spec) and prove the frozen app starts:
#   1. `volunteer-kit gui --smoke-test` offscreen on a fresh data folder (migrations of store and
#      hub, bundled packs, one certificate rendered to memory, main window shown, exit 0);
#   2. `volunteer-kit packs list --json` (the eleven bundled packs);
#   3. `volunteer-kit demo` into a fresh data folder;
#   4. `volunteer-kit hub serve` answers /api/v1/health;
# then checks the bundle holds no tests, keys, databases or caches, prints its size and the
# frozen cold start (benchmarks/bundle.py), and runs each role's job through the frozen app
# (scripts/user_smoke.py: hub, officer, trainer, volunteer, a refused pack, a cp1252 console).
#
# Usage: scripts/build_and_smoke.sh [--no-build]      (PYTHON=... to pick the interpreter;
#        default .venv/bin/python, else python3). A missed size/start-up target is reported
#        but fails the run only with BUNDLE_TARGETS_STRICT=1: the functional checks always do.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
export QT_QPA_PLATFORM=offscreen
BUNDLE=dist/volunteer-kit
EXE="$BUNDLE/volunteer-kit"

if [ "${1:-}" != "--no-build" ]; then
  echo "== pyinstaller build.spec --noconfirm"
  started=$(date +%s)
  "$PYTHON" -m PyInstaller build.spec --noconfirm --log-level WARN
  echo "built in $(( $(date +%s) - started )) s"
fi
[ -x "$EXE" ] || { echo "no executable at $EXE" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== frozen: gui --smoke-test (offscreen, fresh data folder)"
"$EXE" gui --smoke-test --data-dir "$work/gui"
[ -f "$work/gui/volunteer-kit.sqlite3" ] || { echo "smoke test left no database" >&2; exit 1; }

echo "== frozen: packs list --json"
mkdir "$work/packs"  # a reading command refuses a data folder that does not exist
"$EXE" packs list --json --data-dir "$work/packs" > "$work/packs.json"
"$PYTHON" - "$work/packs.json" <<'PY'
import json, sys
packs = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(packs, list) and len(packs) == 11, packs
print(f"{len(packs)} packs listed")
PY

echo "== frozen: demo"
"$EXE" demo --data-dir "$work/demo" --learners 50
[ -f "$work/demo/volunteer-kit.sqlite3" ] || { echo "demo left no database" >&2; exit 1; }

echo "== frozen: hub serve (the same executable; /health answers)"
port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$EXE" hub serve --data-dir "$work/hub" --port "$port" > "$work/hub.log" 2>&1 &
hub_pid=$!
status=0
"$PYTHON" - "$port" <<'PY' || status=$?
import json, sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/api/v1/health"
for _ in range(60):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            print("hub health:", json.load(response))
            break
    except OSError:
        time.sleep(0.5)
else:
    sys.exit(f"the frozen hub did not answer at {url}")
PY
kill "$hub_pid" 2>/dev/null || true
wait "$hub_pid" 2>/dev/null || true
if [ "$status" -ne 0 ]; then cat "$work/hub.log" >&2; exit 1; fi

echo "== bundle contents: no tests, keys, databases or caches"
bad=$(find "$BUNDLE" \( -name '__pycache__' -o -name 'tests' -o -name 'test_*.py' -o -name 'conftest.py' \
  -o -name '*.pem' -o -name '*.key' -o -name '*.p12' -o -name '*.sqlite' -o -name '*.sqlite3' \
  -o -name '*.db' -o -name '*.pyc' \) -print)
if [ -n "$bad" ]; then
  echo "the bundle holds files it must not:" >&2
  echo "$bad" >&2
  exit 1
fi
for needed in resources/fonts/OFL.txt resources/icons/volunteer-kit.svg resources/i18n/volunteer_kit_en.qm \
  volunteer_kit/store/migrations/env.py volunteer_kit/hub/migrations/env.py; do
  [ -e "$BUNDLE/_internal/$needed" ] || { echo "missing from the bundle: $needed" >&2; exit 1; }
done
echo "ok"

echo "== size and frozen cold start"
if ! "$PYTHON" benchmarks/bundle.py; then
  echo "WARNING: a desktop-bundle target (size <= 200 MB, start <= 1.5 s) was missed" >&2
  [ "${BUNDLE_TARGETS_STRICT:-0}" = 1 ] && exit 1
fi

echo "== frozen: each role's job, as a user runs it (scripts/user_smoke.py)"
"$PYTHON" scripts/user_smoke.py --exe "$EXE"
echo "== desktop bundle: all smoke checks passed"
