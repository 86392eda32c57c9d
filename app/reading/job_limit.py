"""Windows: a Job Object memory limit for the reading child (POSIX uses RLIMIT_AS instead).

The child puts itself into a new job whose per-process memory limit is the configured one
(``JOB_OBJECT_LIMIT_PROCESS_MEMORY``) before it parses anything, so an allocation beyond the
limit fails with a MemoryError as it does under RLIMIT_AS. Assigning itself, rather than being
assigned by the parent after it started, leaves no moment in which the child parses unlimited.
Nested jobs (Windows 8 and later) allow this even when the app itself runs inside a job.

Only the structures and the call sequence can be tested on Linux (tests/unit); the calls into
kernel32 run on Windows only.
"""

from __future__ import annotations

import ctypes
import errno
from typing import Any

JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9  # JobObjectExtendedLimitInformation


class JobBasicLimits(ctypes.Structure):
    """JOBOBJECT_BASIC_LIMIT_INFORMATION (winnt.h)."""

    _fields_ = [
        ("PerProcessUserTimeLimit", ctypes.c_int64),
        ("PerJobUserTimeLimit", ctypes.c_int64),
        ("LimitFlags", ctypes.c_uint32),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", ctypes.c_uint32),
        ("Affinity", ctypes.c_size_t),
        ("PriorityClass", ctypes.c_uint32),
        ("SchedulingClass", ctypes.c_uint32),
    ]


class IoCounters(ctypes.Structure):
    """IO_COUNTERS (winnt.h)."""

    _fields_ = [
        (name, ctypes.c_uint64)
        for name in (
            "ReadOperationCount",
            "WriteOperationCount",
            "OtherOperationCount",
            "ReadTransferCount",
            "WriteTransferCount",
            "OtherTransferCount",
        )
    ]


class JobExtendedLimits(ctypes.Structure):
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION (winnt.h)."""

    _fields_ = [
        ("BasicLimitInformation", JobBasicLimits),
        ("IoInfo", IoCounters),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


def memory_limits(megabytes: int) -> JobExtendedLimits:
    """The limit information that caps each process of the job at ``megabytes``."""
    info = JobExtendedLimits()
    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PROCESS_MEMORY
    info.ProcessMemoryLimit = megabytes * 1024 * 1024
    return info


def limit_own_memory(megabytes: int, kernel32: Any = None) -> Any:
    """Put the calling process into a new job limited to ``megabytes`` per process.

    Returns the job handle (kept open for the child's lifetime). Raises OSError when Windows
    refuses; the caller then still has its time-out. ``kernel32`` is ``ctypes.windll.kernel32``
    unless given.
    """
    if kernel32 is None:
        kernel32 = _kernel32()
    job = _checked(kernel32.CreateJobObjectW(None, None), "CreateJobObjectW")
    info = memory_limits(megabytes)
    _checked(
        kernel32.SetInformationJobObject(
            job,
            JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
            ctypes.byref(info),
            ctypes.sizeof(info),
        ),
        "SetInformationJobObject",
    )
    _checked(
        kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()),
        "AssignProcessToJobObject",
    )
    return job


def _checked(answer: Any, call: str) -> Any:
    """Windows answers 0 (or a null handle) when it refuses: an OSError naming the call."""
    if not answer:
        raise OSError(errno.EPERM, call)
    return answer


def _kernel32() -> Any:  # pragma: no cover - Windows only
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    kernel32.CreateJobObjectW.argtypes = [ctypes.c_void_p, wintypes.LPCWSTR]
    kernel32.SetInformationJobObject.restype = wintypes.BOOL
    kernel32.SetInformationJobObject.argtypes = [
        wintypes.HANDLE,
        ctypes.c_int,
        ctypes.c_void_p,
        wintypes.DWORD,
    ]
    kernel32.AssignProcessToJobObject.restype = wintypes.BOOL
    kernel32.AssignProcessToJobObject.argtypes = [wintypes.HANDLE, wintypes.HANDLE]
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    kernel32.GetCurrentProcess.argtypes = []
    return kernel32
