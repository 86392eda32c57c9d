"""Demo cases and sample source systems (for `demo` and `--demo`); never used by the rules."""
