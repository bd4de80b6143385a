"""The running showroom without Qt: what the analysis thread reports, where frames come from,
what is shown, recorded and synced, and what staff and IT are told."""
