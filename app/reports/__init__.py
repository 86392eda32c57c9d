"""Reports and exports: registers, yearly figures, dossiers, calendar files."""
