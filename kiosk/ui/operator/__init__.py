"""What only staff and IT reach: the PIN, the set-up screen, the operator status and its page."""
