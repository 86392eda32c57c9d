"""Memory of a process in steady state: RSS and USS (private pages) from /proc, in KiB."""

from __future__ import annotations

from pathlib import Path


def rss_uss_kib() -> tuple[int, int]:
    fields: dict[str, int] = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[-1] == "kB":
            fields[name] = int(parts[0])
    return fields["Rss"], fields["Private_Clean"] + fields["Private_Dirty"]
