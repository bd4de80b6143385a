# Two commands on a fresh Debian/Ubuntu machine: `make run` and `make test`.
# Each installs what it needs when missing (system libraries, .venv, the package) and is safe to run twice.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Libraries Qt (xcb, EGL, fonts, D-Bus), QtMultimedia (PulseAudio) and the screenshot tools need.
APT_PACKAGES := python3-venv libpulse0 libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libfreetype6 libdbus-1-3 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
	libxcb-xfixes0 libx11-xcb1 xvfb imagemagick

.PHONY: run test lint screenshot dist clean setup

run: setup
	$(PY) -m kiosk $(ARGS)

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check kiosk training tests
	$(VENV)/bin/ruff format --check kiosk training tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

setup: $(STAMPS)/system $(STAMPS)/venv

$(STAMPS)/system:
	@mkdir -p $(STAMPS)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:" $$missing; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi
	@touch $@

$(STAMPS)/venv: pyproject.toml
	@mkdir -p $(STAMPS)
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev,train,build]"
	@touch $@

clean:
	rm -rf $(STAMPS) build dist .pytest_cache .mypy_cache .ruff_cache
