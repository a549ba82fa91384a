"""The curated knowledge base: entries, validation, normalisation and search."""
