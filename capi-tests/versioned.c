/*
 * Checks that nlerr serves programs whose references carry the version
 * libnl_3, as programs linked against an upstream-built libnl-3 do.
 *
 * Linked against the stand-in library from capi-tests/standin.c, which
 * defines the three functions in the version node libnl_3, so the program's
 * references read nl_geterror@libnl_3 and so on. With the argument "standin"
 * it expects the stand-in's results; with "nlerr" (run it with
 * LD_PRELOAD=libnlerr.so) it expects nlerr's, for the program's own calls, for
 * dlvsym(RTLD_DEFAULT, name, "libnl_3") and for unversioned dlsym lookups.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>

#include <netlink/errno.h>

#include "check.h"

#define NLERR_MISSED 35
#define NLERR_MISSED_MESSAGE "Kernel reported missed message "

static const char *library_of(void *address)
{
	Dl_info info;

	if (!address || !dladdr(address, &info) || !info.dli_fname)
		return "(unknown)";
	return info.dli_fname;
}

static void check_location(void *address, const char *lookup, const char *library)
{
	const char *found = library_of(address);

	CHECK(strstr(found, library) != NULL, "%s lives in %s, expected %s", lookup, found, library);
}

int main(int argc, char **argv)
{
	static const char *const names[] = {"nl_geterror", "nl_perror", "nl_syserr2nlerr"};
	int expect_nlerr = argc > 1 && strcmp(argv[1], "nlerr") == 0;
	const char *library = expect_nlerr ? "libnlerr.so" : "libstandin.so";
	size_t i;

	if (argc != 2 || (!expect_nlerr && strcmp(argv[1], "standin") != 0)) {
		printf("usage: versioned nlerr|standin\n");
		return 2;
	}

	/* The program's own references, bound through their version. */
	check_location((void *)nl_geterror, "nl_geterror", library);
	check_location((void *)nl_perror, "nl_perror", library);
	check_location((void *)nl_syserr2nlerr, "nl_syserr2nlerr", library);

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char lookup[64];

		snprintf(lookup, sizeof(lookup), "dlvsym(%s, libnl_3)", names[i]);
		check_location(dlvsym(RTLD_DEFAULT, names[i], "libnl_3"), lookup, library);

		snprintf(lookup, sizeof(lookup), "dlsym(%s)", names[i]);
		check_location(dlsym(RTLD_DEFAULT, names[i]), lookup, library);

		/* Lookups name the version exactly: no library defines this one. */
		CHECK(dlvsym(RTLD_DEFAULT, names[i], "libnl_0") == NULL,
		      "dlvsym(%s, libnl_0) found a definition", names[i]);
	}

	if (expect_nlerr) {
		CHECK(nl_syserr2nlerr(ENOBUFS) == NLERR_MISSED, "nl_syserr2nlerr(ENOBUFS) is %d",
		      nl_syserr2nlerr(ENOBUFS));
		CHECK_STR(nl_geterror(NLERR_MISSED), NLERR_MISSED_MESSAGE, "nl_geterror(35)");
	} else {
		CHECK(nl_syserr2nlerr(ENOBUFS) == NLE_NOMEM, "nl_syserr2nlerr(ENOBUFS) is %d",
		      nl_syserr2nlerr(ENOBUFS));
		CHECK_STR(nl_geterror(NLERR_MISSED), "stand-in message", "nl_geterror(35)");
	}

	return check_finish(expect_nlerr ? "versioned (nlerr)" : "versioned (standin)");
}
