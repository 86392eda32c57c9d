"""Other people's data is withheld from the copy; the data subject's own text stays whole."""

from __future__ import annotations

from app.core.withholding import OwnData, withhold_others

OWN = OwnData.of(
    ["els.aa@example.nl", "DB100000", "06-12345678"],
    names=["Els Aa"],
    keep_addresses=["privacy@databalance.example"],
)
MARK = "[weggelaten: gegevens van een ander]"


def test_rows_of_other_people_are_withheld_as_one_mark() -> None:
    text = "naam;e-mail;klantnummer\nEls Aa;els.aa@example.nl;DB100000\n"
    text += "Bram Jansen;bram@example.com;DB100001\nCarla Smit;carla@example.com;DB100002"
    out, count = withhold_others(text, OWN, "nl")
    assert out.splitlines() == [
        "naam;e-mail;klantnummer",
        "Els Aa;els.aa@example.nl;DB100000",
        MARK,
    ]
    assert count == 2 and "Bram" not in out and "Carla" not in out


def test_a_line_about_the_person_keeps_its_text_and_marks_the_others() -> None:
    line = "Bel Els Aa op 06-12345678 of via 06 99887766, cc piet@example.com en support@x.nl"
    out, count = withhold_others(line, OWN, "en")
    mark = "[withheld: another person's data]"
    assert out == f"Bel Els Aa op 06-12345678 of via {mark}, cc {mark} en support@x.nl"
    assert count == 2


def test_names_the_officer_lists_are_withheld_too() -> None:
    own = OwnData.of(["els.aa@example.nl"], names=["Els Aa"], extra_terms=["Bram Jansen"])
    out, count = withhold_others("Bram Jansen belde namens Els Aa.", own, "nl")
    assert out == f"{MARK} belde namens Els Aa." and count == 1


def test_nothing_to_withhold_leaves_the_text_as_it_is() -> None:
    text = "Goedemiddag,\n\nKlantnummer DB100000, IP 84.91.43.157 is van mij? Nee.\n"
    out, count = withhold_others(text, OwnData.of(["DB100000", "84.91.43.157"]), "nl")
    assert count == 0 and out == text.rstrip("\n")


def test_a_connector_stores_the_neutral_mark_and_the_letter_writes_its_own() -> None:
    stored, count = withhold_others("Els Aa\nBram Jansen;bram@example.com", OWN, None)
    assert stored == "Els Aa\n[[withheld]]" and count == 1
    letter, count = withhold_others(stored, OWN, "nl")
    assert letter == f"Els Aa\n{MARK}" and count == 1
