"""The kiosk's settings without Qt: every field with its default, range and hint; the PIN back-off."""
