"""Music files: does a file look like audio the kiosk can play? Read from its first bytes. No Qt.

The player (Qt's FFmpeg backend) plays MP3, Ogg (Vorbis, Opus), WAV, M4A/AAC and FLAC where the
platform's FFmpeg has the codec. This check catches what surely will not play (a missing, empty
or unreadable file, or one that is no audio at all, whatever its name) before the player
tries; a file that passes and still fails is reported by the player when it plays.
"""

from __future__ import annotations

from pathlib import Path

AUDIO_SUFFIXES = (".mp3", ".ogg", ".oga", ".opus", ".wav", ".m4a", ".aac", ".flac")
KINDS = "MP3, Ogg, WAV, M4A or FLAC"


def audio_kind(head: bytes) -> str:
    """The kind of audio these first bytes start, or "" when they start none the kiosk plays."""
    if head.startswith(b"ID3"):
        return "MP3"
    if head.startswith(b"OggS"):
        return "Ogg"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "WAV"
    if head.startswith(b"fLaC"):
        return "FLAC"
    if head[4:8] == b"ftyp":
        return "M4A"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:  # an MPEG or ADTS frame
        return "AAC" if head[1] & 0x06 == 0 else "MP3"
    return ""


def audio_file_problem(path: Path) -> str:
    """Why `path` cannot be played, naming it; "" when it looks like audio the kiosk plays."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(16)
    except FileNotFoundError:
        return f"music file {path} not found"
    except IsADirectoryError:
        return f"music file {path} is a folder"
    except OSError as exc:
        return f"music file {path} cannot be read ({exc.strerror or exc})"
    if not head:
        return f"music file {path} is empty"
    if not audio_kind(head):
        return f"music file {path} is not an {KINDS} file"
    return ""
