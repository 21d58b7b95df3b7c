"""A CPU-time limit around a block of (pure Python) sympy work.

Budgets count this thread's CPU seconds spent outside the garbage collector, not the wall clock,
so a verdict is the same on an idle machine and on one where other work takes the cores (waiting
for a core costs nothing), and the same early in a long-lived process and late in it (a full
collection walks every object the process holds: after a few thousand decisions one costs
seconds, and it lands on whichever step happens to allocate then). ITIMER_PROF only wakes the
check; the wall clock is only the parent's generous safety net (sandbox.py).
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator


# CPU seconds per step of a derivation or write-up: a matrix step (values at sizes, a quick proof, the search at other
# sizes) costs up to 1.7 s idle, and CPU time per step rises up to 1.7x on a loaded core; the verdict must not change
# with it (at 2 s two such steps came out undecided in a fresh clone's test run, at 3 s three in a CI run of the suite)
STEP_TIMEOUT = 4.0
REPEAT = 0.005  # CPU seconds between repeats of an expiry that was caught inside the block
MAX_REPEATS = 400  # at most 2 s of repeats: a bound even if a block's end were ever missed


class TimeLimitExceeded(BaseException):
    """The block ran past its CPU budget.

    A BaseException, like KeyboardInterrupt, so that the `except Exception` of a parser or a
    feedback rule can never swallow it and turn a timeout into a wrong verdict.
    """


def cpu_seconds() -> float:
    """CPU seconds this thread has used (user + system) outside the garbage collector; the clock every budget reads.

    The thread's clock, not the process's: once RLIMIT_CPU is set (every grading worker sets it) Linux reads the
    process clock from totals it updates only at scheduler ticks, so a 3 ms decision that starts just after the
    worker wakes can read as 0 ms (a batch's decisions summed to 2.0 s of 3.5 s). The thread clock is exact, and
    the budgets are the main thread's (see time_limit). The collector's time is left out: what it costs depends on
    everything the process did before, not on the work being timed."""
    now = time.thread_time()
    if threading.get_ident() != threading.main_thread().ident:
        return now  # the collector's count is the main thread's
    inside = now - _collector["started"] if _collector["started"] is not None else 0.0  # a collection under way
    return now - _collector["seconds"] - inside


# the main thread's CPU seconds inside full collections so far, and when the one under way began. Only full ones: a young
# generation's collection costs what a fixed number of new objects costs, a full one what the whole process holds
_collector = {"seconds": 0.0, "started": None}


def _count_collection(phase: str, info: dict) -> None:
    if info.get("generation") != 2 or threading.get_ident() != threading.main_thread().ident:
        return
    if phase == "start":
        _collector["started"] = time.thread_time()
    elif _collector["started"] is not None:
        _collector["seconds"] += time.thread_time() - _collector["started"]
        _collector["started"] = None


gc.callbacks.append(_count_collection)


def _in_a_collector_callback(frame) -> bool:
    """Whether the code running (or what called it) is one of the collector's callbacks, ours or another library's
    (hypothesis registers one that runs Python at every collection): an exception raised in there is printed and
    lost, so an expiry must wait until it has returned."""
    callbacks = {getattr(callback, "__code__", None) for callback in gc.callbacks}
    while frame is not None:
        if frame.f_code in callbacks:
            return True
        frame = frame.f_back
    return False
_deadlines: list[float] = []  # the time limits open in the main thread, innermost last, as cpu_seconds() values


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeLimitExceeded inside the block once it has used `seconds` of CPU time.

    An expiry repeats every few milliseconds until the block ends, so code inside it that catches the exception
    (a search that keeps what it found so far) cannot run on unlimited afterwards.
    SIGPROF interrupts only between Python bytecodes and only in the main thread; elsewhere
    (or with seconds=None) the block runs unlimited. Work that blocks inside C (a huge integer
    power) is stopped by the worker's RLIMIT_CPU instead: see sandbox.
    """
    usable = seconds is not None and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    started = cpu_seconds()
    deadline = min([started + seconds, *_deadlines[-1:]])  # never outlive an outer limit that ends sooner
    running = {"open": True, "expired": False, "repeats": 0}

    def _expire(signum, frame):
        if not running["open"]:
            return
        if _collector["started"] is not None or _in_a_collector_callback(frame):
            signal.setitimer(signal.ITIMER_PROF, REPEAT)  # inside a collection (or any callback of it): an exception raised
            return  # there would only be printed and lost; the check comes again right after
        left = deadline - cpu_seconds()
        if left > 0 and not running["expired"]:  # the timer counts the collector's time too: not yet this block's end
            signal.setitimer(signal.ITIMER_PROF, max(left, 1e-3))
            return
        running["expired"] = True
        if running["repeats"] < MAX_REPEATS:  # an `except` below may swallow this one: it comes again until the block ends
            running["repeats"] += 1
            signal.setitimer(signal.ITIMER_PROF, REPEAT)
        raise TimeLimitExceeded(f"gave up after {seconds:g} s of CPU time")

    previous_handler = signal.signal(signal.SIGPROF, _expire)
    _deadlines.append(deadline)
    signal.setitimer(signal.ITIMER_PROF, max(deadline - started, 1e-3))
    try:
        yield
    finally:
        running["open"] = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous_handler)
        _deadlines.pop()
        if _deadlines:  # an outer limit is running: give it back what is left of it
            signal.setitimer(signal.ITIMER_PROF, max(_deadlines[-1] - cpu_seconds(), 1e-3))  # spent: the outer limit fires at once
