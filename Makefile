# nlerr: build, test and demo.
#
#   make          build target/release/libnlerr.so and libnlerr.a
#   make demo     show the kernel overflow with libnl and with nlerr
#   make test     Rust unit tests and the C tests in capi-tests/
#   make header   regenerate include/netlink/errno.h from src/
#   make bench    time and count instructions against libnl (not in test)
#
# demo and test install missing Debian packages when run as root, and
# otherwise stop with the apt-get command to run.

CC ?= cc
CARGO ?= cargo
CFLAGS ?= -O2 -g
WARNINGS := -Wall -Wextra -Werror

RELEASE := target/release
LIBRARY := $(RELEASE)/libnlerr.so
ARCHIVE := $(RELEASE)/libnlerr.a
BUILD := target/c

# Debian packages for the demo, and the extra ones the tests need
# (binutils provides readelf and strip).
DEMO_PACKAGES := libnl-3-dev libnl-route-3-dev pkg-config
TEST_PACKAGES := $(DEMO_PACKAGES) binutils

# Deferred (=) so that pkg-config runs only after the packages are present.
LIBNL_CFLAGS = $(shell pkg-config --cflags libnl-3.0)
LIBNL_LIBS = $(shell pkg-config --libs libnl-3.0)
LIBNL_ROUTE_CFLAGS = $(shell pkg-config --cflags libnl-3.0 libnl-route-3.0)
LIBNL_ROUTE_LIBS = $(shell pkg-config --libs libnl-3.0 libnl-route-3.0)

# nlerr's include/ comes first so that <netlink/errno.h> is nlerr's header.
NLERR_CFLAGS = -Iinclude $(LIBNL_CFLAGS)
NLERR_LIBS = -L$(RELEASE) -Wl,-rpath,$(abspath $(RELEASE)) -lnlerr

RUST_SOURCES := Cargo.toml Cargo.lock build.rs $(wildcard src/*.rs)

.PHONY: all library header demo test rust-test capi-test demo-packages test-packages clean

all: library

library: $(LIBRARY)

# The library's SONAME is libnlerr.so.1, so programs linked against it look
# for that name at run time: the link lets them run from the build tree.
$(LIBRARY) $(ARCHIVE) &: $(RUST_SOURCES)
	$(CARGO) build --release --locked
	ln -sf libnlerr.so $(RELEASE)/libnlerr.so.1

header:
	NLERR_WRITE_HEADER=1 $(CARGO) build --release --locked

# Installs the named Debian packages that are missing, or, when not root,
# stops with the command that installs them.
define require_packages
	@missing=""; \
	for package in $(1); do \
		dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'ok installed' \
			|| missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing missing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing Debian packages:$$missing" >&2; \
			echo "Install them with: sudo apt-get update && sudo apt-get install -y$$missing" >&2; \
			exit 1; \
		fi; \
	fi
endef

demo-packages:
	$(call require_packages,$(DEMO_PACKAGES))

test-packages:
	$(call require_packages,$(TEST_PACKAGES))

# --- Programs ---------------------------------------------------------------

$(BUILD)/overflow: examples/overflow.c include/netlink/errno.h | demo-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< $(LIBNL_ROUTE_LIBS) -o $@

$(BUILD)/abi: capi-tests/abi.c capi-tests/system_codes.c capi-tests/check.h capi-tests/code_names.h capi-tests/system_codes.h $(LIBRARY) | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $(LIBNL_CFLAGS) -c capi-tests/system_codes.c -o $(BUILD)/system_codes.o
	$(CC) $(CFLAGS) $(WARNINGS) $(NLERR_CFLAGS) capi-tests/abi.c $(BUILD)/system_codes.o $(NLERR_LIBS) -ldl -o $@

$(BUILD)/preload: capi-tests/preload.c capi-tests/check.h | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $(LIBNL_CFLAGS) $< $(LIBNL_LIBS) -ldl -o $@

$(BUILD)/perror: capi-tests/perror.c capi-tests/check.h $(LIBRARY) | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $(NLERR_CFLAGS) $< $(NLERR_LIBS) -ldl -o $@

# --- Demo -------------------------------------------------------------------

demo: demo-packages $(LIBRARY) $(BUILD)/overflow
	@sh examples/demo.sh $(BUILD)/overflow $(LIBRARY)

# --- Tests ------------------------------------------------------------------

CAPI_PROGRAMS := $(BUILD)/abi $(BUILD)/preload $(BUILD)/overflow $(BUILD)/perror $(BUILD)/plain.so

test: test-packages rust-test capi-test

rust-test:
	$(CARGO) test --locked

capi-test: $(LIBRARY) $(CAPI_PROGRAMS)
	@sh capi-tests/run.sh $(BUILD) $(LIBRARY)

# --- Size and benchmarks ----------------------------------------------------

# `make bench` is not part of `make test`: it measures and never fails on a
# figure. BENCHMARKS.md records its output.
BENCH_PACKAGES := $(TEST_PACKAGES) valgrind

.PHONY: bench bench-packages

bench-packages:
	$(call require_packages,$(BENCH_PACKAGES))

# The three functions in ordinary C, built with the compiler's defaults and
# stripped: the baseline for size and preload cost. The structure test also
# runs on it, to show that the test rejects a library that breaks its limits.
$(BUILD)/plain.so: bench/plain.c | test-packages
	@mkdir -p $(BUILD)
	$(CC) -O2 -fPIC -shared $(WARNINGS) $< -o $@
	strip $@

$(BUILD)/bench: bench/bench.c bench/inputs.h | bench-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $< -ldl -o $@

$(BUILD)/count: bench/count.c bench/inputs.h | bench-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $< -ldl -o $@

bench: bench-packages $(LIBRARY) $(BUILD)/plain.so $(BUILD)/bench $(BUILD)/count
	@sh capi-tests/structure.sh $(LIBRARY)
	@echo
	@$(BUILD)/bench $(LIBRARY) $(BUILD)/plain.so
	@echo
	@sh bench/instructions.sh $(BUILD) $(LIBRARY) $(BUILD)/plain.so

clean:
	$(CARGO) clean
