"""Running as an appliance: start at sign-in, restart after a crash, the crash-loop guard,
the car to resume, opening hours. Pure Python, no Qt (the screen keep-alive is in kiosk.ui)."""
