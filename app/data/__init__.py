"""Data layer: SQLAlchemy models, database opening, migrations on start."""
