"""What every room shares: the installed language and the theme."""
