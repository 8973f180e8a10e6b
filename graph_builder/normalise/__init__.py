"""Pure functions that turn printed cell text into typed values (no I/O, no RDF)."""
