"""Per-file limits: a file that hangs, spins, eats memory or kills its process is recorded
with its reason, and the other files of the run are parsed as usual.

The misbehaving files go through the real worker and sandbox; only the reader inside the
sandbox is the test's (``hostile_reader.read``, named in the configuration).
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

from gongkai.corpus.worker import WorkerConfig

from .conftest import SEEDS, ingest_into, rows

HOSTILE = "tests.corpus.hostile_reader:read"


def test_hostile_files_are_killed_and_the_rest_succeed(tmp_path: Path, pool) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds:
        shutil.copy(path, folder / path.name)
    for name in ("HANG", "EAT", "SPIN", "CRASH"):
        (folder / f"{name.lower()}.txt").write_bytes(f"{name} 年度报告".encode())
    config = WorkerConfig(timeout=3, memory_mb=400, reader=HOSTILE)
    dataset, summary = ingest_into(tmp_path / "ds", [folder], pool, config=config, chunk_size=3)
    got = dict(
        (Path(source).name, (status, reason))
        for source, status, reason in rows(dataset, "select source, status, reason from reports")
    )
    assert got["hang.txt"][0] == "timeout" and "3 秒" in got["hang.txt"][1]
    assert got["spin.txt"][0] == "timeout"
    assert got["eat.txt"][0] == "memory" and "内存" in got["eat.txt"][1]
    assert got["crash.txt"] == ("killed", "工作进程异常退出（退出码 3）")
    kinds = dict(rows(dataset, "select status, kind from reports where status = 'killed'"))
    assert kinds == {"killed": "text"}
    assert all(got[p.name] == ("ok", None) for p in seeds)
    assert summary.statuses["ok"] == len(seeds)


def test_the_cpu_limit_stops_a_spinning_sandbox_by_itself(tmp_path: Path) -> None:
    """RLIMIT_CPU alone (no wall clock): the sandbox's own limit ends a file that spins."""
    script = "from gongkai.corpus.sandbox import allow_cpu\nallow_cpu(1)\nwhile True: pass\n"
    proc = subprocess.run([sys.executable, "-c", script], timeout=60, check=False)
    assert proc.returncode == -24  # SIGXCPU


def test_memory_limit_applies_to_the_sandbox_only() -> None:
    script = (
        "import resource\n"
        "from gongkai.corpus.sandbox import limit_memory\n"
        "limit_memory(300)\n"
        "print(resource.getrlimit(resource.RLIMIT_AS)[0])\n"
        "try:\n    bytearray(600 * 1024 * 1024)\nexcept MemoryError:\n    print('MemoryError')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == [str(300 * 1024 * 1024), "MemoryError"]
    assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY
