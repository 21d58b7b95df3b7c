"""A wall-clock limit around a block of (pure Python) sympy work."""

from __future__ import annotations

import signal
import time
import threading
from contextlib import contextmanager
from typing import Iterator


class TimeLimitExceeded(Exception):
    """The block ran past its budget."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeLimitExceeded inside the block once `seconds` have passed.

    Uses SIGALRM, so it only interrupts between Python bytecodes and only in the main
    thread; elsewhere (or with seconds=None) the block runs unlimited. Work that can
    block inside C (huge integer powers) needs a process limit as well: see sandbox.
    """
    usable = seconds is not None and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expire(signum, frame):
        raise TimeLimitExceeded(f"gave up after {seconds:g} s")

    started = time.monotonic()
    previous_handler = signal.signal(signal.SIGALRM, _expire)
    previous_delay, _ = signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:  # an outer limit is running: give it back what is left of it
            left = previous_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3))
