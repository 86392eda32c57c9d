"""Privacy Desk: case management for GDPR requests that arrive by post."""

from importlib.metadata import PackageNotFoundError, version

PRODUCT_NAME = "Privacy Desk"

try:
    __version__ = version("privacy-desk")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
