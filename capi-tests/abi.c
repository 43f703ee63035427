/*
 * Checks nlerr's constants, messages and nl_perror output against the system
 * libnl-3 (Debian's libnl 3.7).
 *
 * Built against nlerr's header and linked against libnlerr.so. The system
 * libnl-3 is opened with dlopen(RTLD_LOCAL), so dlsym on its handle returns
 * libnl's own definitions rather than nlerr's.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

#include <netlink/errno.h>

#include "capture.h"
#include "check.h"
#include "system_codes.h"

#define MISSED_MESSAGE "Kernel reported missed message "

struct libnl {
	const char *(*geterror)(int);
	void (*perror)(int, const char *);
};

static struct libnl open_system_libnl(void)
{
	struct libnl libnl = {0};
	void *handle = dlopen("libnl-3.so.200", RTLD_NOW | RTLD_LOCAL);
	Dl_info info;

	if (!handle) {
		printf("dlopen(libnl-3.so.200) failed: %s\n", dlerror());
		exit(1);
	}
	*(void **)&libnl.geterror = dlsym(handle, "nl_geterror");
	*(void **)&libnl.perror = dlsym(handle, "nl_perror");
	if (!libnl.geterror || !libnl.perror) {
		printf("dlsym on libnl-3.so.200 failed: %s\n", dlerror());
		exit(1);
	}

	/* Both lookups must land in libnl's file, not in libnlerr.so. */
	if (!dladdr(*(void **)&libnl.geterror, &info) || !strstr(info.dli_fname, "libnl-3.so") ||
	    !dladdr(*(void **)&libnl.perror, &info) || !strstr(info.dli_fname, "libnl-3.so")) {
		printf("libnl's functions resolved outside libnl-3.so\n");
		exit(1);
	}
	return libnl;
}

static void check_constants(void)
{
	int i;

#define CODE(name) {#name, name},
	static const struct named_code nlerr_codes[] = {
#include "code_names.h"
	};
#undef CODE

	CHECK(system_code_count == 35, "system header lists %d codes", system_code_count);
	for (i = 0; i < system_code_count; i++) {
		CHECK(strcmp(nlerr_codes[i].name, system_codes[i].name) == 0, "row %d", i);
		CHECK(nlerr_codes[i].value == system_codes[i].value, "%s is %d in nlerr, %d in libnl",
		      nlerr_codes[i].name, nlerr_codes[i].value, system_codes[i].value);
		CHECK(nlerr_codes[i].value == i, "%s is %d, expected %d", nlerr_codes[i].name,
		      nlerr_codes[i].value, i);
	}

	CHECK(system_nle_max == 34, "system NLE_MAX is %d", system_nle_max);
	CHECK(NLE_MISSED == 35, "NLE_MISSED is %d", NLE_MISSED);
	CHECK(NLE_MAX == 35, "NLE_MAX is %d", NLE_MAX);
}

static void check_messages(struct libnl libnl)
{
	int error;

	for (error = 0; error <= 34; error++) {
		CHECK_STR(nl_geterror(error), libnl.geterror(error), "nl_geterror(code)");
		CHECK_STR(nl_geterror(-error), libnl.geterror(-error), "nl_geterror(-code)");
	}
	CHECK_STR(nl_geterror(NLE_MISSED), MISSED_MESSAGE, "nl_geterror(NLE_MISSED)");
	CHECK_STR(nl_geterror(-NLE_MISSED), MISSED_MESSAGE, "nl_geterror(-NLE_MISSED)");

	/* Past NLE_MAX both fall back to NLE_FAILURE's message. */
	for (error = 36; error <= 1000; error++)
		CHECK_STR(nl_geterror(error), libnl.geterror(error), "nl_geterror(out of range)");
	CHECK_STR(nl_geterror(-2147483647 - 1), "Unspecific failure", "nl_geterror(INT_MIN)");
}

static void check_perror(struct libnl libnl)
{
	static const char *const prefixes[] = {NULL, "", "ordinary prefix"};
	char ours[256], theirs[256];
	size_t p;
	int error;

	capture_stderr(nl_perror, NLE_MISSED, NULL, ours, sizeof(ours));
	CHECK_STR(ours, MISSED_MESSAGE "\n", "nl_perror(NLE_MISSED, NULL)");
	capture_stderr(nl_perror, -NLE_MISSED, "", ours, sizeof(ours));
	CHECK_STR(ours, MISSED_MESSAGE "\n", "nl_perror(-NLE_MISSED, \"\")");
	capture_stderr(nl_perror, -NLE_MISSED, "recv", ours, sizeof(ours));
	CHECK_STR(ours, "recv: " MISSED_MESSAGE "\n", "nl_perror(-NLE_MISSED, \"recv\")");

	/* libnl's nl_perror reaches nl_geterror through its PLT, which binds to
	 * nlerr in this process, so this loop compares the line format only.
	 * perror_compare.c compares the bytes with libnl loaded alone. */
	for (p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++) {
		for (error = -40; error <= 40; error++) {
			if (error == NLE_MISSED || error == -NLE_MISSED)
				continue;
			capture_stderr(nl_perror, error, prefixes[p], ours, sizeof(ours));
			capture_stderr(libnl.perror, error, prefixes[p], theirs, sizeof(theirs));
			CHECK_STR(ours, theirs, "nl_perror output");
		}
	}
}

int main(void)
{
	struct libnl libnl = open_system_libnl();

	check_constants();
	check_messages(libnl);
	check_perror(libnl);
	return check_finish("abi");
}
