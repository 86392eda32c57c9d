"""Business settings and the organisation profile (stored in the database, audited)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.errors import StaleDataError, ValidationError
from app.core.i18n import _, message_of
from app.core.validation import check_texts, normalise_email, normalise_postcode, text_problem
from app.data.database import Database
from app.data.models import Setting
from app.letters.context import claims_dpo_title
from app.services import audit
from app.services.deadlines import recompute_all
from app.services.field_limits import ORGANISATION_LIMITS
from app.services.stored_settings import active_organisation, read_setting

ORGANISATION_FIELDS = (
    "name", "department_line", "street", "postcode", "city", "country", "visiting_address",
    "phone", "email", "website", "kvk_number", "return_line", "signatory_name",
    "signatory_function", "default_language", "promise_weeks", "logo_path",
)  # fmt: skip


def get_setting(db: Database, *, key: str) -> dict[str, Any]:
    with db.session() as session:
        return read_setting(session, key)


SALUTATION_STYLES = ("neutral", "full_name")

LAYOUT_LIMITS = {
    "address_left_mm": (10.0, 60.0),
    "address_width_mm": (60.0, 100.0),
    "address_shift_down_mm": (-15.0, 15.0),
    "reference_row_shift_down_mm": (-15.0, 15.0),
}


def normalised_layout(values: dict[str, Any]) -> dict[str, Any]:
    """The letter_layout setting with today's keys (older databases stored absolute positions)."""
    down = values.get("address_shift_down_mm")
    if down is None:
        down = float(values.get("address_centre_from_top_mm", 63.5)) - 63.5
    ref = values.get("reference_row_shift_down_mm")
    if ref is None:
        ref = float(values.get("reference_row_from_top_mm", 98.0)) - 98.0
    return {
        "address_left_mm": float(values.get("address_left_mm", 35.0)),
        "address_width_mm": float(values.get("address_width_mm", 70.0)),
        "address_shift_down_mm": float(down),
        "reference_row_shift_down_mm": float(ref),
        "fold_marks": bool(values.get("fold_marks", True)),
    }


def _fold_errors(values: dict[str, Any]) -> dict[str, str]:
    """Offsets that would put letterhead text on the first fold (99 mm) are refused."""
    from app.letters.geometry import fold_problems
    from app.letters.layout import LetterLayout

    layout = LetterLayout().with_offsets(**values)
    parts = fold_problems(layout)
    if not parts:
        return {}
    names = {
        "return_line": _("the return line"),
        "address": _("the address block"),
        "reference_row": _("the reference row"),
        "subject": _("the subject line"),
    }
    message = _(
        "With these offsets {parts} would lie within {clearance} mm of the fold at {fold} mm, "
        "where the folded sheet makes it hard to read. Choose a smaller shift.",
        parts=", ".join(names[part] for part in parts),
        clearance=format(layout.fold_clearance_mm, "g"),
        fold=format(layout.first_fold_mm, "g"),
    )
    field = "reference_row_shift_down_mm" if "reference_row" in parts else "address_shift_down_mm"
    return {field: message}


def stored_layout_problem(stored: dict[str, Any]) -> str | None:
    """Why a stored letter_layout cannot be used for a letter (None when it can).

    Offsets saved before the fold rule existed were never checked; a letter is made only from
    offsets that keep the letterhead text clear of the first fold, so they are checked again here.
    """
    values = normalised_layout(stored)
    problems = _fold_errors(values)
    if not problems:
        return None
    return _(
        "The letter layout stored in Settings puts text on the fold. {problem} Now stored: "
        "address moved down {address} mm, reference row moved down {reference} mm. Change it "
        "in Settings > Letters (CLI: settings letter_layout) and make the letter again; no "
        "letter was made.",
        problem=next(iter(problems.values())),
        address=format(values["address_shift_down_mm"], "g"),
        reference=format(values["reference_row_shift_down_mm"], "g"),
    )


