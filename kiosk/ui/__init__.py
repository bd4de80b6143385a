"""The only place Qt lives: windows, dialogs, audio and the worker thread."""
