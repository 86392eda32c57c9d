"""Sample messages shared by the mail connector tests (a sender, a namesake, broken ones)."""

from __future__ import annotations

MESSAGES: dict[str, bytes] = {
    "from-jan": (
        b"From: Jan Jansen <jan@example.nl>\r\nTo: support@databalance.example\r\n"
        b"Subject: Factuur\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n"
        b"Message-ID: <from-jan@example.nl>\r\n\r\nMijn factuur klopt niet.\r\n"
    ),
    "to-namesake": (
        b"From: support@databalance.example\r\nTo: Jan Jansen <jan.jansen@other.nl>\r\n"
        b"Subject: Re: storing\r\nDate: Tue, 03 Nov 2026 09:00:00 +0100\r\n"
        b"Message-ID: <to-namesake@databalance.example>\r\n\r\nWe hebben het opgelost.\r\n"
    ),
    "body-mention-latin1": (
        b"From: collega@databalance.example\r\nTo: support@databalance.example\r\n"
        b"Subject: Terugbellen\r\nDate: Wed, 04 Nov 2026 09:00:00 +0100\r\n"
        b"Message-ID: <body-mention@databalance.example>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        b"Caf\xe9 gesprek: hij wil antwoord op jan@example.nl over het contract.\r\n"
    ),
    "broken-charset": (
        b"From: onbekend@example.com\r\nTo: support@databalance.example\r\n"
        b"Subject: =?utf-8?q?kapot=ZZ?= onderwerp\r\nDate: not a date\r\n"
        b"Message-ID: <broken@example.com>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n"
        b"Namens Jan   Jansen\r\n(verzonden met \xff\xfe rommel)\r\n"
    ),
    "html-base64": (
        b"From: portal@databalance.example\r\nTo: support@databalance.example\r\n"
        b"Subject: Nieuw ticket\r\nDate: Thu, 05 Nov 2026 09:00:00 +0100\r\n"
        b"Message-ID: <html-ticket@databalance.example>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"PHA+VGlja2V0IHZvb3Iga2xhbnQgPGI+Qy0xMDAxPC9iPjwvcD4=\r\n"
    ),
    "unrelated": (
        b"From: leverancier@example.com\r\nTo: support@databalance.example\r\n"
        b"Subject: Onderhoud\r\nDate: Fri, 06 Nov 2026 09:00:00 +0100\r\n"
        b"Message-ID: <unrelated@example.com>\r\n\r\nZaterdag onderhoud. Jan komt niet.\r\n"
    ),
}
