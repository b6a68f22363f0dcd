#!/usr/bin/env python3
"""Each role's job, run as a user runs it, through one installed `volunteer-kit` executable.

The test suite runs in a dev venv with the test extras; users get a plain `pip install .` or the
PyInstaller bundle, where a library that only the test extra brought (openpyxl for XLSX, once)
is missing. This script drives the app ONLY through the executable given as --exe (a subprocess,
no import of our package), so it proves what a user gets:

  1. hub        `hub serve` in a child process; /api/v1/health answers
  2. officer    demo data, an officer code, enroll, status, sync, certificates issued, printed
                and verified from the printed PDF
  3. trainer    a session's roster as CSV/XLSX/PDF and the commune report as XLSX/PDF (from
                the officer's data folder, which holds the commune's sessions)
  4. volunteer  a second laptop: demo data, a volunteer code, enroll, a USB bundle, imported on
                the officer's laptop
  5. packs      `packs import` of a folder that is no pack is refused quickly and leaves nothing
  6. console    `learners list` to a cp1252 console does not crash

Every command must also keep tracebacks and "unexpected error" (bug) lines away from the user.

Everything happens in a fresh temporary folder whose path holds Vietnamese letters and spaces.
It stops at the first failure (its stderr shown, exit 1); one line per step with its time.
Standard library only: it runs under any python3.

    python3 scripts/user_smoke.py --exe /tmp/vk-user/bin/volunteer-kit
    python3 scripts/user_smoke.py --exe dist/volunteer-kit/volunteer-kit
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# A user's folder: accented letters (NFC) and spaces, as on a Vietnamese volunteer's laptop.
PARENT_NAME = unicodedata.normalize("NFC", "Nguyễn Văn Ánh")
WORK_NAME = unicodedata.normalize("NFC", "dữ liệu vk")
COMMAND_TIMEOUT = 600.0  # seconds; demo and the first sync of 500 learners take a while on 2 cores
PACK_IMPORT_TIMEOUT = 10.0  # "refused within a few seconds"
HUB_START_TIMEOUT = 60.0

BUNDLED_PACKS = 11  # the lesson packs under lessons/, shipped with every install
MAGIC = {"csv": b"\xef\xbb\xbf", "xlsx": b"PK\x03\x04", "pdf": b"%PDF"}
# How the CLI reports a bug (an exception it did not expect), in either language: never a refusal.
UNEXPECTED = ("Lỗi không mong đợi (", "Unexpected error (")


class StepFailed(Exception):
    """A step's check failed: the message says which, the details say what the app answered."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details
        self.step = ""  # set by Smoke.step


@dataclass(frozen=True)
class Ran:
    """One finished command: what it was and what it answered."""

    argv: list[str]
    code: int
    stdout: str
    stderr: str

    def details(self) -> str:
        shown = " ".join(_quote(a) for a in self.argv)
        return (
            f"  command: {shown}\n  exit code: {self.code}\n"
            f"  stderr:\n{_indent(_tail(self.stderr))}\n  stdout:\n{_indent(_tail(self.stdout))}"
        )

    def json(self) -> Any:
        try:
            return json.loads(self.stdout)
        except ValueError as exc:
            raise StepFailed(f"the output is not one JSON document ({exc})", self.details()) from exc


def _quote(arg: str) -> str:
    return f'"{arg}"' if " " in arg else arg


def _tail(text: str, lines: int = 40, width: int = 400) -> str:
    """The end of a command's output, each line cut short (one error once held a 40 KB path list)."""
    kept = [
        line if len(line) <= width else f"{line[:width]}… ({len(line):,} chars)"
        for line in text.rstrip().splitlines()[-lines:]
    ]
    return "\n".join(kept) if kept else "(empty)"


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree(folder: Path) -> set[str]:
    """Every path under `folder` (empty when it does not exist): to see what a command added."""
    if not folder.exists():
        return set()
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


