# SPDX-License-Identifier: MIT
# tonic — the two commands (`make demo`, `make test`) plus `make bench`. Each one installs what is
# missing (scripts/setup.sh), configures and builds with CMake into build/, then runs.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all setup build demo test bench regs clean

all: build

setup:
	@bash scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash scripts/demo.sh $(BUILD)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bash scripts/setup.sh --bench
	@bash bench/run.sh $(BUILD)
	@bash bench/cpu.sh $(BUILD)
	@bash bench/parse.sh $(BUILD)
	@bash bench/crypto_gcm.sh $(BUILD)
	@bash bench/crypto_sha.sh $(BUILD)

regs:
	@python3 scripts/regmap.py rtl/regs/tonic_regs.toml --md docs/registers.md

clean:
	rm -rf $(BUILD)
