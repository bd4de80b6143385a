"""tools/fault_soak.py counts the exposures the kiosk logged: its pattern must match the line
the kiosk writes, in the log file's own format, from the module that writes it."""

from __future__ import annotations

import logging

from fault_soak import CAR_SHOWN

from kiosk.ui.app import kiosk as kiosk_module
from kiosk.ui.app.runtime import LOG_FORMAT


def test_the_fault_soak_reads_the_car_shown_lines_the_kiosk_writes() -> None:
    record = logging.LogRecord(
        kiosk_module.log.name,
        logging.INFO,
        __file__,
        1,
        "event car_shown car=%s reason=%s",
        ("aurora-gt", "start"),
        None,
    )
    line = logging.Formatter(LOG_FORMAT).format(record)
    match = CAR_SHOWN.match(line)
    assert match is not None, line
    assert match.group(2) == "aurora-gt"
    assert CAR_SHOWN.match(line.replace("INFO", "WARNING")) is None
