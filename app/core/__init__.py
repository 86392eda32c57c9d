"""Pure-Python domain core: enums, value objects, deadline arithmetic, rules, errors."""
