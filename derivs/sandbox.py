"""Run work on hostile input in worker processes with a memory cap and a CPU-time limit.

sympy can block inside C (a huge integer power) where no signal reaches Python, and a parse
can eat memory; so tasks run in forked workers with RLIMIT_AS, and each task gets an
RLIMIT_CPU just above its budget: the kernel ends a worker that overruns it, in C or not.
Budgets are CPU seconds, so a busy machine changes how long a verdict takes, never what it
is. The wall clock is only a generous net against a worker that hangs without using CPU.

Workers are started once and kept warm (sympy's caches, the loaded problems) and serve many
tasks; a worker is replaced after a number of tasks, when it has grown, or when it dies.
"""

from __future__ import annotations

import atexit
import collections
import gc
import multiprocessing
import os
import pickle
import resource
import signal
import time
import weakref
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator

MEMORY_LIMIT_MB = 3072
CPU_GRACE_SECONDS = 2.0  # beyond the task's own CPU budget, before the kernel ends the worker
WALL_FACTOR, WALL_SLACK = 20.0, 60.0  # the wall-clock net: 20 x the CPU budget + 60 s
TASKS_PER_WORKER = 500  # then a fresh worker, so slow leaks and caches stay bounded
GROWTH_LIMIT_MB = 1024  # a worker whose memory grew past this since it started is replaced


@dataclass(frozen=True)
class Overrun:
    """The worker was ended: it ran past its CPU limit, hung, or died (e.g. out of memory)."""

    reason: str


def _die_with_parent() -> None:
    """Linux: have the kernel end this worker when the parent dies (a killed batch leaves no orphans)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _resident_mb() -> float:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _limit_cpu(seconds: float) -> None:
    """SIGXCPU (which ends the process) once this task has used `seconds` more CPU time."""
    soft = int(_cpu_used() + seconds + CPU_GRACE_SECONDS) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.RLIM_INFINITY))


def _worker_loop(connection: Connection, memory_mb: int, parent: int) -> None:
    gc.freeze()  # what the fork inherited lives as long as the worker: the collector need not walk it (nor touch its pages)
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    started_mb = _resident_mb()
    served = 0
    while True:
        while not connection.poll(1.0):  # workers inherit each other's pipe ends, so EOF may never come
            if os.getppid() != parent:
                return
        try:
            task = connection.recv()
        except EOFError:
            return
        if task is None:
            return
        function, args, cpu_limit = task
        _limit_cpu(cpu_limit)
        try:
            result = function(*args)
        except MemoryError:
            result = Overrun("ran out of memory")
        except BaseException as error:  # report, never die silently
            result = Overrun(f"{type(error).__name__}: {error}")
        served += 1
        retire = served >= TASKS_PER_WORKER or _resident_mb() - started_mb > GROWTH_LIMIT_MB
        connection.send((result, retire))
        if retire:
            return


class _Worker:
    def __init__(self, context, memory_mb: int):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_loop, args=(child, memory_mb, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
        self.group = None  # the group of the last task it was handed
        self.deadline = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.connection.send(None)
            except (BrokenPipeError, OSError):
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.connection.close()


class _Pending:
    """The tasks not yet handed out, in their order within each group, the groups in order of first appearance."""

    def __init__(self, groups: list):
        self._queues: dict[Any, collections.deque] = {}
        for index, group in enumerate(groups):
            self._queues.setdefault(group, collections.deque()).append(index)

    def __bool__(self) -> bool:
        return bool(self._queues)

    def take(self, last, served: set) -> tuple[int, Any]:
        """(task index, its group): the next of group `last`, else of the first group not `served` by another worker,
        else of the first group left."""
        group = last if last in self._queues else next((g for g in self._queues if g not in served), next(iter(self._queues)))
        queue = self._queues[group]
        index = queue.popleft()
        if not queue:
            del self._queues[group]
        return index, group


_POOLS: "weakref.WeakSet[WorkerPool]" = weakref.WeakSet()


def workers_running() -> bool:
    """Whether some pool's worker processes are still up (they are stopped at exit)."""
    return any(pool.alive for pool in list(_POOLS))


