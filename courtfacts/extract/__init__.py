"""The spaCy rule pipeline: mentions with provenance, and case records."""
