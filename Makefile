# Two commands on a fresh Debian/Ubuntu machine: `make run` and `make test`.
# Each installs what it needs when missing (system libraries, .venv, the package) and is safe to run twice.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
# The exact package set (tools/lock.py): `make setup` installs it, `make lock` refreshes it.
LOCK := requirements-lock.txt
EXTRAS := dev,train,build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Libraries Qt (xcb, EGL, fonts, D-Bus), QtMultimedia (PulseAudio) and the screenshot tools need;
# binutils (readelf, strip) and gcc (the OpenBLAS shim, tools/cv2_blas_shim.c) for `make dist`;
# libsndfile1 for tools/synth_music.py and the tests that read the Ogg Vorbis music.
APT_PACKAGES := python3-venv libpulse0 libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libfreetype6 libdbus-1-3 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
	libxcb-xfixes0 libx11-xcb1 xvfb imagemagick binutils gcc libsndfile1

.PHONY: run test lint screenshot translations dist selftest-dist deb check-deb clean setup lock lock-windows soak soak-faults

run: setup
	$(PY) -m kiosk $(ARGS)

test: setup $(STAMPS)/postgresql $(STAMPS)/appliance-tools
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The whole kiosk offscreen on the looped demo clip (tools/soak.py): prints RSS at start and end,
# its slope per hour, dropped results and the threads/timers alive, as JSON; fails past the growth limit.
SOAK_MINUTES ?= 60
SOAK_MAX_GROWTH_MB ?= 20
soak: setup
	QT_QPA_PLATFORM=offscreen $(PY) tools/soak.py --minutes $(SOAK_MINUTES) --max-growth-mb $(SOAK_MAX_GROWTH_MB)

# The fault soak (tools/fault_soak.py): the kiosk in its own process, offscreen, on a network camera,
# its data folder on a small disk of its own (a tmpfs in a user namespace), while the camera, the
# database, the disk and SIGHUP fail on a schedule; prints a JSON report, fails on a crash, a lost
# exposure outside the faults, /health not back to ok, or RSS growth past the limit.
SOAK_FAULT_MINUTES ?= 30
soak-faults: setup
	$(PY) tools/fault_soak.py --minutes $(SOAK_FAULT_MINUTES) --max-growth-mb $(SOAK_MAX_GROWTH_MB)

lint: setup
	$(VENV)/bin/ruff check kiosk training tests
	$(VENV)/bin/ruff format --check kiosk training tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# The dealer's executable: dist/EmotionKiosk/ (one folder). KIOSK_MODEL=FILE bundles another model.
DIST := dist/EmotionKiosk
# The size target: 350 MB is 333.8 MiB (333.7 leaves a little margin for rounding).
DIST_MAX_MB ?= 333.7
SELFTEST_DIR := build/selftest

dist: setup
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN build.spec
	$(PY) tools/check_bundle.py $(DIST) --max-mb $(DIST_MAX_MB)

# Builds, then runs the bundle headless: its --self-test, and the kiosk window for a few seconds.
selftest-dist: dist
	rm -rf $(SELFTEST_DIR) && mkdir -p $(SELFTEST_DIR)
	QT_QPA_PLATFORM=offscreen $(DIST)/EmotionKiosk --self-test --data-dir $(SELFTEST_DIR)/data
	printf '2580\n2580\n' | $(DIST)/EmotionKiosk set-pin --data-dir $(SELFTEST_DIR)/window  # set up: the showroom
	QT_QPA_PLATFORM=offscreen KIOSK_SCREENSHOT=$(SELFTEST_DIR)/window.png KIOSK_SCREENSHOT_AFTER_MS=4000 \
		timeout 120 $(DIST)/EmotionKiosk --windowed --video $(DIST)/_internal/resources/demo/demo.mp4 \
		--data-dir $(SELFTEST_DIR)/window
	@test -s $(SELFTEST_DIR)/window.png || { echo "the kiosk window did not start from $(DIST)"; exit 1; }
	@echo "$(DIST): self-test passed, the window started ($(SELFTEST_DIR)/window.png)"

# The Debian package of $(DIST) (tools/make_deb.py), into dist/; `make dist` first rebuilds the folder.
DEB = dist/emotion-kiosk_$$($(PY) -c 'import kiosk; print(kiosk.__version__)')_$$(dpkg --print-architecture).deb

deb: setup
	@[ -x $(DIST)/EmotionKiosk ] || $(MAKE) dist
	$(PY) tools/make_deb.py $(DIST) --out dist

