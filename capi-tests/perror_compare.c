/*
 * Compares nlerr's nl_perror output with the system libnl-3's byte for byte,
 * for unusual prefixes and for codes that are positive, negative and out of
 * range.
 *
 * Each call writes through the C stderr stream into a temporary file, and the
 * whole file is compared, length included. Both outputs are also compared
 * with the line built from the documented format, so that two empty outputs
 * do not pass. At |e| = 35 the outputs differ on purpose: nlerr prints
 * NLE_MISSED's message and libnl prints NLE_FAILURE's, which also shows that
 * libnl's nl_perror calls libnl's own nl_geterror here.
 *
 * Usage: perror_compare LIBNLERR_PATH
 */
#define _GNU_SOURCE
#include <limits.h>
#include <unistd.h>

#include <netlink/errno.h>

#include "check.h"
#include "error_modules.h"

#define MISSED_MESSAGE "Kernel reported missed message "
#define FAILURE_MESSAGE "Unspecific failure"
#define LONG_PREFIX_BYTES 100000

struct output {
	char *bytes;
	size_t length;
};

/* Calls perror_function(error, prefix) with file descriptor 2 redirected
 * into a temporary file, and returns everything written there. */
static struct output capture_perror(void (*perror_function)(int, const char *), int error,
				    const char *prefix)
{
	struct output output = {0};
	FILE *capture = tmpfile();
	long length;
	int saved_fd;

	fflush(stderr);
	saved_fd = dup(2);
	if (!capture || saved_fd < 0 || dup2(fileno(capture), 2) < 0) {
		printf("redirecting stderr into a temporary file failed\n");
		exit(1);
	}

	perror_function(error, prefix);
	fflush(stderr);

	dup2(saved_fd, 2);
	close(saved_fd);

	/* Only the descriptor was written, so the FILE contains no buffered data
	 * and its descriptor's size is the output's length. */
	length = lseek(fileno(capture), 0, SEEK_END);
	output.bytes = malloc(length > 0 ? (size_t)length + 1 : 1);
	if (length < 0 || !output.bytes) {
		printf("reading the captured output failed\n");
		exit(1);
	}
	output.length = pread(fileno(capture), output.bytes, (size_t)length, 0) == length
				? (size_t)length
				: 0;
	output.bytes[output.length] = '\0';
	fclose(capture);
	return output;
}

/* Returns the line nl_perror is documented to write. */
static struct output expected_line(const char *prefix, const char *message)
{
	struct output line;
	size_t prefix_length = prefix && *prefix ? strlen(prefix) + 2 : 0;
	size_t message_length = strlen(message);

	line.length = prefix_length + message_length + 1;
	line.bytes = malloc(line.length + 1);
	if (!line.bytes) {
		printf("malloc failed\n");
		exit(1);
	}
	if (prefix_length) {
		memcpy(line.bytes, prefix, prefix_length - 2);
		memcpy(line.bytes + prefix_length - 2, ": ", 2);
	}
	memcpy(line.bytes + prefix_length, message, message_length);
	line.bytes[line.length - 1] = '\n';
	line.bytes[line.length] = '\0';
	return line;
}

static int same_output(struct output a, struct output b)
{
	return a.length == b.length && memcmp(a.bytes, b.bytes, a.length) == 0;
}

/* Names a prefix for failure messages without printing 100 000 bytes. */
static const char *describe(const char *prefix)
{
	if (!prefix)
		return "NULL";
	if (strlen(prefix) > 60)
		return "(100 000-byte prefix)";
	return prefix;
}

static void compare_perror(struct error_module nlerr, struct error_module libnl, int error,
			   const char *prefix)
{
	int intended = error == NLE_MISSED || error == -NLE_MISSED;
	struct output ours = capture_perror(nlerr.perror, error, prefix);
	struct output theirs = capture_perror(libnl.perror, error, prefix);
	struct output ours_expected =
		expected_line(prefix, intended ? MISSED_MESSAGE : libnl.geterror(error));
	struct output theirs_expected =
		expected_line(prefix, intended ? FAILURE_MESSAGE : libnl.geterror(error));

	CHECK(same_output(ours, ours_expected),
	      "nlerr nl_perror(%d, %s) wrote %zu bytes \"%.80s\", expected %zu bytes \"%.80s\"",
	      error, describe(prefix), ours.length, ours.bytes, ours_expected.length,
	      ours_expected.bytes);
	CHECK(same_output(theirs, theirs_expected),
	      "libnl nl_perror(%d, %s) wrote %zu bytes \"%.80s\", expected %zu bytes \"%.80s\"",
	      error, describe(prefix), theirs.length, theirs.bytes, theirs_expected.length,
	      theirs_expected.bytes);
	if (!intended)
		CHECK(same_output(ours, theirs), "nl_perror(%d, %s): nlerr and libnl differ", error,
		      describe(prefix));

	free(ours.bytes);
	free(theirs.bytes);
	free(ours_expected.bytes);
	free(theirs_expected.bytes);
}

int main(int argc, char **argv)
{
	static const int errors[] = {
		0, 1, NLE_NOMEM, 34, -1, -NLE_NOMEM, -34, 35, -35, 36, -36, 1000, -1000,
		INT_MAX, -INT_MAX,
	};
	char *long_prefix = malloc(LONG_PREFIX_BYTES + 1);
	const char *prefixes[] = {
		NULL,
		"",
		"ordinary prefix",
		"%s%n%x",
		"\xff\xfe not UTF-8 \xc3\x28 \xed\xa0\x80 \xc0\xaf",
		"first line\nsecond line",
		long_prefix,
	};
	struct error_module nlerr, libnl;
	struct output int_min, int_min_expected;
	size_t p, e, i;

	if (argc != 2) {
		printf("usage: perror_compare LIBNLERR_PATH\n");
		return 2;
	}
	if (!long_prefix) {
		printf("malloc failed\n");
		return 1;
	}
	open_error_modules(argv[1], &nlerr, &libnl);

	/* A repeating alphabet, so that a truncated or shifted copy differs. */
	for (i = 0; i < LONG_PREFIX_BYTES; i++)
		long_prefix[i] = (char)('a' + i % 26);
	long_prefix[LONG_PREFIX_BYTES] = '\0';

	for (p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++)
		for (e = 0; e < sizeof(errors) / sizeof(errors[0]); e++)
			compare_perror(nlerr, libnl, errors[e], prefixes[p]);

	/* libnl indexes its table with abs(INT_MIN), which is undefined, so
	 * only nlerr is called with INT_MIN. */
	int_min = capture_perror(nlerr.perror, INT_MIN, "min");
	int_min_expected = expected_line("min", FAILURE_MESSAGE);
	CHECK(same_output(int_min, int_min_expected), "nlerr nl_perror(INT_MIN, \"min\") wrote \"%s\"",
	      int_min.bytes);
	free(int_min.bytes);
	free(int_min_expected.bytes);

	free(long_prefix);
	return check_finish("perror_compare");
}
