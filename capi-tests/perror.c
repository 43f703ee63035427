/*
 * Checks the edges of nlerr's nl_perror. Its output for prefixes around and
 * above the 1024 bytes it assembles per write must match the system
 * libnl-3's byte for byte. errno must survive a successful and a failed
 * write, and a NULL stderr must produce no output.
 *
 * Built against nlerr's header and linked against libnlerr.so. The system
 * libnl-3 is opened with dlopen(RTLD_LOCAL), so dlsym on its handle returns
 * libnl's own nl_perror.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <netlink/errno.h>

#include "check.h"

/* Capture buffer size, above the longest line checked: a 5000-byte prefix,
 * ": ", a message and "\n". */
#define OUTPUT_SIZE 8192

typedef void (*perror_function)(int, const char *);

static perror_function open_libnl_perror(void)
{
	perror_function function;
	void *handle = dlopen("libnl-3.so.200", RTLD_NOW | RTLD_LOCAL);

	if (!handle) {
		printf("dlopen(libnl-3.so.200) failed: %s\n", dlerror());
		exit(1);
	}
	*(void **)&function = dlsym(handle, "nl_perror");
	if (!function) {
		printf("dlsym(nl_perror) on libnl-3.so.200 failed: %s\n", dlerror());
		exit(1);
	}
	return function;
}

/* Runs `function` with descriptor 2 on a temporary file and returns what it
 * wrote, NUL-terminated, in `output`. */
static void capture(perror_function function, int error, const char *prefix,
		    char output[OUTPUT_SIZE])
{
	FILE *file = tmpfile();
	int saved_fd;
	size_t length;

	fflush(stderr);
	saved_fd = dup(STDERR_FILENO);
	if (!file || saved_fd < 0 || dup2(fileno(file), STDERR_FILENO) < 0) {
		printf("redirecting stderr failed\n");
		exit(1);
	}

	function(error, prefix);
	fflush(stderr);

	dup2(saved_fd, STDERR_FILENO);
	close(saved_fd);
	rewind(file);
	length = fread(output, 1, OUTPUT_SIZE - 1, file);
	output[length] = '\0';
	fclose(file);
}

/* Compares nlerr's and libnl's output for prefixes of many lengths, so that
 * the line crosses the 1024-byte boundary at every position: inside the
 * prefix, in ": ", in the message and at the newline. */
static void check_long_prefixes(perror_function libnl_perror)
{
	static const int codes[] = {NLE_SUCCESS, NLE_NOMEM, NLE_NOADDR, -NLE_DUMP_INTR};
	static const size_t lengths[] = {2047, 2048, 2049, 3000, 5000};
	static char prefix[6000];
	static char ours[OUTPUT_SIZE], theirs[OUTPUT_SIZE];
	size_t length;
	size_t c;
	size_t i;

	/* Conversion specifiers in the prefix must be printed, never used. */
	for (i = 0; i < sizeof(prefix); i++)
		prefix[i] = "prefix %s %n "[i % 13];

	for (c = 0; c < sizeof(codes) / sizeof(codes[0]); c++) {
		for (length = 960; length <= 1030; length++) {
			prefix[length] = '\0';
			capture(nl_perror, codes[c], prefix, ours);
			capture(libnl_perror, codes[c], prefix, theirs);
			CHECK(strcmp(ours, theirs) == 0, "code %d, prefix of %zu bytes: output differs",
			      codes[c], length);
			prefix[length] = "prefix %s %n "[length % 13];
		}
		for (i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
			length = lengths[i];
			prefix[length] = '\0';
			capture(nl_perror, codes[c], prefix, ours);
			capture(libnl_perror, codes[c], prefix, theirs);
			CHECK(strcmp(ours, theirs) == 0, "code %d, prefix of %zu bytes: output differs",
			      codes[c], length);
			CHECK(strlen(ours) == length + 2 + strlen(nl_geterror(codes[c])) + 1,
			      "code %d, prefix of %zu bytes: %zu bytes written", codes[c], length,
			      strlen(ours));
			prefix[length] = "prefix %s %n "[length % 13];
		}
	}
}

/* Points descriptor 2 at /dev/null opened with `flags` and returns the
 * descriptor that restore_stderr() puts back. */
static int redirect_stderr(int flags)
{
	int saved_fd;
	int null_fd;

	fflush(stderr);
	saved_fd = dup(STDERR_FILENO);
	null_fd = open("/dev/null", flags);
	if (saved_fd < 0 || null_fd < 0 || dup2(null_fd, STDERR_FILENO) < 0) {
		printf("redirecting stderr failed\n");
		exit(1);
	}
	close(null_fd);
	return saved_fd;
}

static void restore_stderr(int saved_fd)
{
	clearerr(stderr);
	dup2(saved_fd, STDERR_FILENO);
	close(saved_fd);
}

static void check_errno_kept(void)
{
	int saved_fd;

	saved_fd = redirect_stderr(O_WRONLY);
	errno = ENOBUFS;
	nl_perror(NLE_MISSED, "kept");
	CHECK(errno == ENOBUFS, "errno is %d after a successful write, expected ENOBUFS", errno);
	CHECK(!ferror(stderr), "the write to /dev/null failed");
	restore_stderr(saved_fd);

	/* A write to a descriptor opened read-only fails with EBADF. */
	saved_fd = redirect_stderr(O_RDONLY);
	errno = EAGAIN;
	nl_perror(NLE_MISSED, NULL);
	CHECK(errno == EAGAIN, "errno is %d after a failed write, expected EAGAIN", errno);
	CHECK(ferror(stderr), "the write to a read-only descriptor did not fail");
	restore_stderr(saved_fd);
}

/* nl_perror writes nothing and keeps errno when the program set stderr to
 * NULL. libnl 3.7 would crash here, so only nlerr is called. */
static void check_null_stderr(void)
{
	FILE *saved = stderr;
	FILE *file = tmpfile();
	int saved_fd;

	fflush(stderr);
	saved_fd = dup(STDERR_FILENO);
	if (!file || saved_fd < 0 || dup2(fileno(file), STDERR_FILENO) < 0) {
		printf("redirecting stderr failed\n");
		exit(1);
	}

	stderr = NULL;
	errno = ENOBUFS;
	nl_perror(NLE_MISSED, "nothing");
	CHECK(errno == ENOBUFS, "errno is %d with stderr NULL, expected ENOBUFS", errno);
	stderr = saved;

	dup2(saved_fd, STDERR_FILENO);
	close(saved_fd);
	CHECK(lseek(fileno(file), 0, SEEK_END) == 0,
	      "nl_perror wrote to descriptor 2 with stderr NULL");
	fclose(file);
}

int main(void)
{
	perror_function libnl_perror = open_libnl_perror();

	check_long_prefixes(libnl_perror);
	check_errno_kept();
	check_null_stderr();
	return check_finish("perror");
}
