"""Connectors: one module per kind of source system, a shared protocol and an explicit registry."""