class Smoke:
    """The executable, the temporary folders and the hub child process of one smoke run."""

    def __init__(self, exe: str, base: Path) -> None:
        self.exe = exe
        self.base = base
        self.hub_dir = base / "máy chủ xã"
        self.officer_dir = base / "máy văn phòng xã"
        self.volunteer_dir = base / "máy tình nguyện viên"
        self.out_dir = base / "tệp xuất"
        self.out_dir.mkdir(parents=True)
        self.hub: subprocess.Popen[bytes] | None = None
        self.hub_log = base / "hub.log"
        self.hub_url = ""
        self.commune = ""
        self.codes: dict[str, str] = {}  # role -> the enrollment code made for it
        self.started = time.monotonic()

    # -- running the app ------------------------------------------------------------------------

    def run(self, *args: str, env: dict[str, str] | None = None, timeout: float = COMMAND_TIMEOUT) -> Ran:
        """Run the executable as a user would; a timeout is a failure, never a hang."""
        argv = [self.exe, *args]
        full_env = {**os.environ, **(env or {})}
        full_env.pop("VOLUNTEER_KIT_HOME", None)  # only --data-dir says where data goes
        try:
            done = subprocess.run(argv, capture_output=True, env=full_env, timeout=timeout, cwd=self.base)
        except subprocess.TimeoutExpired as exc:
            ran = Ran(argv, -1, _text(exc.stdout), _text(exc.stderr))
            raise StepFailed(f"still running after {timeout:.0f} s (killed)", ran.details()) from exc
        except OSError as exc:
            raise StepFailed(f"cannot start {self.exe} ({exc})") from exc
        ran = Ran(argv, done.returncode, _text(done.stdout), _text(done.stderr))
        if "Traceback (most recent call last)" in ran.stderr:
            raise StepFailed("a traceback reached the user", ran.details())
        if any(line.startswith(UNEXPECTED) for line in ran.stderr.splitlines()):
            raise StepFailed("an unexpected error (a bug, not a refusal) reached the user", ran.details())
        return ran

    def ok(self, *args: str, env: dict[str, str] | None = None, timeout: float = COMMAND_TIMEOUT) -> Ran:
        """Run a command that must succeed (exit 0)."""
        ran = self.run(*args, env=env, timeout=timeout)
        if ran.code != 0:
            raise StepFailed(f"exit code {ran.code}, expected 0", ran.details())
        return ran

    def step(self, name: str, action: Callable[[], str | None]) -> None:
        """One line per step: its time, its name and what it found."""
        began = time.monotonic()
        try:
            note = action()
        except StepFailed as exc:
            print(f"FAIL {time.monotonic() - began:6.1f} s  {name}: {exc}", flush=True)
            exc.step = name
            raise
        print(f"ok   {time.monotonic() - began:6.1f} s  {name}{f'  ({note})' if note else ''}", flush=True)

    # -- 1. hub ---------------------------------------------------------------------------------

    def start_hub(self) -> str:
        port = free_port()
        # TLS as a commune hub serves it: a self-signed certificate, pinned by the laptops through
        # the fingerprint their enrollment code carries (the bundle must ship ssl and cryptography).
        self.hub_url = f"https://127.0.0.1:{port}"
        argv = [
            self.exe,
            "hub",
            "serve",
            "--data-dir",
            str(self.hub_dir),
            "--port",
            str(port),
            "--self-signed",
        ]
        env = {k: v for k, v in os.environ.items() if k != "VOLUNTEER_KIT_HOME"}
        with open(self.hub_log, "wb") as log:
            # Its own process group (POSIX), so stopping it also stops anything it started.
            self.hub = subprocess.Popen(
                argv,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=self.base,
                start_new_session=os.name == "posix",
            )
        health = f"{self.hub_url}/api/v1/health"
        deadline = time.monotonic() + HUB_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.hub.poll() is not None:
                raise StepFailed(f"the hub exited with code {self.hub.returncode}", self.hub_details())
            try:
                # Only "is it up yet": the laptops' own connections check the pinned certificate.
                unverified = ssl._create_unverified_context()
                with urllib.request.urlopen(health, timeout=2, context=unverified) as response:
                    answer = json.load(response)
                return f"{health} answered {json.dumps(answer, ensure_ascii=False)[:120]}"
            except (OSError, ValueError):
                time.sleep(0.5)
        raise StepFailed(f"{health} did not answer in {HUB_START_TIMEOUT:.0f} s", self.hub_details())

    def hub_details(self) -> str:
        try:
            text = self.hub_log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        return f"  hub log ({self.hub_log}):\n{_indent(_tail(text))}"

    def stop_hub(self) -> None:
        """Always called (finally): terminate, then kill what does not stop within 10 s."""
        hub, self.hub = self.hub, None
        if hub is None or hub.poll() is not None:
            return
        _signal_hub(hub, signal.SIGTERM)
        try:
            hub.wait(timeout=10)
        except subprocess.TimeoutExpired:
            _signal_hub(hub, signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
            hub.wait(timeout=10)

    def make_code(self, role: str) -> str:
        """A one-time enrollment code for this commune and role, made on the hub machine."""
        where = ("--data-dir", str(self.hub_dir), "--commune", self.commune)
        made = self.ok("hub", "enroll-code", *where, "--role", role, "--json").json()
        if not isinstance(made, dict) or not made.get("code") or made.get("role", role) != role:
            raise StepFailed(f"no {role} code in the answer: {made!r}")
        text = str(made.get("qr_text") or "")
        if not text.startswith("vk-enroll:https://") or "fp=" not in text:
            raise StepFailed(f"the code does not carry the https address and fingerprint: {text!r}")
        self.codes[role] = text  # what the QR says: the address, the code and the fingerprint
        return f"{role} code for commune {self.commune}, pinned fingerprint"

    def enroll(self, role: str, data: Sequence[str]) -> str:
        ran = self.ok("enroll", "--code", self.codes[role], *data)  # by the code's text alone
        return _last_line(ran.stdout)

    # -- 2. officer -----------------------------------------------------------------------------

    def officer_steps(self) -> None:
        data = ("--data-dir", str(self.officer_dir))
        printed = self.out_dir / "chứng nhận.pdf"
        self.step("officer: demo", lambda: _last_line(self.ok("demo", *data).stdout))
        self.step("officer: the demo's commune (learners list --json)", lambda: self.find_commune(data))
        self.step("officer: packs list --json (the bundled lesson packs)", lambda: self.check_packs(data))
        self.step("hub: enroll-code --role officer --json", lambda: self.make_code("officer"))
        self.step("officer: enroll", lambda: self.enroll("officer", data))
        self.step("officer: status --json shows role officer", lambda: self.check_status(data, "officer"))
        self.step("officer: sync --json", lambda: self.check_sync(data))
        self.step("officer: certificates eligible --json", lambda: self.check_eligible(data))
        self.step("officer: certificates issue --all-eligible --json", lambda: self.check_issue(data))
        self.step("officer: certificates print --pending", lambda: self.check_print(printed, data))
        self.step(
            "officer: certificates verify --image (the printed PDF)", lambda: self.check_verify(printed, data)
        )

    def find_commune(self, data: Sequence[str]) -> str:
        learners = self.ok("learners", "list", "--json", *data).json()
        codes = {row.get("commune_code") for row in learners if isinstance(row, dict)} if learners else set()
        codes.discard(None)
        codes.discard("")
        if len(codes) != 1:
            raise StepFailed(f"expected the learners of one commune, found commune codes {sorted(codes)}")
        self.commune = str(codes.pop())
        return f"commune {self.commune}, {len(learners)} learners"

    def check_packs(self, data: Sequence[str]) -> str:
        """Eligibility, certificates and reports need the packs that ship with the app."""
        ran = self.ok("packs", "list", "--json", *data)
        packs = ran.json()
        bundled = [p for p in packs if isinstance(p, dict) and p.get("trust") == "bundled"]
        if len(bundled) < BUNDLED_PACKS:
            raise StepFailed(
                f"{len(bundled)} bundled lesson packs, expected {BUNDLED_PACKS}: the install lacks lessons/",
                ran.details(),
            )
        return f"{len(bundled)} bundled packs"

    def check_status(self, data: Sequence[str], role: str) -> str:
        ran = self.ok("status", "--json", *data)
        status = ran.json()
        if not isinstance(status, dict) or status.get("role") != role:
            got = status.get("role") if isinstance(status, dict) else status
            raise StepFailed(f'expected "role": "{role}", got {got!r}', ran.details())
        if status.get("commune_code") != self.commune:
            got = status.get("commune_code")
            raise StepFailed(f"expected commune {self.commune}, got {got!r}", ran.details())
        pending = status.get("pending")
        waiting = pending.get("total") if isinstance(pending, dict) else pending  # counts per table
        return f"role {role}, commune {self.commune}, {waiting} records waiting to sync"

    def check_sync(self, data: Sequence[str]) -> str:
        ran = self.ok("sync", "--json", *data)
        result = ran.json()
        if not isinstance(result, dict) or not result.get("accepted"):
            raise StepFailed("the hub accepted no record of the officer's laptop", ran.details())
        if result.get("rejected"):
            raise StepFailed(f"the hub refused {result['rejected']} records", ran.details())
        return f"{result['accepted']}/{result.get('pushed')} accepted, {result.get('pulled')} pulled"

    def check_eligible(self, data: Sequence[str]) -> str:
        rows = self.ok("certificates", "eligible", "--json", *data).json()
        if not isinstance(rows, list) or not rows:
            raise StepFailed("no learner of the demo data is eligible for a certificate")
        return f"{len(rows)} eligible"

    def check_issue(self, data: Sequence[str]) -> str:
        ran = self.ok("certificates", "issue", "--all-eligible", "--json", *data)
        issued = ran.json()
        if not isinstance(issued, list) or not issued or not all(c.get("serial") for c in issued):
            raise StepFailed("no certificate issued", ran.details())
        return f"{len(issued)} issued, first {issued[0]['serial']}"

    def check_print(self, out: Path, data: Sequence[str]) -> str:
        return self.check_file(
            out, "pdf", self.ok("certificates", "print", "--pending", "--out", str(out), *data)
        )

    def check_verify(self, printed: Path, data: Sequence[str]) -> str:
        return _last_line(self.ok("certificates", "verify", "--image", str(printed), *data).stdout)

    def check_file(self, path: Path, kind: str, ran: Ran) -> str:
        """The file is there, not empty, and starts as a file of its kind does."""
        if not path.is_file():
            raise StepFailed(f"{path} was not written", ran.details())
        head = path.read_bytes()[:8]
        if not head:
            raise StepFailed(f"{path} is empty", ran.details())
        if not head.startswith(MAGIC[kind]):
            raise StepFailed(f"{path} does not start as a {kind.upper()} file does: {head!r}", ran.details())
        return f"{path.name}, {path.stat().st_size:,} bytes"

    # -- 3. trainer -----------------------------------------------------------------------------

    def trainer_steps(self) -> None:
        data = ("--data-dir", str(self.officer_dir))
        chosen: dict[str, str] = {}
        self.step("trainer: sessions list --json", lambda: self.pick_session(data, chosen))
        for kind in ("csv", "xlsx", "pdf"):
            out = self.out_dir / f"danh sách buổi học.{kind}"
            command = ("roster", "export", chosen["id"], "--format", kind, "--out", str(out), *data)
            self.step(f"trainer: roster export --format {kind}", self.writes(out, kind, command))
        for kind in ("xlsx", "pdf"):
            out = self.out_dir / f"báo cáo xã.{kind}"
            command = ("report", "export", "--format", kind, "--out", str(out), *data)
            self.step(f"trainer: report export --format {kind}", self.writes(out, kind, command))

    def writes(self, out: Path, kind: str, command: Sequence[str]) -> Callable[[], str]:
        """A step that runs `command` and checks the file of `kind` it must write at `out`."""
        return lambda: self.check_file(out, kind, self.ok(*command))

    def pick_session(self, data: Sequence[str], chosen: dict[str, str]) -> str:
        """The session with the most people on its roster (a roster worth printing)."""
        sessions = self.ok("sessions", "list", "--json", *data).json()
        if not isinstance(sessions, list) or not sessions:
            raise StepFailed("no teaching session listed")
        best = max(sessions, key=lambda s: s.get("attendance_count") or 0)
        chosen["id"] = str(best["id"])
        return f"{len(sessions)} sessions; {best['id']} with {best.get('attendance_count')} people"

    # -- 4. volunteer ---------------------------------------------------------------------------

    def volunteer_steps(self) -> None:
        data = ("--data-dir", str(self.volunteer_dir))
        bundle = self.out_dir / "gửi qua USB.vkbundle"
        self.step(
            "volunteer: demo --seed 2", lambda: _last_line(self.ok("demo", "--seed", "2", *data).stdout)
        )
        self.step("hub: enroll-code --role volunteer --json", lambda: self.make_code("volunteer"))
        self.step("volunteer: enroll", lambda: self.enroll("volunteer", data))
        self.step("volunteer: bundle export", lambda: self.check_bundle_export(bundle, data))
        self.step(
            "officer: bundle import (the volunteer's USB file)", lambda: self.check_bundle_import(bundle)
        )

    def check_bundle_export(self, bundle: Path, data: Sequence[str]) -> str:
        ran = self.ok("bundle", "export", str(bundle), "--lang", "en", *data)
        if not bundle.is_file() or bundle.stat().st_size == 0:
            raise StepFailed(f"{bundle} was not written", ran.details())
        written = re.search(r"Wrote (\d+) waiting records", ran.stdout)
        if not written or int(written.group(1)) == 0:
            raise StepFailed("the bundle holds no record", ran.details())
        return f"{written.group(1)} records, {bundle.stat().st_size:,} bytes"

    def check_bundle_import(self, bundle: Path) -> str:
        ran = self.ok("bundle", "import", str(bundle), "--lang", "en", "--data-dir", str(self.officer_dir))
        counts = re.search(r"Passed (\d+) records .*: (\d+) accepted, (\d+) refused", ran.stdout)
        if not counts:
            raise StepFailed("no counts of accepted and refused records in the answer", ran.details())
        records, accepted, refused = (int(n) for n in counts.groups())
        if accepted == 0 or refused:
            raise StepFailed(f"{accepted} of {records} records accepted, {refused} refused", ran.details())
        return f"{accepted} of {records} records accepted"

    # -- 5. a folder that is no pack ------------------------------------------------------------

    def check_bad_pack_refused(self) -> str:
        packs = self.officer_dir / "packs"
        before = tree(packs)
        data = ("--data-dir", str(self.officer_dir))
        ran = self.run("packs", "import", str(self.base), *data, timeout=PACK_IMPORT_TIMEOUT)
        if ran.code != 1:
            raise StepFailed(f"exit code {ran.code}, expected 1 (refused)", ran.details())
        if not ran.stderr.strip():
            raise StepFailed("refused without a message", ran.details())
        added = sorted(tree(packs) - before)
        if added:
            raise StepFailed(f"the refused import left files under {packs}: {added[:5]}", ran.details())
        return _last_line(ran.stderr)

    # -- 6. a console that is not UTF-8 ---------------------------------------------------------

    def check_cp1252_console(self) -> str:
        ran = self.run(
            "learners", "list", "--data-dir", str(self.officer_dir), env={"PYTHONIOENCODING": "cp1252"}
        )
        if "UnicodeEncodeError" in ran.stderr + ran.stdout:
            raise StepFailed("UnicodeEncodeError on a cp1252 console", ran.details())
        if ran.code != 0:
            raise StepFailed(f"exit code {ran.code}, expected 0", ran.details())
        if not ran.stdout.strip():
            raise StepFailed("no learner printed", ran.details())
        return f"{len(ran.stdout.splitlines())} lines"

    # -- the whole run --------------------------------------------------------------------------

    def run_all(self) -> None:
        self.step("hub: serve, /api/v1/health answers", self.start_hub)
        self.officer_steps()
        self.trainer_steps()
        self.volunteer_steps()
        self.step("packs import of a folder that is no pack is refused", self.check_bad_pack_refused)
        self.step("learners list to a cp1252 console", self.check_cp1252_console)
        self.step("hub: still answering after the run", self.check_hub_alive)

    def check_hub_alive(self) -> str | None:
        if self.hub is None or self.hub.poll() is not None:
            raise StepFailed("the hub stopped during the run", self.hub_details())
        return None


def _signal_hub(hub: subprocess.Popen[bytes], sig: int) -> None:
    try:
        if os.name == "posix":
            os.killpg(hub.pid, sig)
        else:
            hub.terminate()
    except (ProcessLookupError, PermissionError):
        pass  # already gone


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1][:160] if lines else ""


