"""`python -m bench.peak_memory FILE manage.py ARGS...`: run a management command, then write this
process's peak resident memory in MB (VmHWM) to FILE.

The ru_maxrss that wait4() reports for a child is no use here: Linux carries the parent's peak
across exec, so a small export spawned by the big benchmark process would report the
benchmark's own memory.
"""

import runpy
import sys
from pathlib import Path


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def main() -> None:
    report, script, *args = sys.argv[1:]
    sys.argv = [script, *args]
    try:
        runpy.run_path(script, run_name="__main__")
    finally:
        Path(report).write_text(f"{peak_mb():.1f}\n")


if __name__ == "__main__":
    main()
