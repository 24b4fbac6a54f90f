"""``run_limited`` on its own: a value comes back, an exception is raised again, and each
runaway — CPU, memory, wall clock, a crash, an exit — becomes LimitExceeded with its reason in
Chinese while this process goes on. Each job's child is a fresh fork of a warm fork server."""

from __future__ import annotations

import os

import pytest

from gongkai.jobs.limits import LimitExceeded, Limits, run_limited

TARGETS = "tests.web.factories.limited_targets"
LIMITS = Limits(cpu_seconds=1, memory_mb=300, wall_seconds=60)


def _run(name: str, *args: object, limits: Limits = LIMITS) -> object:
    return run_limited(f"{TARGETS}:{name}", *args, limits=limits)


def test_the_value_comes_back_and_an_exception_is_raised_again() -> None:
    assert run_limited("operator:add", 2, 3, limits=LIMITS) == 5
    assert _run("sleep", 0) == "woke"
    with pytest.raises(ValueError, match="invalid literal"):
        run_limited("builtins:int", "七", limits=LIMITS)


def test_a_spinning_child_is_stopped_by_its_cpu_limit() -> None:
    with pytest.raises(LimitExceeded) as stopped:
        _run("spin")
    assert str(stopped.value) == "任务超时：CPU 时间超过 1 秒，已终止，未保存任何内容"


def test_a_child_that_eats_memory_is_stopped_by_its_address_space_limit() -> None:
    assert _run("hog_memory", 20) == 20 * 1024 * 1024
    with pytest.raises(LimitExceeded) as stopped:
        _run("hog_memory", 400)
    assert str(stopped.value) == "内存超限：超过 300 MB，已终止，未保存任何内容"


def test_a_sleeping_child_is_killed_at_the_wall_clock_limit() -> None:
    with pytest.raises(LimitExceeded) as stopped:
        _run("sleep", 30, limits=Limits(cpu_seconds=5, memory_mb=300, wall_seconds=1))
    assert str(stopped.value) == "任务超时：超过 1 秒仍未完成，已终止，未保存任何内容"


def test_a_child_that_exits_or_crashes_without_a_reply_says_so() -> None:
    with pytest.raises(LimitExceeded) as exited:
        _run("exit_with", 7)
    assert str(exited.value) == "处理进程异常退出（退出码 7），已终止，未保存任何内容"
    with pytest.raises(LimitExceeded) as crashed:
        _run("crash")
    assert str(crashed.value) == "内存超限：超过 300 MB，已终止，未保存任何内容"


def test_each_job_runs_in_a_fresh_fork_of_a_warm_server() -> None:
    assert [_run("count_calls") for _ in range(3)] == [1, 1, 1]
    assert _run("imported", "gongkai.reports.parsing") is True  # preloaded, not imported anew
    pids = {run_limited("os:getpid", limits=LIMITS) for _ in range(2)}
    assert len(pids) == 2 and os.getpid() not in pids
