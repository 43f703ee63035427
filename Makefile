# nlerr: build, test and demo.
#
#   make          build target/release/libnlerr.so and libnlerr.a
#   make demo     show the kernel overflow with libnl and with nlerr
#   make test     Rust unit tests and the C tests in capi-tests/
#   make header   regenerate include/netlink/errno.h from src/
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

# Debian packages for the demo, and the extra ones the tests need.
DEMO_PACKAGES := libnl-3-dev libnl-route-3-dev pkg-config
TEST_PACKAGES := $(DEMO_PACKAGES)

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

# --- Demo -------------------------------------------------------------------

demo: demo-packages $(LIBRARY) $(BUILD)/overflow
	@sh examples/demo.sh $(BUILD)/overflow $(LIBRARY)

# --- Tests ------------------------------------------------------------------

CAPI_PROGRAMS := $(BUILD)/abi $(BUILD)/preload $(BUILD)/overflow

test: test-packages rust-test capi-test

rust-test:
	$(CARGO) test --locked

capi-test: $(LIBRARY) $(CAPI_PROGRAMS)
	@sh capi-tests/run.sh $(BUILD) $(LIBRARY)

clean:
	$(CARGO) clean

# --- Hostile callers --------------------------------------------------------
#
# Tests that compare nlerr with the system libnl on every int and call it the
# way a careless or hostile program might: odd stderr states, many threads,
# signal handlers. capi-tests/run.sh runs them plainly, then again built with
# AddressSanitizer and UndefinedBehaviorSanitizer, and under valgrind.

# gcc-12's sanitizer runtimes come as libasan8 and libubsan1. The sanitizer
# builds use gcc whatever CC is, because -static-libasan is gcc's flag.
TEST_PACKAGES += gcc libasan8 libubsan1 valgrind

SANITIZE_CC := gcc
SANITIZE_BUILD := $(BUILD)/asan

# The runtimes are linked statically so that the programs also run with
# LD_PRELOAD=libnlerr.so: a shared ASan runtime insists on coming first in
# the list of loaded libraries.
SANITIZE_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all -static-libasan -static-libubsan

# Programs that load nlerr and libnl side by side with dlopen(RTLD_LOCAL).
SIDE_BY_SIDE := every_input perror_compare stderr_states

# Programs linked against libnlerr.so.
LINKED := errno_kept threads signals

# heap defines malloc itself, which AddressSanitizer also replaces, so it has
# no sanitizer build.
HOSTILE_PROGRAMS := $(addprefix $(BUILD)/,$(SIDE_BY_SIDE) $(LINKED) heap)
SANITIZED_PROGRAMS := $(addprefix $(SANITIZE_BUILD)/,$(SIDE_BY_SIDE) $(LINKED) abi preload overflow)

$(addprefix $(BUILD)/,$(SIDE_BY_SIDE)): $(BUILD)/%: capi-tests/%.c capi-tests/error_modules.h capi-tests/check.h include/netlink/errno.h | test-packages
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARNINGS) -pthread $(NLERR_CFLAGS) $< -ldl -o $@

$(addprefix $(BUILD)/,$(LINKED) heap): $(BUILD)/%: capi-tests/%.c capi-tests/check.h include/netlink/errno.h $(LIBRARY) | test-packages
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARNINGS) -pthread $(NLERR_CFLAGS) $< $(NLERR_LIBS) -o $@

$(addprefix $(SANITIZE_BUILD)/,$(SIDE_BY_SIDE)): $(SANITIZE_BUILD)/%: capi-tests/%.c capi-tests/error_modules.h capi-tests/check.h include/netlink/errno.h | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) -pthread $(NLERR_CFLAGS) $< -ldl -o $@

$(addprefix $(SANITIZE_BUILD)/,$(LINKED)): $(SANITIZE_BUILD)/%: capi-tests/%.c capi-tests/check.h include/netlink/errno.h $(LIBRARY) | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) -pthread $(NLERR_CFLAGS) $< $(NLERR_LIBS) -o $@

# Sanitizer builds of the programs from the Programs section, with the same
# sources and libraries.
$(SANITIZE_BUILD)/abi: capi-tests/abi.c capi-tests/system_codes.c capi-tests/check.h capi-tests/code_names.h capi-tests/system_codes.h $(LIBRARY) | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) $(LIBNL_CFLAGS) -c capi-tests/system_codes.c -o $(SANITIZE_BUILD)/system_codes.o
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) $(NLERR_CFLAGS) capi-tests/abi.c $(SANITIZE_BUILD)/system_codes.o $(NLERR_LIBS) -ldl -o $@

$(SANITIZE_BUILD)/preload: capi-tests/preload.c capi-tests/check.h | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) $(LIBNL_CFLAGS) $< $(LIBNL_LIBS) -ldl -o $@

$(SANITIZE_BUILD)/overflow: examples/overflow.c include/netlink/errno.h | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< $(LIBNL_ROUTE_LIBS) -o $@

capi-test: $(HOSTILE_PROGRAMS) $(SANITIZED_PROGRAMS)
