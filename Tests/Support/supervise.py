#!/usr/bin/env python3
"""Runs a test helper (stunnel, the SASL proxy) so that it never outlives the test process that wanted it.

    supervise.py OWNER_PID LOG_FILE -- COMMAND [ARGS...]

Leaves the caller's session, starts COMMAND in a session of its own with stdin from /dev/null and stdout and stderr appended to LOG_FILE, then
waits. SIGTERM or SIGINT to this process, or OWNER_PID going away (checked every 0.2 s), stops COMMAND: SIGTERM,
then SIGKILL after 3 s. Exits with COMMAND's status.
"""
import os
import signal
import subprocess
import sys
import time


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return not f.read().rsplit(") ", 1)[1].startswith("Z")
    except FileNotFoundError:
        return False
    except OSError:
        return True


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    owner, log_file, command = int(sys.argv[1]), sys.argv[2], sys.argv[4:]
    # A session of our own: whatever ends the owner's process group must not end us before we stop the command.
    try:
        os.setsid()
    except OSError:
        pass
    # The test process may spawn us from a thread that blocks or ignores signals, and both carry over exec: start
    # from a clean slate, or neither we nor COMMAND would ever see SIGTERM.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(number, signal.SIG_DFL)
    with open(log_file, "ab") as log:
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    stopping = []

    def stop(*_):
        stopping.append(True)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while child.poll() is None:
        if stopping or not alive(owner):
            child.terminate()
            try:
                child.wait(3)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            break
        time.sleep(0.2)
    sys.exit(child.returncode if child.returncode is not None and child.returncode >= 0 else 0)


if __name__ == "__main__":
    main()
