"""The dealer's content: the car catalogue, its photos and the music files. No Qt here."""
