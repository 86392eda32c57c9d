"""Privacy Desk: case management for GDPR requests that arrive by post."""

PRODUCT_NAME = "Privacy Desk"
# A constant, not a package-metadata lookup: `privacy-desk --version` stays as light as
# `python -c pass` (tests/unit/test_version.py keeps it equal to pyproject.toml's version).
__version__ = "0.1.0"
