"""Writers: take ``DocumentResult`` records, never spaCy objects."""
