"""The only place Qt lives, by room: `app` (the process, the main window, the analysis thread),
`showroom` (what visitors see and hear), `settings` (the staff's dialog, a page per file),
`operator` (PIN, set-up screen, the operator status) and `common` (translations, theme).
What these rooms show lives below them, Qt-free: `kiosk.session` and `kiosk.settings`."""
