/*
 * Minimal checking helpers shared by the C tests. Each failed check prints
 * the file, line and a message to stdout. check_finish() prints the program's
 * count and returns its exit status, so a test's main ends with
 * `return check_finish();`.
 */
#ifndef NLERR_CHECK_H
#define NLERR_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed;
static int check_failed;

#define CHECK(condition, ...)                                                  \
	do {                                                                   \
		if (condition) {                                               \
			check_passed++;                                        \
		} else {                                                       \
			check_failed++;                                        \
			printf("%s:%d: check failed: %s: ", __FILE__, __LINE__, \
			       #condition);                                    \
			printf(__VA_ARGS__);                                   \
			printf("\n");                                          \
		}                                                              \
	} while (0)

/* Compares two NUL-terminated strings, printing both on a mismatch. */
#define CHECK_STR(actual, expected, what)                                      \
	do {                                                                   \
		const char *check_actual_ = (actual);                          \
		const char *check_expected_ = (expected);                      \
		CHECK(check_actual_ && strcmp(check_actual_, check_expected_) == 0, \
		      "%s: got \"%s\", expected \"%s\"", (what),               \
		      check_actual_ ? check_actual_ : "(null)", check_expected_); \
	} while (0)

static int check_finish(const char *name)
{
	printf("%s: %d checks passed, %d failed\n", name, check_passed, check_failed);
	return check_failed == 0 ? 0 : 1;
}

#endif
