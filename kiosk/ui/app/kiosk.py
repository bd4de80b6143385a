"""The running kiosk: wires the settings, the analysis thread, the window, the music and the records.

Reaction events arrive with the newest analysis result (never lost with a skipped frame,
see `results.LatestResult`): the showroom model (`kiosk.session.showroom`) decides which car
`switch_car` brings, and its `CarShown` reaches the reaction records and the showroom widget
alike, on one clock (the frames' time, `SessionClock`); `play_uplift` plays the music. Each
event and each state change is logged as one line starting with "event". Settings apply live
through `SettingsStore.settings_changed`.

Two audiences, two channels: visitors only ever see the showroom in the kiosk's language;
every problem goes to the one operator status (`OperatorStatus`: the log, /health and
/metrics, the discreet indicator on the showroom and the settings' Status page). Without an
operator PIN the kiosk shows its set-up screen, and the showroom starts once one is set; no
key, gesture or window message from the showroom side sets the PIN or closes the kiosk.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QColor

from kiosk.analytics.records import CarChange
from kiosk.appliance.identity import kiosk_id
from kiosk.appliance.resume import load_car, save_car
from kiosk.content.catalog import showroom_folder
from kiosk.health import HealthThresholds
from kiosk.paths import bundled_music_path, data_dir
from kiosk.reaction.engine import Event
from kiosk.session.catalog import CatalogStore
from kiosk.session.fleet_link import FleetLink
from kiosk.session.records import ReactionRecords
from kiosk.session.results import AnalysisResult, WorkerStatus
from kiosk.session.showroom import CarShown, SessionClock, ShowroomModel
from kiosk.settings.model import KioskSettings, privacy_notice
from kiosk.settings.pin import DAMAGED_MESSAGE, is_damaged
from kiosk.ui.app.catalog_watch import CatalogWatcher
from kiosk.ui.app.main_window import KioskWindow
from kiosk.ui.app.operator_door import OperatorDoor
from kiosk.ui.app.settings_apply import (
    LaunchOptions,
    LiveParts,
    apply_player_settings,
    apply_settings,
    apply_view_settings,
    music_path,
    worker_setup,
)
from kiosk.ui.app.worker import AnalysisController, display_path
from kiosk.ui.common.i18n import apply_language
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.operator.pin import PinDialog
from kiosk.ui.operator.status import OperatorStatus
from kiosk.ui.settings.dialog import SettingsDialog
from kiosk.ui.showroom.audio import UpliftPlayer
from kiosk.ui.showroom.images import Catalog, showroom_catalog

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_MS = 10_000  # then quit anyway; the caller waits for the thread off-screen
ROTATION_TICK_MS = 1000  # how often the showroom model is asked whether the next car is due


class Kiosk(QObject):
    """One running kiosk. `start()`, then `quit()` (after the PIN); `finished` when all has stopped;
    then its owner calls `dispose()`.

    The application owns it, not Python: the garbage collector may run on the analysis thread
    (any Python code there can trigger it), and must never be what deletes the kiosk and its Qt
    children (the window, the folder watcher's socket notifier, the media player, the timers)
    on that thread; that corrupts the GUI thread's event dispatch."""

    finished = Signal()
    showroom_started = Signal()  # the cars and the analysis run (at start, or once a PIN is set)
    car_shown = Signal(object)  # CarShown, after the widget and the records have it

    def __init__(self, store: SettingsStore, options: LaunchOptions | None = None) -> None:
        super().__init__(QCoreApplication.instance())
        self.store = store
        self.options = options = options or LaunchOptions()
        self.settings = store.settings
        self.language = apply_language(options.language or self.settings.language)  # before any text
        self.window = KioskWindow()
        self.status = WorkerStatus()
        self.clock = SessionClock()
        self.showroom = ShowroomModel(rotation_s=self.settings.rotation_s)
        self.visitor_present = False
        self.door = OperatorDoor(store, self.window, self._settings_dialog, self.quit, self)
        self._quitting = False
        self._finished = False
        self._showroom_started = False
        self.operator = OperatorStatus(
            HealthThresholds(self.settings.health_stale_s),
            data_folder=data_dir() if options.records else None,
            camera_configured=options.video is None,
            parent=self,
        )
        self.controller = AnalysisController(worker_setup(self.settings, options), self)
        # the fallback is for a chosen file that will not play
        self.player = UpliftPlayer(music_path(self.settings), fallback=bundled_music_path(), parent=self)
        apply_player_settings(self.player, self.settings)
        self.catalog = CatalogStore()  # the dealer's catalogue: the settings dialog saves through it
        self.catalog_watcher = CatalogWatcher(self)
        db = options.reaction_db or data_dir() / "reactions.sqlite3"
        self.analytics = ReactionRecords(
            db if options.records else None, retention_days=self.settings.retention_days
        )
        self.operator.add_poller(lambda: self.analytics.report_to(self.operator.state))
        self.kiosk_id = kiosk_id(data_dir())  # this kiosk in the fleet, whatever its name
        self.fleet: FleetLink | None = None
        if options.monitoring:
            self.fleet = FleetLink(self.settings, self.analytics.db_path, self.operator.state, self.kiosk_id)
        self._rotation = QTimer(self, interval=ROTATION_TICK_MS)
        self._shutdown_grace = QTimer(self, singleShot=True, interval=SHUTDOWN_GRACE_MS)
        self._parts = LiveParts(self.window, self.controller, self.player, self.analytics, self.fleet)
        self._connect()

    # -- set-up --------------------------------------------------------------------------

    def _connect(self) -> None:
        self.store.settings_changed.connect(self._on_settings_changed)
        self.controller.result_received.connect(self._on_result_received)
        self.controller.status_changed.connect(self._on_status_changed)
        self.controller.stopped.connect(self._on_controller_stopped)
        self.showroom.subscribe(self.analytics.car_shown)
        self.showroom.subscribe(self._on_car_shown)
        self.window.showroom.step_requested.connect(self._on_step_requested)
        self.window.exit_requested.connect(self.door.request_exit)
        self.window.settings_requested.connect(self.door.request_settings)
        self.player.playback_started.connect(self._on_playback_started)
        self.player.audio_failed.connect(self._on_audio_failed)
        self.catalog.subscribe(self._on_catalog_saved)
        self.catalog_watcher.catalog_replaced.connect(self._on_catalog_replaced)
        self._rotation.timeout.connect(self._on_rotation_timeout)
        self._shutdown_grace.timeout.connect(self._on_controller_stopped)
        self.operator.changed.connect(self._on_operator_changed)

    def start(self) -> None:
        """Show the window on its screen; then the showroom (the cars and the analysis), or the
        set-up screen while no operator PIN is set."""
        log.info("event kiosk_started data_dir=%s settings=%s", data_dir(), self.store.path)
        apply_view_settings(self.window, self.settings)
        self.window.place(self.settings.screen, windowed=self.options.windowed)
        self.window.cursor_hider.set_enabled(self.settings.hide_cursor and not self.options.windowed)
        self._report_settings_problems(self.store.last_report.warnings)
        self.operator.start()
        if self.settings.pin_hash:
            self._start_showroom()
        else:
            self._show_setup()

    def _start_showroom(self) -> None:
        self._showroom_started = True
        self._load_catalog(self.settings)
        self._rotation.start()
        self.controller.start()
        self.operator.monitor.analysis_started()
        self.showroom_started.emit()

    # -- first start: the set-up screen --------------------------------------------------

    @property
    def setting_up(self) -> bool:
        return self.window.setup_screen is not None

    def _show_setup(self) -> None:
        log.info("event setup_screen_shown (no operator PIN yet)")
        self.operator.problems.report(
            "setup_pending", "no operator PIN is set: the set-up screen waits for one (or run set-pin)"
        )
        self.window.cursor_hider.set_enabled(False)  # the installer needs the pointer
        screen = self.window.show_setup()
        screen.pin_chosen.connect(self._on_pin_chosen)

    @Slot(str)
    def _on_pin_chosen(self, pin_hash: str) -> None:
        self.store.update(replace(self.store.settings, pin_hash=pin_hash))
        log.info("event pin_created (set-up screen)")
        self.operator.problems.clear("setup_pending")
        self.window.hide_setup()
        self.window.cursor_hider.set_enabled(self.settings.hide_cursor and not self.options.windowed)
        self._start_showroom()

    def _load_catalog(self, settings: KioskSettings) -> None:
        # the setting's folder, the dealer's, or bundled
        self._show_catalog(showroom_catalog(settings.catalog_dir), settings.catalog_dir)

    def _show_catalog(self, catalog: Catalog, catalog_dir: str) -> None:
        resume = load_car(data_dir()) if self.options.records else None  # after a restart: same car
        self.showroom.set_cars(catalog.cars, self.clock.now(), start_at=resume)
        if not catalog.cars:
            self.window.showroom.set_cars(())
        self.catalog_watcher.watch(catalog_dir, catalog.stamp)
        self.operator.problems.set_all("catalog", [(str(i), p) for i, p in enumerate(catalog.problems)])

    def _on_catalog_saved(self, catalog: Catalog) -> None:
        """The settings dialog saved the dealer's cars through the catalogue store: show them now
        (the same commit points the settings at the dealer's catalogue)."""
        log.info("event catalog_replaced folder=%s", catalog.folder)
        self._show_catalog(catalog, "")

    @Slot()
    def _on_catalog_replaced(self) -> None:
        """Another process installed a catalogue (`python -m kiosk catalog import`): show it now."""
        log.info("event catalog_replaced folder=%s", showroom_folder(self.settings.catalog_dir))
        self._load_catalog(self.settings)

    # -- live results --------------------------------------------------------------------

    @Slot(object)
    def _on_result_received(self, result: AnalysisResult) -> None:
        if self._quitting:
            return  # the window is closing; the thread is stopping
        self.window.hud.show_result(result)
        if self.dialog is not None:
            self.dialog.show_result(result)
        t = self.clock.frame(result.t)
        face = result.analysis.visitor_face if result.analysis is not None else None
        self.analytics.observe(t, face.probs if face is not None else None, result.negative)
        self.operator.observe_result(result)
        self.visitor_present = result.visitor_present
        self.showroom.on_events(result.events, t)
        for event in result.events:
            self._on_reaction_event(event, result)

    def _on_reaction_event(self, event: Event, result: AnalysisResult) -> None:
        negative = f"{result.negative:.2f}" if result.negative is not None else "none"
        if event == Event.SWITCH_CAR:  # the model has shown the car the catalogue says cheers up
            car = self.showroom.current_car
            log.info("event switch_car car=%s negative=%s", car.id if car else "none", negative)
        elif event == Event.PLAY_UPLIFT:
            played = self.settings.audio_enabled and self.player.play()
            log.info("event play_uplift file=%s played=%s", self.player.path.name, "yes" if played else "no")
        else:
            log.info("event %s negative=%s", event.value, negative)

    def _on_car_shown(self, shown: CarShown) -> None:
        """The model showed a car: the widget crossfades to it (a new catalogue: at once)."""
        log.info("event car_shown car=%s reason=%s", shown.car.id, shown.reason.value)
        if shown.reason == CarChange.START:
            self.window.showroom.set_cars(self.showroom.cars, shown.index)
        else:
            self.window.showroom.show_index(shown.index)
        self.window.hud.set_accent(QColor(shown.car.accent))
        if self.options.records:
            save_car(data_dir(), shown.car.id)
        self.car_shown.emit(shown)

    @Slot(int)
    def _on_step_requested(self, delta: int) -> None:
        self.showroom.step(delta, self.clock.now())

    @Slot()
    def _on_rotation_timeout(self) -> None:
        self.showroom.tick(self.clock.now(), visitor_present=self.visitor_present)

    @Slot(object)
    def _on_status_changed(self, status: WorkerStatus) -> None:
        if self._quitting:
            return
        old, self.status = self.status, status
        self.window.hud.set_status(status)
        self.operator.observe_status(status)
        if (old.mode, old.source_state) != (status.mode, status.source_state):
            log.info(
                "event source mode=%s state=%s message=%s",
                status.mode.value,
                status.source_state.value,
                status.message,
            )

    # -- the operator's status -------------------------------------------------------------

    @Slot()
    def _on_operator_changed(self) -> None:
        self.window.showroom.set_attention(self.operator.level())

    def _report_storage_problems(self) -> None:
        self.operator.state.storage_checked(
            data_problem=self.options.data_problem,
            save_problem=self.store.save_problem,
            pin_damaged=f"{self.store.path}: {DAMAGED_MESSAGE}" if is_damaged(self.settings.pin_hash) else "",
        )

    def _report_settings_problems(self, warnings: tuple[str, ...]) -> None:
        self._report_storage_problems()
        self.operator.state.settings_loaded(warnings)

    def report_screen_keeper(self, state: str) -> None:
        """The screen keeper's state (kiosk.ui.app.screensaver)."""
        self.operator.state.screen_keeper_changed(state)

    # -- audio ---------------------------------------------------------------------------

    @Slot()
    def _on_playback_started(self) -> None:
        self.operator.problems.clear("music")
        self.analytics.audio_played(self.clock.now())

    @Slot(str)
    def _on_audio_failed(self, message: str) -> None:
        """Logged once per change (by the board): with no audio device every switch would repeat it."""
        self.operator.problems.report("music", message)

    # -- settings ------------------------------------------------------------------------

    @Slot(object)
    def _on_settings_changed(self, settings: KioskSettings) -> None:
        old, self.settings = self.settings, settings
        log.info("event settings_applied")
        redo = apply_settings(self._parts, self.options, old, settings)
        if redo.catalog:
            self._load_catalog(settings)
        if redo.rotation:
            self.showroom.set_rotation_s(settings.rotation_s, self.clock.now())
        if redo.language:
            self._change_language(settings.language)
        self.operator.monitor.thresholds = HealthThresholds(settings.health_stale_s)
        self._report_storage_problems()  # saving may have started or stopped failing

    def _change_language(self, choice: str) -> None:
        """Widgets repaint in the new language (LanguageChange); the notice and the messages are
        made again, and an open settings dialog is rebuilt in it (after Apply: nothing is lost)."""
        self.language = apply_language(choice)
        self.window.showroom.set_notice(privacy_notice(self.settings, self.language))
        self.door.language_changed()

    @property
    def dialog(self) -> SettingsDialog | None:
        """The settings dialog while it is open."""
        return self.door.dialog

    @property
    def pin_dialog(self) -> PinDialog | None:
        return self.door.pin_dialog

    def _settings_dialog(self) -> SettingsDialog:
        return SettingsDialog(
            self.store,
            reaction_store=self.analytics.store,
            reaction_notice=self.analytics.notice,
            operator=self.operator,
            health_url=self.fleet.url if self.fleet is not None else "",
            kiosk_id=self.kiosk_id,
            cars=self.showroom.cars,
            catalog=self.catalog,
            parent=self.window,
        )

    # -- exit ------------------------------------------------------------------------------

    @Slot()
    def quit(self) -> None:
        """Stop everything; `finished` fires once the analysis thread has ended."""
        if self._quitting:
            return
        self._quitting = True
        log.info("event kiosk_exit")
        self._rotation.stop()
        self.operator.stop()
        self.catalog_watcher.stop()
        self.player.stop()
        self.analytics.close(self.clock.now())
        if self.fleet is not None:
            self.fleet.close()
        self.door.close()
        self.window.allow_close()
        self.window.close()
        self.controller.stop()
        self._shutdown_grace.start()
        if not self.controller.is_running:  # the set-up screen: the analysis never started
            QTimer.singleShot(0, self, self._on_controller_stopped)

    def dispose(self) -> None:
        """Delete the window and the kiosk now, on the GUI thread (after `finished`, or unstarted)."""
        self.window.deleteLater()
        self.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    @Slot()
    def _on_controller_stopped(self) -> None:
        if self._quitting and not self._finished:
            self._finished = True
            self._shutdown_grace.stop()  # a finished kiosk leaves no timer behind
            self.finished.emit()


__all__ = ["Kiosk", "LaunchOptions", "display_path"]
