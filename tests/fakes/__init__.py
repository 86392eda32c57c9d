"""Fakes of external systems that cannot run here; each speaks the real protocol over a socket."""
