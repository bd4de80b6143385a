"""The operator PIN without Qt: a salted PBKDF2 hash (never the PIN itself), checked in constant time.

The stored form is `pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>`, kept in the settings
file. Repeated wrong PINs lock the prompt for longer and longer (`pin_backoff`, kept per kiosk
on disk), so guessing a 4-digit PIN at the kiosk takes days rather than minutes. A forgotten
PIN is cleared on the PC itself with `emotion-kiosk reset-pin` (see `kiosk.cli_pin`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from kiosk.languages import QT_TRANSLATE_NOOP, translate

SCHEME = "pbkdf2_sha256"
ITERATIONS = 200_000
MIN_DIGITS = 4
MAX_DIGITS = 12


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """The storable hash of a PIN, with a fresh random salt unless one is given."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"{SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def unknown_pin_hash() -> str:
    """The hash of a random PIN nobody knows: the soak and the GUI benchmark run a set-up kiosk
    in a throw-away data folder (a kiosk without a PIN shows its set-up screen instead)."""
    return hash_pin(secrets.token_hex(8), iterations=1_000)


# What the dealer types: the installed kiosk (.deb) is `emotion-kiosk`; the folder build is
# `EmotionKiosk` (EmotionKiosk.exe on Windows), run in its folder.
RESET_HINT = "emotion-kiosk reset-pin"
FOLDER_RESET_HINT = "EmotionKiosk reset-pin"
_DAMAGED = QT_TRANSLATE_NOOP(
    "PinDialog",
    "The stored operator PIN is damaged, so no PIN can match it. Stop the kiosk and, on this PC, "
    "run `{command}` in a terminal (or `{folder_command}` in the kiosk's folder) to clear it; "
    "the kiosk then asks for a new PIN.",
)
# English: the log and the settings warnings
DAMAGED_MESSAGE = _DAMAGED.format(command=RESET_HINT, folder_command=FOLDER_RESET_HINT)


def damaged_message() -> str:
    """DAMAGED_MESSAGE in the installed language."""
    return translate("PinDialog", _DAMAGED).format(command=RESET_HINT, folder_command=FOLDER_RESET_HINT)


def _parse(stored: str) -> tuple[int, bytes, bytes] | None:
    """(iterations, salt, digest) of a stored hash, or None when it is malformed."""
    try:
        scheme, iterations_text, salt_hex, digest_hex = stored.split("$")
        iterations = int(iterations_text)
        salt = bytes.fromhex(salt_hex)
        expected = bytes.fromhex(digest_hex)
    except ValueError:
        return None
    if scheme != SCHEME or not 1_000 <= iterations <= 10_000_000 or not salt or len(expected) != 32:
        return None
    return iterations, salt, expected


def is_damaged(stored: str) -> bool:
    """A PIN hash is set but cannot be used (hand-edited, truncated): no PIN would ever match."""
    return bool(stored) and _parse(stored) is None


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches the stored hash; False for a wrong PIN or a malformed hash."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    iterations, salt, expected = parsed
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(digest, expected)


def is_valid_pin(pin: str) -> bool:
    return pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS
