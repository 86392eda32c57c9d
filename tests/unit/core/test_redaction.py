"""The log filter masks identifiers that slip into messages and tracebacks."""

from __future__ import annotations

import io
import logging

from app.core.redaction import PersonalDataFilter, redact


def test_redact_common_identifiers() -> None:
    text = redact(
        "zoe@voorbeeld.nl at 1234 AB and 5253re, tel 06-12345678 / +31 73 1234567, "
        "from 192.168.10.20 [parameters: ('Zoë', 'zoe@voorbeeld.nl')]"
    )
    assert "voorbeeld" not in text and "1234 AB" not in text and "5253re" not in text
    assert "12345678" not in text and "192.168" not in text and "Zoë" not in text
    assert text.count("<e-mail>") == 1 and "[parameters hidden]" in text
    assert redact("case AVG-2026-0001 registered, 3 findings") == (
        "case AVG-2026-0001 registered, 3 findings"
    )  # references and counts stay readable


def test_filter_masks_messages_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(PersonalDataFilter())
    log = logging.getLogger("test.redaction")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("could not mail %s", "jan@example.nl")
        try:
            raise ValueError("duplicate key (email)=(jan@example.nl)")
        except ValueError:
            log.exception("insert failed for case %s", "AVG-2026-0007")
    finally:
        log.removeHandler(handler)
    output = stream.getvalue()
    assert "jan@example.nl" not in output
    assert "AVG-2026-0007" in output and "ValueError" in output and "<e-mail>" in output
