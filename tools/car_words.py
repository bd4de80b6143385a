"""The bundled cars' words in the kiosk's other languages, for tools/render_cars.py.

render_cars.py holds each car's English words; this holds their German, French, Spanish and
Italian: the taglines, the key figures' labels, and the figures as each language writes them
(a decimal comma, its own thousands separator, PS, ch or CV for horsepower). render_cars.py
writes them into resources/cars/catalog.json as texts by language (catalogue format 3).
"""

from __future__ import annotations

import re

OTHER_LANGUAGES = ("de", "fr", "es", "it")
NBSP = "\u00a0"  # French groups thousands with a space that never breaks a line

TAGLINES: dict[str, dict[str, str]] = {
    "aurora-gt": {
        "de": "Ein Gran Turismo, der jede Straße zum schönsten Umweg nach Hause macht.",
        "fr": "Une grande routière qui fait de chaque route le plus beau des détours.",
        "es": "Un gran turismo que convierte cada carretera en el camino largo a casa.",
        "it": "Una gran turismo che trasforma ogni strada nella via più bella verso casa.",
    },
    "lumen-ev": {
        "de": "Leise, hell und rein elektrisch: der Crossover, der lädt, während Sie einkaufen.",
        "fr": (
            "Silencieux, lumineux et 100\u00a0% électrique\u00a0: "
            "le crossover qui se recharge pendant vos courses."
        ),
        "es": (
            "Silencioso, luminoso y 100\u00a0% eléctrico: el crossover que se carga mientras haces la compra."
        ),
        "it": "Silenzioso, luminoso e tutto elettrico: il crossover che si ricarica mentre fai shopping.",
    },
    "borealis-x": {
        "de": "Sieben Sitze, Allradantrieb und Platz für jedes Abenteuer.",
        "fr": "Sept places, quatre roues motrices et de l'espace pour toutes les aventures.",
        "es": "Siete plazas, tracción total y espacio para cada aventura.",
        "it": "Sette posti, trazione integrale e spazio per ogni avventura.",
    },
    "celesta": {
        "de": "Eine Business-Limousine mit flüsterleisem Innenraum und der Gelassenheit eines Chauffeurs.",
        "fr": "Une berline de prestige à l'habitacle feutré, avec le calme d'un chauffeur.",
        "es": "Una berlina ejecutiva de habitáculo silencioso, con la calma de un chófer.",
        "it": "Un'ammiraglia dall'abitacolo silenzioso, con la calma di un autista.",
    },
    "fjord-estate": {
        "de": "Ein langes Dach, ein ebener Boden und 1.600 Liter für alles, was Sie lieben.",
        "fr": "Un long pavillon, un plancher plat et 1\u00a0600 litres pour tout ce que vous aimez.",
        "es": "Un techo largo, un suelo plano y 1600 litros para todo lo que te gusta.",
        "it": "Un tetto lungo, un piano di carico piatto e 1.600 litri per tutto ciò che ami.",
    },
    "pico": {
        "de": "Außen klein, innen geräumig und in jeder Parklücke zu Hause.",
        "fr": "Petite dehors, spacieuse dedans, et à l'aise sur toutes les places de parking.",
        "es": "Pequeño por fuera, amplio por dentro y feliz en cualquier aparcamiento.",
        "it": "Piccola fuori, spaziosa dentro e a suo agio in ogni parcheggio.",
    },
    "ironbark": {
        "de": "Ein Pick-up mit Doppelkabine: werktags ein Arbeitstier, am Wochenende ab in die Berge.",
        "fr": "Un pick-up double cabine qui travaille toute la semaine et file à la montagne le week-end.",
        "es": (
            "Un pick-up de doble cabina que trabaja toda la semana y se escapa a la montaña el fin de semana."
        ),
        "it": "Un pick-up a doppia cabina che lavora tutta la settimana e nel weekend parte per la montagna.",
    },
}

LABELS: dict[str, dict[str, str]] = {  # "0–100 km/h" reads the same everywhere
    "Power": {"de": "Leistung", "fr": "Puissance", "es": "Potencia", "it": "Potenza"},
    "Range": {"de": "Reichweite", "fr": "Autonomie", "es": "Autonomía", "it": "Autonomia"},
    "Seats": {"de": "Sitze", "fr": "Places", "es": "Plazas", "it": "Posti"},
    "Boot": {"de": "Kofferraum", "fr": "Coffre", "es": "Maletero", "it": "Bagagliaio"},
    "Economy": {"de": "Verbrauch", "fr": "Consommation", "es": "Consumo", "it": "Consumo"},
    "Towing": {"de": "Anhängelast", "fr": "Remorquage", "es": "Remolque", "it": "Traino"},
}
HORSEPOWER = {"de": "PS", "fr": "ch", "es": "CV", "it": "CV"}
THOUSANDS = {"de": ".", "fr": NBSP, "es": "", "it": "."}  # Spanish writes 1600 and 3500 unbroken


def text(english: str, others: dict[str, str] | None) -> str | dict[str, str]:
    """A catalogue text: the English alone, or one per language where the others differ."""
    return {"en": english, **others} if others else english


def figure(value: str) -> dict[str, str] | None:
    """A key figure as each language writes it ("4.9 s" -> "4,9 s"); None where all write it alike."""
    if value.endswith(" hp"):
        return {code: f"{value[:-3]} {HORSEPOWER[code]}" for code in OTHER_LANGUAGES}
    if re.match(r"^\d+\.\d", value):
        return {code: value.replace(".", ",", 1) for code in OTHER_LANGUAGES}
    if re.match(r"^\d{1,3}(,\d{3})+ ", value):
        return {code: value.replace(",", THOUSANDS[code]) for code in OTHER_LANGUAGES}
    return None
