"""Loading the UI language: our .qm file plus Qt's own (standard buttons, dialogs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.core.resources import resource_path

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"  # the customer's officers work in Dutch
LANGUAGE_KEY = "ui/language"  # QSettings key of the chosen interface language


def qm_path(lang: str) -> str:
    return str(resource_path("translations", f"privacy_desk_{lang}.qm"))


def install_translators(
    app: QCoreApplication, lang: str, old: list[QTranslator]
) -> list[QTranslator]:
    """Replace the installed translators by those of ``lang``.

    English is the source language; its file only holds the plural forms ("1 case", "2 cases").
    """
    for translator in old:
        app.removeTranslator(translator)
    installed: list[QTranslator] = []
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    if lang == "nl":
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    qt_own = QTranslator(app)
    if lang != "en" and qt_own.load(
        f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    ours = QTranslator(app)
    if not ours.load(qm_path(lang)):
        raise FileNotFoundError(
            QCoreApplication.translate("translation", "translation file missing: %1").replace(
                "%1", str(qm_path(lang))
            )
        )
    app.installTranslator(ours)
    installed.append(ours)
    return installed