def _text(data: bytes | str | None) -> str:
    """A command's output as text: UTF-8, or whatever bytes it wrote shown with replacements."""
    if data is None:
        return ""
    return data if isinstance(data, str) else data.decode("utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", required=True, metavar="PATH", help="the volunteer-kit executable to drive")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder (always kept on failure)"
    )
    args = parser.parse_args(argv)
    exe = shutil.which(args.exe) or args.exe
    if not Path(exe).is_file():
        print(f"user smoke: no executable at {args.exe}", file=sys.stderr)
        return 2
    exe = str(Path(exe).absolute())  # the commands run with the temporary folder as their cwd
    root = Path(tempfile.mkdtemp(prefix="vk-user-smoke-"))
    base = root / PARENT_NAME / WORK_NAME
    smoke = Smoke(exe, base)
    print(f"user smoke: {exe}\n            in {base}", flush=True)
    passed = False
    try:
        smoke.run_all()
        passed = True
    except StepFailed as exc:
        if exc.details:
            print(exc.details, file=sys.stderr)
        print(f"user smoke FAILED at step '{exc.step}': {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("user smoke: interrupted", file=sys.stderr)
        return 130
    finally:
        smoke.stop_hub()
        if passed and not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"user smoke: the folders are kept in {root}", file=sys.stderr)
    if not passed:
        return 1
    print(f"user smoke: every role's job passed in {time.monotonic() - smoke.started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