class WorkerPool:
    """N forked workers; `run` yields (task index, result or Overrun) as tasks finish."""

    def __init__(self, jobs: int = 1, memory_mb: int = MEMORY_LIMIT_MB):
        self._context = multiprocessing.get_context("fork")
        self._memory_mb = memory_mb
        self._owner = os.getpid()
        self._workers = [_Worker(self._context, memory_mb) for _ in range(max(1, jobs))]
        _POOLS.add(self)

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def alive(self) -> bool:
        return bool(self._workers) and os.getpid() == self._owner

    def close(self) -> None:
        if os.getpid() != self._owner:  # a forked child must not stop its parent's workers
            self._workers = []
            return
        for worker in self._workers:
            worker.stop()
        self._workers = []

    def run(self, function: Callable, tasks: Iterable[tuple], limit: float | list[float], groups: list | None = None) -> Iterator[tuple[int, Any]]:
        """`limit` (CPU seconds) is one number for every task, or a list with one per task. `groups` (one per task):
        a worker is handed the next task of the group it served last (a batch's answers to one part, so what a
        worker remembers of the part serves it again), else the first task of a group no other worker is on."""
        tasks = list(tasks)
        pending = _Pending(groups if groups is not None else [None] * len(tasks))
        limits = limit if isinstance(limit, list) else [limit] * len(tasks)
        busy: dict[Connection, _Worker] = {}
        try:
            while pending or busy:
                for worker in self._workers:
                    if worker.task is None and pending:
                        index, worker.group = pending.take(worker.group, {other.group for other in busy.values()})
                        args = tasks[index]
                        worker.task = index
                        worker.deadline = time.monotonic() + WALL_FACTOR * limits[index] + WALL_SLACK
                        worker.connection.send((function, args, limits[index]))
                        busy[worker.connection] = worker
                soonest = min(w.deadline for w in busy.values())
                ready = wait(list(busy), timeout=max(0.0, soonest - time.monotonic()))
                for connection in ready:
                    worker = busy.pop(connection)
                    index = worker.task
                    worker.task = None
                    try:
                        result, retire = connection.recv()
                    except (EOFError, OSError):
                        result, retire = self._death(worker, limits[index]), True
                    if retire:
                        self._replace(worker, kill=False)
                    yield index, result
                now = time.monotonic()
                for connection, worker in list(busy.items()):
                    if now >= worker.deadline:
                        busy.pop(connection)
                        index = worker.task
                        worker.task = None
                        self._replace(worker, kill=True)
                        yield index, Overrun(f"no answer after {WALL_FACTOR * limits[index] + WALL_SLACK:g} s of wall time")
        finally:
            for worker in busy.values():  # the caller stopped early: these workers hold stale tasks
                worker.task = None
                self._replace(worker, kill=True)

    def _death(self, worker: _Worker, limit: float) -> Overrun:
        worker.process.join(timeout=5)
        if worker.process.exitcode == -signal.SIGXCPU:
            return Overrun(f"stopped after {limit:g} s of CPU time")
        return Overrun("the worker died (out of memory?)")

    def _replace(self, worker: _Worker, kill: bool) -> None:
        worker.stop(kill=kill)
        position = self._workers.index(worker)
        self._workers[position] = _Worker(self._context, self._memory_mb)


# --- one call at a time, for grade() and check_derivation() --------------------------------------

_SHARED: WorkerPool | None = None


def shared_pool() -> WorkerPool:
    """One warm worker kept for single calls, started on first use (its start-up is outside any budget)."""
    global _SHARED
    if _SHARED is None or not _SHARED.alive:
        _SHARED = WorkerPool(1)
    return _SHARED


@atexit.register
def _close_shared() -> None:
    if _SHARED is not None:
        _SHARED.close()


# The one call of a fresh worker, set just before it is forked: the call reaches the worker through
# the fork, not the pipe, so its arguments need not pickle (a problem module may hold lambdas).
_HANDED_OVER: tuple[Callable, tuple] | None = None


def _call_handed_over() -> Any:
    function, args = _HANDED_OVER
    return function(*args)


def _picklable(value) -> bool:
    try:
        pickle.dumps(value)
        return True
    except Exception:  # lambdas, local classes: pickle raises several kinds
        return False


def run_limited(function: Callable, args: tuple, limit: float) -> Any:
    """One call under a CPU limit in a warm worker (a fresh one when the arguments cannot travel)."""
    global _HANDED_OVER
    if _picklable(args):
        for _, result in shared_pool().run(function, [args], limit):
            return result
        return Overrun("no result")
    _HANDED_OVER = (function, args)
    try:
        with WorkerPool(1) as pool:
            for _, result in pool.run(_call_handed_over, [()], limit):
                return result
    finally:
        _HANDED_OVER = None
    return Overrun("no result")


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
