"""Salutations from the name parts, and how a representative is named (issue 12, section 4)."""

from __future__ import annotations

import pytest

from app.letters.salutation import (
    SALUTATION_FULL_NAME,
    NameParts,
    RepresentativeName,
    salutation_for,
)


@pytest.mark.parametrize(
    ("person", "nl", "en"),
    [
        (NameParts("mevrouw", "Y.", "", "", "El Amrani"), "Geachte mevrouw El Amrani,",
         "Dear Ms El Amrani,"),
        (NameParts("mevrouw", "Y.", "", "el", "Amrani"), "Geachte mevrouw El Amrani,",
         "Dear Ms El Amrani,"),
        (NameParts("heer", "Y.", "", "van der", "Vos"), "Geachte heer Van der Vos,",
         "Dear Mr Van der Vos,"),
        (NameParts("heer", "K.", "", "", "Al Hashimi"), "Geachte heer Al Hashimi,",
         "Dear Mr Al Hashimi,"),
        (NameParts("heer", "S.", "", "ben", "Ali"), "Geachte heer Ben Ali,", "Dear Mr Ben Ali,"),
        (NameParts("mevrouw", "A.", "", "de", "Boer"), "Geachte mevrouw De Boer,",
         "Dear Ms De Boer,"),
        (NameParts("heer", "", "Jan", "", "van Dijk"), "Geachte heer Van Dijk,",
         "Dear Mr Van Dijk,"),
    ],
)  # fmt: skip
def test_salutation_capitalises_the_surname_that_starts_it(
    person: NameParts, nl: str, en: str
) -> None:
    assert salutation_for(person, "nl") == nl
    assert salutation_for(person, "en") == en


def test_without_a_recorded_salutation_the_neutral_form() -> None:
    person = NameParts("", "Y.", "", "van der", "Vos")
    assert salutation_for(person, "nl") == "Geachte heer, mevrouw,"
    assert salutation_for(person, "en") == "Dear Sir or Madam,"
    assert salutation_for(person, "de") == "Sehr geehrte Damen und Herren,"


def test_the_office_may_prefer_the_full_name() -> None:
    person = NameParts("", "Y.", "Yvonne", "van der", "Vos")
    assert salutation_for(person, "nl", SALUTATION_FULL_NAME) == "Geachte Y. van der Vos,"
    assert salutation_for(person, "en", SALUTATION_FULL_NAME) == "Dear Y. van der Vos,"


def test_formal_name_of_the_client() -> None:
    client = NameParts("mevrouw", "C.", "Carla", "van den", "Bos")
    assert client.formal_name("nl") == "mevrouw C. van den Bos"
    assert client.formal_name("en") == "Ms C. van den Bos"
    assert NameParts("", "C.", "", "van den", "Bos").formal_name("nl") == "C. van den Bos"


@pytest.mark.parametrize(
    ("typed", "nl_name", "en_name", "nl", "en"),
    [
        ("mr. J. de Boer", "mr. J. de Boer", "Mr J. de Boer", "Geachte mr. De Boer,",
         "Dear Mr De Boer,"),
        ("mevrouw mr. A. Jansen", "mr. A. Jansen", "Ms A. Jansen", "Geachte mevrouw Jansen,",
         "Dear Ms Jansen,"),
        ("de heer P. van Dam", "P. van Dam", "Mr P. van Dam", "Geachte heer Van Dam,",
         "Dear Mr Van Dam,"),
        ("Stichting Rechtshulp", "Stichting Rechtshulp", "Stichting Rechtshulp",
         "Geachte Stichting Rechtshulp,", "Dear Stichting Rechtshulp,"),
    ],
)  # fmt: skip
def test_representative_names_keep_mr_in_dutch_only(
    typed: str, nl_name: str, en_name: str, nl: str, en: str
) -> None:
    rep = RepresentativeName(typed)
    assert rep.display("nl") == nl_name
    assert rep.display("en") == en_name
    assert "mr." not in rep.display("en") and "mr." not in rep.salutation("en")
    assert rep.salutation("nl") == nl
    assert rep.salutation("en") == en