def validate_setting(key: str, value: dict[str, Any]) -> dict[str, Any]:
    """Check a business setting before it is stored; ValidationError names the bad part."""
    errors: dict[str, str] = {}
    if key == "letter_layout":
        clean: dict[str, Any] = {}
        for name, (low, high) in LAYOUT_LIMITS.items():
            try:
                number = float(value.get(name, 0.0 if "shift" in name else low))
            except (TypeError, ValueError):
                errors[name] = _("Enter a number of millimetres.")
                continue
            if not low <= number <= high:
                errors[name] = _(
                    "Use {low} to {high} mm.", low=format(low, "g"), high=format(high, "g")
                )
            clean[name] = number
        clean["fold_marks"] = bool(value.get("fold_marks", True))
        value = clean
        if not errors:
            errors.update(_fold_errors(clean))
    elif key == "retention":
        from app.core.retention import parse_rules

        parse_rules(value)  # raises ValidationError("retention.<outcome>": ...)
    elif key == "attachments":
        try:
            max_mb = int(value.get("max_mb", 50))
        except (TypeError, ValueError):
            max_mb = 0
        if not 1 <= max_mb <= 500:
            errors["max_mb"] = _("The attachment limit must be 1 to 500 MB.")
        value = {"max_mb": max_mb}
    elif key == "reading_limits":
        from app.reading.archive import validate_limits

        value, errors = validate_limits(value)
    elif key == "today":  # the to-do list: a paused case is flagged after N days without answer
        try:
            days = int(value.get("pause_no_answer_days", 14))
        except (TypeError, ValueError):
            days = 0
        if not 1 <= days <= 365:
            errors["pause_no_answer_days"] = _("Use {low} to {high}.", low=1, high=365)
        value = {"pause_no_answer_days": days}
    elif key == "letter_salutation":
        style = str(value.get("without_title", "neutral"))
        if style not in SALUTATION_STYLES:
            errors["without_title"] = _(
                "Choose 'neutral' (Geachte heer, mevrouw,) or 'full_name' (Geachte Y. van der "
                "Vos,)."
            )
        value = {"without_title": style}
    elif key == "sender":
        registered = value.get("dpo_registered", False)
        if not isinstance(registered, bool):
            errors["dpo_registered"] = _("Use true or false.")
        value = {"dpo_registered": bool(registered)}
    elif key == "access_copy":  # log lines beyond this go to a separate appendix PDF
        try:
            lines = int(value.get("log_lines_in_letter", 200))
        except (TypeError, ValueError):
            lines = -1
        if not 0 <= lines <= 100_000:
            errors["log_lines_in_letter"] = _("Use {low} to {high}.", low=0, high=100_000)
        value = {"log_lines_in_letter": lines}
    elif key == "customer_number":  # the pattern letters are searched for (intake proposals)
        from app.core.customer_number import check_pattern

        pattern = str(value.get("pattern", "") or "").strip()
        if pattern:
            try:
                check_pattern(pattern)
            except ValueError as exc:
                errors["pattern"] = message_of(exc)
        value = {"pattern": pattern}
    elif key == "hot_folder":  # the folder the scanner writes to (empty: no hot folder)
        from app.services.hot_folder import validate_hot_folder

        value, errors = validate_hot_folder(value)
    elif key == "extra_holidays":
        for text in value.get("dates", []):
            try:
                date.fromisoformat(str(text))
            except ValueError:
                errors["dates"] = _("'{text}' is not a date (YYYY-MM-DD).", text=text)
    if errors:
        raise ValidationError(errors)
    return value


def _setting_text_errors(key: str, value: object) -> dict[str, str]:
    """Every text inside a setting value may hold line breaks, never control characters."""
    if isinstance(value, str):
        problem = text_problem(value, multiline=True)
        return {} if problem is None else {key: problem}
    errors: dict[str, str] = {}
    if isinstance(value, dict):
        for name, item in value.items():
            errors.update(_setting_text_errors(f"{key}.{name}", name))
            errors.update(_setting_text_errors(f"{key}.{name}", item))
    elif isinstance(value, list | tuple):
        for position, item in enumerate(value):
            errors.update(_setting_text_errors(f"{key}.{position}", item))
    return errors


def set_setting(db: Database, *, actor: str, key: str, value: dict[str, Any]) -> None:
    errors = _setting_text_errors(key, value)
    if errors:
        raise ValidationError(errors)
    value = validate_setting(key, value)
    with db.session() as session:
        row = session.get(Setting, key)
        before = None if row is None else dict(row.value)
        if row is None:
            session.add(Setting(key=key, value=value, updated_by=actor))
        else:
            row.value = value
            row.updated_by = actor
        audit.record(
            session,
            case=None,
            actor=actor,
            action="setting_changed",
            summary=_("Setting '{key}' changed", key=key),
            before=before,
            after=value,
        )
    if key == "extra_holidays":
        recompute_all(db)


def dpo_registered_in(session: Session) -> bool:
    """Whether a Functionaris Gegevensbescherming is registered with the AP ("sender" setting)."""
    return bool(read_setting(session, "sender").get("dpo_registered", False))


def sender_problems(profile: dict[str, Any], *, dpo_registered: bool) -> dict[str, str]:
    """What the organisation profile lacks for the letters it signs (field -> message).

    Letters carry the KvK number (Handelsregisterwet art. 27), an e-mail address and a
    telephone number (Art. 12(2) GDPR) and are signed by a person by name; "functionaris
    gegevensbescherming" is a registered role (Art. 37 GDPR), not a title to choose.
    """
    errors: dict[str, str] = {}
    kvk = "".join(str(profile.get("kvk_number") or "").split())
    if not kvk:
        errors["kvk_number"] = _(
            "Enter the KvK number: the law requires it on every business letter "
            "(Handelsregisterwet art. 27)."
        )
    elif not (kvk.isdigit() and len(kvk) == 8):
        errors["kvk_number"] = _("A KvK number has 8 digits, e.g. 17123456.")
    if not str(profile.get("email") or "").strip():
        errors["email"] = _(
            "Enter the e-mail address for privacy questions; every letter shows it."
        )
    phone = str(profile.get("phone") or "")
    if not phone.strip():
        errors["phone"] = _(
            "Enter the telephone number for privacy questions; every letter shows it."
        )
    elif sum(c.isdigit() for c in phone) < 6:
        errors["phone"] = _("A phone number has at least 6 digits, e.g. 073 123 45 67.")
    if not " ".join(str(profile.get("signatory_name") or "").split()):
        errors["signatory_name"] = _(
            "Enter the name of the person who signs the letters, e.g. 'M. de Bruijn'."
        )
    if claims_dpo_title(str(profile.get("signatory_function") or "")) and not dpo_registered:
        errors["signatory_function"] = _(
            "Only a Functionaris Gegevensbescherming registered with the Autoriteit "
            "Persoonsgegevens may be called so. Write e.g. 'Privacyfunctionaris', or first "
            "record the registration under Settings > Letters."
        )
    return errors


