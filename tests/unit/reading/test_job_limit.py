"""Issue 11 (c): the Windows Job Object memory limit, as far as Linux can check it.

The structures must have Windows' layout (a wrong field size would make Windows refuse the
call or read garbage limits) and the child must create the job, set the per-process memory
limit and assign itself, in that order. The calls into kernel32 themselves run on Windows
only; here they go to a recorder standing in for kernel32, which cannot run on Linux.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pytest

from app.reading.job_limit import (
    JOB_OBJECT_LIMIT_PROCESS_MEMORY,
    JobBasicLimits,
    JobExtendedLimits,
    limit_own_memory,
    memory_limits,
)

WIDE = ctypes.sizeof(ctypes.c_void_p) == 8


@pytest.mark.skipif(not WIDE, reason="the sizes below are those of 64-bit Windows")
def test_structures_have_the_64_bit_windows_layout() -> None:
    # sizeof(JOBOBJECT_BASIC_LIMIT_INFORMATION) == 64 and EXTENDED == 144 on x64 (winnt.h).
    assert ctypes.sizeof(JobBasicLimits) == 64
    assert ctypes.sizeof(JobExtendedLimits) == 144
    assert JobBasicLimits.LimitFlags.offset == 16
    assert JobExtendedLimits.IoInfo.offset == 64
    assert JobExtendedLimits.ProcessMemoryLimit.offset == 112


def test_the_limit_sets_the_process_memory_flag_and_bytes() -> None:
    info = memory_limits(300)
    assert info.BasicLimitInformation.LimitFlags == JOB_OBJECT_LIMIT_PROCESS_MEMORY == 0x100
    assert info.ProcessMemoryLimit == 300 * 1024 * 1024
    assert info.JobMemoryLimit == 0  # only each process is limited


class _Kernel32:
    """Records the calls; answers as Windows does on success (non-zero)."""

    def __init__(self, fail: str = "") -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.fail = fail
        self.limit = 0

    def _answer(self, name: str, *args: Any) -> int:
        self.calls.append((name, args))
        return 0 if name == self.fail else 7

    def CreateJobObjectW(self, *args: Any) -> int:
        return self._answer("CreateJobObjectW", *args)

    def SetInformationJobObject(self, job: int, cls: int, info: Any, size: int) -> int:
        self.limit = ctypes.cast(
            info, ctypes.POINTER(JobExtendedLimits)
        ).contents.ProcessMemoryLimit
        return self._answer("SetInformationJobObject", job, cls, size)

    def AssignProcessToJobObject(self, *args: Any) -> int:
        return self._answer("AssignProcessToJobObject", *args)

    def GetCurrentProcess(self) -> int:
        return -1  # Windows' pseudo handle of the calling process


def test_the_child_creates_limits_and_joins_its_job_in_that_order() -> None:
    kernel32 = _Kernel32()
    assert limit_own_memory(256, kernel32) == 7
    assert [name for name, _args in kernel32.calls] == [
        "CreateJobObjectW",
        "SetInformationJobObject",
        "AssignProcessToJobObject",
    ]
    assert kernel32.calls[1][1] == (7, 9, ctypes.sizeof(JobExtendedLimits))
    assert kernel32.limit == 256 * 1024 * 1024
    assert kernel32.calls[2][1] == (7, -1)


@pytest.mark.parametrize(
    "failing", ["CreateJobObjectW", "SetInformationJobObject", "AssignProcessToJobObject"]
)
def test_a_refusal_by_windows_is_an_os_error(failing: str) -> None:
    with pytest.raises(OSError, match=failing):
        limit_own_memory(256, _Kernel32(fail=failing))
