"""Grow a SQLite case base by SQL: every case (with its requester and request types) is copied
under new ids and references until ``total`` cases exist. Fast where the demo fill is slow."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in con.execute(f"PRAGMA table_info({table})")]


def multiply_cases(path: Path, total: int) -> int:
    """Copy the existing cases until there are ``total``; returns the number of cases."""
    con = sqlite3.connect(path)
    try:
        (count,) = con.execute("SELECT count(*) FROM case_file").fetchone()
        (top_case,) = con.execute("SELECT max(id) FROM case_file").fetchone()
        (top_req,) = con.execute("SELECT max(id) FROM requester").fetchone()
        (top_type,) = con.execute("SELECT max(id) FROM case_request_type").fetchone()
        (top_seq,) = con.execute("SELECT max(seq) FROM case_file").fetchone()
        case_cols, req_cols = _columns(con, "case_file"), _columns(con, "requester")
        type_cols = _columns(con, "case_request_type")
        copy = 0
        while count < total:
            copy += 1
            take = min(top_case, total - count)
            case_expr = {
                "id": f"id + {copy * top_case}",
                "seq": f"seq + {copy * top_seq}",
                "reference": f"printf('AVG-%d-%06d', year, seq + {copy * top_seq})",
                "requester_id": f"requester_id + {copy * top_req}",
            }
            con.execute(
                f"INSERT INTO requester ({', '.join(req_cols)}) SELECT "
                + ", ".join(f"id + {copy * top_req}" if c == "id" else c for c in req_cols)
                + f" FROM requester WHERE id IN (SELECT requester_id FROM case_file "
                f"WHERE id <= {take})"
            )
            con.execute(
                f"INSERT INTO case_file ({', '.join(case_cols)}) SELECT "
                + ", ".join(case_expr.get(c, c) for c in case_cols)
                + f" FROM case_file WHERE id <= {take}"
            )
            con.execute(
                f"INSERT INTO case_request_type ({', '.join(type_cols)}) SELECT "
                + ", ".join(
                    {"id": f"id + {copy * top_type}", "case_id": f"case_id + {copy * top_case}"}
                    .get(c, c)
                    for c in type_cols
                )
                + f" FROM case_request_type WHERE case_id <= {take}"
            )  # fmt: skip
            con.commit()
            (count,) = con.execute("SELECT count(*) FROM case_file").fetchone()
        return int(count)
    finally:
        con.close()