# Installs the package on this machine, runs it, verifies its autostart unit, removes it.
check-deb: deb $(STAMPS)/appliance-tools
	$(SUDO) packaging/linux/check_deb.sh $(DEB)

# docs/screenshot.png: the kiosk full screen under Xvfb at 1920x1080 on the demo clip, grabbed by Qt
# (KIOSK_SCREENSHOT) during the visitor's unhappy phase. Needs models/emotion.onnx.
# `make screenshot LANG=de` (fr, es, it) writes docs/screenshot-de.png in that language. Only a LANG
# given on make's command line counts: the environment's LANG (a locale such as C.UTF-8) does not.
SCREENSHOT_DATA := build/screenshot
SCREENSHOT_AFTER_MS ?= 11500
SHOT_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),en)
SHOT_FILE := docs/screenshot$(if $(filter-out en,$(SHOT_LANG)),-$(SHOT_LANG)).png

screenshot: setup
	rm -rf $(SCREENSHOT_DATA) && mkdir -p $(SCREENSHOT_DATA) docs
	printf '2580\n2580\n' | $(PY) -m kiosk set-pin --data-dir $(SCREENSHOT_DATA) >/dev/null  # set up: the showroom
	KIOSK_SCREENSHOT=$(SHOT_FILE) KIOSK_SCREENSHOT_AFTER_MS=$(SCREENSHOT_AFTER_MS) LANG=C.UTF-8 timeout 120 \
		xvfb-run -a -s "-screen 0 1920x1080x24" $(PY) -m kiosk --video resources/demo/demo.mp4 \
		--data-dir $(SCREENSHOT_DATA) --language $(SHOT_LANG)
	@test -s $(SHOT_FILE) || { echo "no screenshot was written"; exit 1; }
	@echo "$(SHOT_FILE) written"

# resources/translations/kiosk_<code>.ts from every tr()/translate()/QT_TRANSLATE_NOOP() string in
# kiosk/ (pyside6-lupdate: new strings come in unfinished, vanished ones go), then each .qm from its
# .ts (pyside6-lrelease). Translate what it lists, run it again, and commit the .ts and .qm files.
translations: setup
	$(PY) tools/translations.py

setup: $(STAMPS)/system $(STAMPS)/venv

$(STAMPS)/system:
	@mkdir -p $(STAMPS)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:" $$missing; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi
	@touch $@

# The fleet tests start a throw-away PostgreSQL server (tests/pg_cluster.py): initdb and pg_ctl.
$(STAMPS)/postgresql:
	@mkdir -p $(STAMPS)
	@dpkg-query -W -f='$${Status}' postgresql 2>/dev/null | grep -q "ok installed" || { \
		echo "Installing PostgreSQL for the fleet tests"; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q postgresql; }
	@touch $@

# The screensaver tests start a D-Bus session bus (dbus-daemon); the autostart ones run systemd-analyze.
$(STAMPS)/appliance-tools:
	@mkdir -p $(STAMPS)
	@command -v dbus-daemon >/dev/null && command -v systemd-analyze >/dev/null || { \
		echo "Installing dbus and systemd for the appliance tests"; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q dbus systemd; }
	@touch $@

# Every package at its version in $(LOCK) (pip itself too), so the tests, the linters and the bundle
# run on one set; a changed lock or pyproject.toml installs again. tools/lock.py --verify checks the result.
$(STAMPS)/venv: pyproject.toml $(LOCK)
	@mkdir -p $(STAMPS)
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c $(LOCK) pip
	$(PY) -m pip install -q -c $(LOCK) -e ".[$(EXTRAS)]"
	$(PY) tools/lock.py --verify --lock $(LOCK)
	@touch $@

# Refreshes $(LOCK): pyproject.toml's ranges resolved afresh (the newest releases that fit), then
# installed. Run `make test` and `make selftest-dist` on the new set before committing it.
lock: setup
	$(PY) tools/lock.py --extras $(EXTRAS) --lock $(LOCK)
	$(MAKE) setup

# Refreshes $(WINDOWS_LOCK), the Windows build's set (the project and its [build] extra, CPython 3.11
# on win_amd64), from this machine: $(LOCK)'s versions wherever Windows has them, Windows' own markers
# (tools/lock.py --platform windows). Run it after `make lock`; CI's Windows job installs exactly it.
WINDOWS_LOCK := requirements-lock-windows.txt
lock-windows: setup
	$(PY) tools/lock.py --platform windows --like $(LOCK) --lock $(WINDOWS_LOCK)

clean:
	rm -rf $(STAMPS) build dist .pytest_cache .mypy_cache .ruff_cache
