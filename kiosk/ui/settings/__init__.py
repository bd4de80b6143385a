"""The staff's settings dialog: one draft, a page per file, committed once."""
