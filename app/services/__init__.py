"""Use cases over the data layer; each public function owns its transaction."""
