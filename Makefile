# Mentore: `make run` serves the demo, `make test` runs every suite.
SHELL := /bin/bash
PORT ?= 8080
HOST ?= 127.0.0.1
VENV := .venv
BUILD_PACKAGES := libsqlite3-dev zlib1g-dev curl libqrencode-dev pkg-config
TEST_PACKAGES := postgresql chromium chromium-driver default-jre-headless fonts-dejavu-core openssl unzip zbar-tools

.PHONY: run test build migrate seed format lint deps test-deps bench

run: deps build
	.build/debug/mentore migrate --yes
	.build/debug/mentore seed --demo
	PAYMENT_PROVIDERS=$${PAYMENT_PROVIDERS:-demo,bank-transfer} .build/debug/mentore serve --hostname $(HOST) --port $(PORT)

build:
	swift build

migrate: build
	.build/debug/mentore migrate --yes

seed: build
	.build/debug/mentore seed --demo

test: deps test-deps
	Tests/support/run-tests.sh

deps:
	@Tests/support/ensure-packages.sh $(BUILD_PACKAGES)

test-deps:
	@Tests/support/ensure-packages.sh $(BUILD_PACKAGES) $(TEST_PACKAGES)
	@test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	@$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/support/requirements.txt

# The door's benchmark (release build, SQLite and PostgreSQL): figures in Benchmarks/DOOR.md;
# sign-ups under load while the door works: Benchmarks/SIGNUPS.md.
bench: deps
	@Tests/support/ensure-packages.sh $(BUILD_PACKAGES) wrk postgresql
	Benchmarks/door.sh
	Benchmarks/signup-load.sh

format:
	swift format --in-place --recursive Sources Tests Benchmarks Package.swift

lint:
	swift format lint --strict --recursive Sources Tests Benchmarks Package.swift