def get_organisation(db: Database) -> dict[str, Any]:
    with db.session() as session:
        org = active_organisation(session)
        data = {name: getattr(org, name) for name in ORGANISATION_FIELDS}
        data["version"] = org.version
        return data


def update_organisation(
    db: Database, *, actor: str, expected_version: int, changes: dict[str, Any]
) -> int:
    """Save profile changes; refuses a stale save. Returns the new version."""
    unknown = set(changes) - set(ORGANISATION_FIELDS)
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in sorted(unknown)})
    errors = check_texts(changes, ORGANISATION_LIMITS)
    if "postcode" in changes and "postcode" not in errors:
        try:
            changes["postcode"] = normalise_postcode(
                str(changes["postcode"]), str(changes.get("country", "NL"))
            )
        except ValueError as exc:
            errors["postcode"] = message_of(exc)
    if "email" in changes and "email" not in errors:
        try:
            changes["email"] = normalise_email(str(changes["email"]))
        except ValueError as exc:
            errors["email"] = message_of(exc)
    if "promise_weeks" in changes:
        weeks = int(changes["promise_weeks"])
        if not 1 <= weeks <= 4:
            errors["promise_weeks"] = _(
                "The promise must be 1 to 4 weeks (the law allows one month)."
            )
    if "name" in changes and not str(changes["name"]).strip():
        errors["name"] = _("The organisation needs a name.")
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        org = active_organisation(session)
        merged = {name: changes.get(name, getattr(org, name)) for name in ORGANISATION_FIELDS}
        sender_errors = sender_problems(merged, dpo_registered=dpo_registered_in(session))
        if sender_errors:
            raise ValidationError(sender_errors)
        if org.version != expected_version:
            raise StaleDataError(
                _(
                    "Someone else changed the organisation profile meanwhile. Reload it and make "
                    "your change again."
                )
            )
        before = {k: getattr(org, k) for k in changes}
        for name, value in changes.items():
            setattr(org, name, value)
        before_d, after_d = audit.diff(before, changes)
        audit.record(
            session,
            case=None,
            actor=actor,
            action="organisation_changed",
            summary=_("Organisation profile changed"),
            before=before_d,
            after=after_d,
        )
        session.flush()
        new_version = org.version
    if "promise_weeks" in changes:
        recompute_all(db)
    return new_version


def officer_name_in(session: Session, login: str) -> str:
    """The name letters show as 'handled by' for a login; the login itself when none is set."""
    names = read_setting(session, "officers").get("names", {})
    return str(names.get(login) or login)


def handler_name_in(session: Session, login: str) -> str:
    """Who a letter names as 'handled by': the officer's own name, else the signatory.

    Never the login: a CLI letter once printed "behandeld door root". UserError when neither
    name is set.
    """
    names = read_setting(session, "officers").get("names", {})
    name = " ".join(str(names.get(login) or "").split())
    if name:
        return name
    signatory = " ".join(active_organisation(session).signatory_name.split())
    if signatory:
        return signatory
    raise ValidationError(
        {
            "officer_name": _(
                "A letter names who handles it, and no name is set for login {login}. Set "
                "your name (Settings > Letters, or 'privacy-desk officer \"M. de Vries\"') "
                "or the signatory in the organisation profile.",
                login=login,
            )
        }
    )


def get_officer_name(db: Database, *, login: str) -> str:
    with db.session() as session:
        return officer_name_in(session, login)


def set_officer_name(db: Database, *, actor: str, login: str, name: str) -> None:
    """Set how an officer is named in letters (e.g. 'M. de Vries' for login 'mdevries')."""
    problem = text_problem(name, limit=ORGANISATION_LIMITS["signatory_name"])
    if problem is not None:
        raise ValidationError({"officer_name": problem})
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError(
            {"officer_name": _("Enter your name as it should appear in letters.")}
        )
    with db.session() as session:
        value = read_setting(session, "officers")
        names = dict(value.get("names", {}))
        if names.get(login) == clean:
            return
        names[login] = clean
        value["names"] = names
    set_setting(db, actor=actor, key="officers", value=value)
