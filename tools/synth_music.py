"""Synthesise the showroom's default background music: resources/audio/uplift.ogg.

An upbeat, major-key (D major, 120 bpm) piece of about 42 seconds: a bell-like lead melody,
a soft pad with off-beat chord plucks, a bass line and light drums, shaped by ADSR envelopes,
warmed by soft saturation and given a small convolution-reverb room. It ends on a V7-I cadence
with a fade. Pure numpy, written as stereo Ogg Vorbis at 22,050 Hz (0.4 MB; the same as 16-bit
WAV is 3.7 MB) through libsndfile (tools/sndfile.py), and
deterministic (fixed seed), so the file is ours to ship and can be regenerated at will:

    python tools/synth_music.py [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 22_050
BPM = 120.0
BEAT = 60.0 / BPM
BAR = 4 * BEAT
SEED = 20_240_601
PEAK_DBFS = -1.0
TAIL_S = 2.5
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources" / "audio"

# D major: chord symbols to MIDI notes (a close voicing around middle C).
CHORDS: dict[str, tuple[int, ...]] = {
    "D": (62, 66, 69),
    "G": (62, 67, 71),
    "A": (61, 64, 69),
    "A7": (61, 64, 67, 69),
    "Bm": (62, 66, 71),
    "F#m": (61, 66, 69),
    "Em": (64, 67, 71),
}
ROOTS = {"D": 38, "G": 43, "A": 45, "A7": 45, "Bm": 47, "F#m": 42, "Em": 40}

# One chord per bar: intro, verse twice, lift, cadence (ii V IV V7), home (held two bars).
PROGRESSION = (
    ["D", "G"] + ["D", "A", "Bm", "G"] * 2 + ["G", "A", "F#m", "Bm"] + ["Em", "A", "G", "A7"] + ["D", "D"]
)

# The lead melody: (beat within the phrase, length in beats, MIDI note), one phrase per 4 bars.
VERSE = (
    (0, 1, 69), (1, 0.5, 66), (1.5, 0.5, 69), (2, 1, 74), (3, 0.5, 73), (3.5, 0.5, 74),
    (4, 1.5, 76), (5.5, 0.5, 74), (6, 1, 73), (7, 1, 69),
    (8, 0.5, 74), (8.5, 0.5, 71), (9, 1.5, 78), (10.5, 0.5, 76), (11, 1, 74),
    (12, 1.5, 74), (13.5, 0.5, 71), (14, 1, 76), (15, 1, 74),
)  # fmt: skip
VERSE_ANSWER = (
    *VERSE[:10],
    (8, 1, 78), (9, 0.5, 76), (9.5, 0.5, 74), (10, 2, 78),
    (12, 1, 79), (13, 1, 78), (14, 1.5, 76), (15.5, 0.5, 74),
)  # fmt: skip
LIFT = (
    (0, 2, 71), (2, 1, 74), (3, 1, 79),
    (4, 2, 76), (6, 1, 73), (7, 1, 69),
    (8, 1.5, 78), (9.5, 0.5, 76), (10, 2, 73),
    (12, 1, 74), (13, 1, 78), (14, 2, 83),
)  # fmt: skip
CADENCE = (
    (0, 1, 79), (1, 1, 78), (2, 2, 76),
    (4, 1, 73), (5, 1, 76), (6, 2, 81),
    (8, 1, 83), (9, 0.5, 81), (9.5, 0.5, 79), (10, 1, 78), (11, 1, 76),
    (12, 1, 76), (13, 1, 79), (14, 1, 73), (15, 1, 76),
    (16, 1, 78), (17, 1, 81), (18, 6, 74),
)  # fmt: skip
MELODY = ((2, VERSE), (6, VERSE_ANSWER), (10, LIFT), (14, CADENCE))  # (first bar, phrase)


@dataclass(frozen=True)
class Envelope:
    """Attack, decay and release in seconds; sustain as a level (0..1)."""

    attack: float
    decay: float
    sustain: float
    release: float

    def shape(self, held: float) -> np.ndarray:
        """The gain curve for a note held `held` seconds, release tail included."""
        a, d, r = (max(1, int(v * RATE)) for v in (self.attack, self.decay, self.release))
        h = max(a + 1, int(held * RATE))
        attack = np.linspace(0.0, 1.0, a, endpoint=False)
        decay = self.sustain + (1.0 - self.sustain) * np.exp(-5.0 * np.arange(h - a) / d)
        level = decay[-1] if len(decay) else 1.0
        release = level * np.exp(-6.0 * np.arange(r) / r)
        return np.concatenate([attack, decay, release])


LEAD = Envelope(0.008, 0.35, 0.35, 0.25)
PLUCK = Envelope(0.004, 0.18, 0.0, 0.12)
PAD = Envelope(0.35, 1.0, 0.7, 0.6)
BASS = Envelope(0.006, 0.25, 0.55, 0.08)


def midi_hz(note: float) -> float:
    return float(440.0 * 2.0 ** ((note - 69) / 12.0))


def additive(freq: float, n: int, partials: Sequence[float], vibrato: float = 0.0) -> np.ndarray:
    """A sum of harmonics (amplitudes in `partials`), skipping any above 9.5 kHz to avoid aliasing."""
    t = np.arange(n) / RATE
    phase = 2 * np.pi * freq * t
    if vibrato:
        onset = np.clip(t / 0.4, 0.0, 1.0)  # vibrato fades in, as a singer's would
        phase += vibrato * onset * np.sin(2 * np.pi * 5.5 * t) / 5.5
    out = np.zeros(n)
    for k, amp in enumerate(partials, start=1):
        if amp and k * freq < 9_500:
            out += amp * np.sin(k * phase)
    return out


def voice(
    note: float, held: float, env: Envelope, partials: Sequence[float], vibrato: float = 0.0
) -> np.ndarray:
    shape = env.shape(held)
    out: np.ndarray = additive(midi_hz(note), len(shape), partials, vibrato) * shape
    return out


def lead(note: float, beats: float) -> np.ndarray:
    """A bright bell-like lead: the upper partials die away faster than the body."""
    body = voice(note, beats * BEAT, LEAD, (1.0, 0.45, 0.18, 0.1, 0.05), vibrato=0.004)
    shine = voice(note + 12, beats * BEAT * 0.3, PLUCK, (0.25, 0.08))
    body[: len(shine)] += shine[: len(body)]
    return body


def pluck(note: float) -> np.ndarray:
    return voice(note, 0.5 * BEAT, PLUCK, (1.0, 0.5, 0.3, 0.15, 0.08, 0.04))


def pad(chord: Sequence[int], beats: float) -> np.ndarray:
    """Slightly detuned soft saw-like voices for a warm bed."""
    voices = [
        voice(n + detune, beats * BEAT, PAD, (1.0, 0.35, 0.15, 0.07))
        for n in chord
        for detune in (-0.08, 0.08)
    ]
    out: np.ndarray = np.sum(voices, axis=0) / len(voices)
    return out


def bass(note: float, beats: float) -> np.ndarray:
    return voice(note, beats * BEAT * 0.9, BASS, (1.0, 0.5, 0.2, 0.08))


def kick(rng: np.random.Generator) -> np.ndarray:
    t = np.arange(int(0.35 * RATE)) / RATE
    sweep = 48 + 110 * np.exp(-t / 0.035)
    body = np.sin(2 * np.pi * np.cumsum(sweep) / RATE) * np.exp(-t / 0.12)
    click = rng.standard_normal(len(t)) * np.exp(-t / 0.004) * 0.15
    return body + click


def snare(rng: np.random.Generator) -> np.ndarray:
    t = np.arange(int(0.25 * RATE)) / RATE
    noise = _high_pass(rng.standard_normal(len(t)), 0.6) * np.exp(-t / 0.06)
    tone = np.sin(2 * np.pi * 190 * t) * np.exp(-t / 0.05)
    return 0.55 * noise + 0.45 * tone


def hat(rng: np.random.Generator, open_: bool = False) -> np.ndarray:
    t = np.arange(int((0.22 if open_ else 0.06) * RATE)) / RATE
    noise = _high_pass(_high_pass(rng.standard_normal(len(t)), 0.9), 0.9)
    return noise * np.exp(-t / (0.07 if open_ else 0.015))


def cymbal(rng: np.random.Generator) -> np.ndarray:
    t = np.arange(int(2.5 * RATE)) / RATE
    return _high_pass(rng.standard_normal(len(t)), 0.8) * np.exp(-t / 0.7)


def _high_pass(x: np.ndarray, amount: float) -> np.ndarray:
    """A one-pole high-pass (difference with a leaky average): crude, cheap, enough for noise."""
    smooth = np.convolve(x, np.full(3, 1 / 3), mode="same")
    return x - amount * smooth


class Mix:
    """A stereo buffer that sounds are added into at a time, with a gain and a pan (-1..1)."""

    def __init__(self, seconds: float) -> None:
        self.left = np.zeros(int(seconds * RATE) + RATE)
        self.right = np.zeros_like(self.left)

    def add(self, sound: np.ndarray, at: float, gain: float, pan: float = 0.0) -> None:
        start = round(at * RATE)
        end = min(len(self.left), start + len(sound))
        part = sound[: end - start] * gain
        self.left[start:end] += part * np.sqrt((1 - pan) / 2)
        self.right[start:end] += part * np.sqrt((1 + pan) / 2)

    def stereo(self) -> np.ndarray:
        return np.stack([self.left, self.right])


def add_harmony(mix: Mix) -> None:
    """Pad on every bar; off-beat plucks and the bass once the band comes in."""
    for bar, name in enumerate(PROGRESSION):
        start, chord = bar * BAR, CHORDS[name]
        last = bar == len(PROGRESSION) - 1
        if bar == len(PROGRESSION) - 2:
            mix.add(pad(chord, 8), start, 0.24)
        elif not last:
            mix.add(pad(chord, 4), start, 0.24 if bar >= 2 else 0.38)
        if bar >= len(PROGRESSION) - 2:
            continue
        for eighth in range(8):
            note = chord[eighth % len(chord)] + (12 if eighth % 4 == 3 else 0)
            on_beat = eighth % 2 == 0
            if bar < 2 or not on_beat:  # arpeggio in the intro, then off-beat "skank" plucks
                mix.add(pluck(note), start + eighth * BEAT / 2, 0.26 if bar < 2 else 0.15, pan=0.35)
        if bar >= 2:
            add_bass_bar(mix, start, ROOTS[name])
    final = len(PROGRESSION) - 2
    mix.add(bass(ROOTS["D"], 7), final * BAR, 0.3)


def add_bass_bar(mix: Mix, start: float, root: int) -> None:
    for beat, length, step in (
        (0, 1, 0),
        (1, 0.5, 0),
        (1.5, 0.5, 12),
        (2, 1, 7),
        (3, 0.5, 0),
        (3.5, 0.5, 12),
    ):
        mix.add(bass(root + step, length), start + beat * BEAT, 0.27)


def add_melody(mix: Mix) -> None:
    for first_bar, phrase in MELODY:
        for beat, length, note in phrase:
            at = first_bar * BAR + beat * BEAT
            mix.add(lead(note, length), at, 0.4, pan=-0.15)
            mix.add(lead(note - 12, length), at, 0.08, pan=0.2)  # a soft octave below for body


def add_drums(mix: Mix, rng: np.random.Generator) -> None:
    band_bars = range(2, len(PROGRESSION) - 2)
    for bar in band_bars:
        start = bar * BAR
        for beat in range(4):
            at = start + beat * BEAT
            if beat in (0, 2) or (beat == 3 and bar % 4 == 1):
                mix.add(kick(rng), at + (BEAT / 2 if beat == 3 else 0), 0.55)
            if beat in (1, 3):
                mix.add(snare(rng), at, 0.22, pan=0.1)
            mix.add(hat(rng), at, 0.06, pan=-0.3)
            mix.add(hat(rng, open_=beat % 2 == 1), at + BEAT / 2, 0.07, pan=-0.3)
    fill_start = (len(PROGRESSION) - 3) * BAR + 3 * BEAT
    for i in range(4):
        mix.add(snare(rng), fill_start + i * BEAT / 4, 0.1 + 0.04 * i, pan=0.1)
    home = (len(PROGRESSION) - 2) * BAR
    mix.add(kick(rng), home, 0.6)
    mix.add(cymbal(rng), home, 0.12, pan=-0.2)
    for bar in (0, 1):  # a light shaker in the intro
        for eighth in range(8):
            mix.add(hat(rng), bar * BAR + eighth * BEAT / 2, 0.025 + 0.015 * bar, pan=-0.3)


def reverb(
    stereo: np.ndarray, rng: np.random.Generator, seconds: float = 1.8, wet: float = 0.22
) -> np.ndarray:
    """Convolution with decaying, slightly darkened noise: a small, soft room."""
    t = np.arange(int(seconds * RATE)) / RATE
    decay = np.exp(-t / 0.45) * np.clip(t / 0.01, 0, 1)
    out = np.empty_like(stereo)
    size = 1 << int(np.ceil(np.log2(stereo.shape[1] + len(t))))
    for ch in range(2):
        ir = np.convolve(rng.standard_normal(len(t)), np.full(4, 0.25), mode="same") * decay
        ir /= np.sqrt(np.sum(ir**2))
        wet_signal = np.fft.irfft(np.fft.rfft(stereo[ch], size) * np.fft.rfft(ir, size), size)
        out[ch] = stereo[ch] + wet * wet_signal[: stereo.shape[1]]
    return out


def master(stereo: np.ndarray) -> np.ndarray:
    """Soft saturation, a fade at the very end, and the peak set to PEAK_DBFS."""
    drive = 1.6
    x = stereo / (np.max(np.abs(stereo)) + 1e-12)
    x = np.tanh(drive * x) / np.tanh(drive)
    fade = int(3.0 * RATE)
    x[:, -fade:] *= np.linspace(1.0, 0.0, fade) ** 2
    x[:, : int(0.005 * RATE)] *= np.linspace(0.0, 1.0, int(0.005 * RATE))
    out: np.ndarray = x * (10 ** (PEAK_DBFS / 20) / np.max(np.abs(x)))
    return out


def render() -> np.ndarray:
    """The finished piece as a (2, samples) float array in -1..1."""
    rng = np.random.default_rng(SEED)
    seconds = len(PROGRESSION) * BAR + TAIL_S
    mix = Mix(seconds)
    add_harmony(mix)
    add_melody(mix)
    add_drums(mix, rng)
    stereo = mix.stereo()[:, : int(seconds * RATE)]
    return master(reverb(stereo, rng))


def write_music(path: Path, stereo: np.ndarray) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from sndfile import write_ogg

    pcm = np.clip(np.round(stereo.T * 32767), -32767, 32767).astype(np.int16)
    write_ogg(path, pcm, RATE, quality=0.4)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    target = args.out / "uplift.ogg"
    stereo = render()
    write_music(target, stereo)
    seconds = stereo.shape[1] / RATE
    print(f"{target}  {seconds:.1f} s  {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
