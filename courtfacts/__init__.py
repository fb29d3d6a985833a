"""courtfacts: sentencing facts from judgments and news, with provenance."""
