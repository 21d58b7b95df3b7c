"""Run work on hostile input in worker processes with a memory cap and a hard time limit.

sympy can block inside C (a huge integer power) where no signal reaches it, and a parse
can eat memory; so each task runs in a forked worker with RLIMIT_AS, and the parent kills
and replaces a worker that overruns its deadline. A kill costs one task, never the batch.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator

MEMORY_LIMIT_MB = 3072
GRACE_SECONDS = 1.5  # beyond the task's own time limit, before the parent kills the worker


@dataclass(frozen=True)
class Overrun:
    """The worker was killed: it ran past the hard limit or died (e.g. out of memory)."""

    reason: str


def _die_with_parent() -> None:
    """Linux: have the kernel end this worker when the parent dies (a killed batch leaves no orphans)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker_loop(connection: Connection, memory_mb: int, parent: int) -> None:
    _die_with_parent()
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
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
        function, args = task
        try:
            result = function(*args)
        except MemoryError:
            result = Overrun("ran out of memory")
        except BaseException as error:  # report, never die silently
            result = Overrun(f"{type(error).__name__}: {error}")
        connection.send(result)


class _Worker:
    def __init__(self, context, memory_mb: int):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_loop, args=(child, memory_mb, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
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
        self.connection.close()


class WorkerPool:
    """N forked workers; `run` yields (task index, result or Overrun) as tasks finish."""

    def __init__(self, jobs: int = 1, memory_mb: int = MEMORY_LIMIT_MB):
        self._context = multiprocessing.get_context("fork")
        self._memory_mb = memory_mb
        self._workers = [_Worker(self._context, memory_mb) for _ in range(max(1, jobs))]

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []

    def run(self, function: Callable, tasks: Iterable[tuple], limit: float | list[float]) -> Iterator[tuple[int, Any]]:
        """`limit` is one number for every task, or a list with one per task."""
        pending = list(enumerate(tasks))[::-1]
        limits = limit if isinstance(limit, list) else [limit] * len(pending)
        busy: dict[Connection, _Worker] = {}
        while pending or busy:
            for worker in self._workers:
                if worker.task is None and pending:
                    index, args = pending.pop()
                    worker.task, worker.deadline = index, time.monotonic() + limits[index] + GRACE_SECONDS
                    worker.connection.send((function, args))
                    busy[worker.connection] = worker
            soonest = min(w.deadline for w in busy.values())
            ready = wait(list(busy), timeout=max(0.0, soonest - time.monotonic()))
            for connection in ready:
                worker = busy.pop(connection)
                try:
                    result = connection.recv()
                except (EOFError, OSError):
                    result = Overrun("the worker died (out of memory?)")
                    self._replace(worker)
                yield worker.task, result
                worker.task = None
            now = time.monotonic()
            for connection, worker in list(busy.items()):
                if now >= worker.deadline:
                    busy.pop(connection)
                    index = worker.task
                    self._replace(worker)
                    yield index, Overrun(f"stopped after {limits[index]:g} s")

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        position = self._workers.index(worker)
        self._workers[position] = _Worker(self._context, self._memory_mb)


# The one call of run_limited, set just before its worker is forked: the call reaches the worker
# through the fork, not the pipe, so its arguments need not pickle (a problem module may hold lambdas).
_HANDED_OVER: tuple[Callable, tuple] | None = None


def _call_handed_over() -> Any:
    function, args = _HANDED_OVER
    return function(*args)


def run_limited(function: Callable, args: tuple, limit: float) -> Any:
    """One call in a fresh worker: its result, or an Overrun."""
    global _HANDED_OVER
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
