"""Demo cases and sample source systems (for `demo` and `--demo`); never used by the rules."""

from typing import Final

# The demo's own officer: a third of the demo cases are assigned to "demo", and the GUI's demo
# opens as this officer (unless --user or PRIVACY_DESK_USER names another), so that "Mine" on
# the Today page shows an officer's morning and not an empty list.
DEMO_OFFICER: Final = "demo"
OTHER_OFFICERS: Final = ("m.devries", "a.bakker")
