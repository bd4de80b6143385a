"""The kiosk process: start-up and stop, the main window, the analysis thread, the audio self-test."""
