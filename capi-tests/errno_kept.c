/*
 * Checks that nlerr keeps errno for its caller: nl_geterror and
 * nl_syserr2nlerr never write it, and nl_perror restores it, whether its
 * write succeeds or fails. A program that reports an error and then reads
 * errno, as after a failed nl_recvmsgs_default, must still see the errno of
 * the original failure.
 *
 * Linked against libnlerr.so, like a program built with nlerr's header. The
 * cases where the write fails in other ways (closed fd 2, broken pipe) are
 * in stderr_states.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include <netlink/errno.h>

#include "check.h"

/* errno values to preset: zero, ordinary values, and values no system call
 * returns. */
static const int markers[] = {0, EINTR, ENOBUFS, ENOMEM, EPIPE, ENOSPC, 4095, -1, INT_MAX, INT_MIN};

#define MARKER_COUNT (sizeof(markers) / sizeof(markers[0]))

static void check_pure_functions(int error)
{
	size_t m;

	for (m = 0; m < MARKER_COUNT; m++) {
		errno = markers[m];
		(void)nl_geterror(error);
		CHECK(errno == markers[m], "nl_geterror(%d) changed errno from %d to %d", error,
		      markers[m], errno);

		errno = markers[m];
		(void)nl_syserr2nlerr(error);
		CHECK(errno == markers[m], "nl_syserr2nlerr(%d) changed errno from %d to %d", error,
		      markers[m], errno);
	}
}

/* Points fd 2 at `path` and returns a duplicate of the old fd 2, or -1. */
static int redirect_stderr(const char *path)
{
	int fd = open(path, O_WRONLY);
	int saved_fd = dup(2);

	fflush(stderr);
	if (fd < 0 || saved_fd < 0 || dup2(fd, 2) < 0) {
		printf("redirecting stderr to %s failed: %s\n", path, strerror(errno));
		return -1;
	}
	close(fd);
	return saved_fd;
}

static void restore_stderr(int saved_fd)
{
	clearerr(stderr);
	dup2(saved_fd, 2);
	close(saved_fd);
}

/* Calls nl_perror with fd 2 on `path` for every marker and checks errno
 * afterwards. */
static void check_perror_on(const char *path)
{
	int saved_fd = redirect_stderr(path);
	size_t m;

	CHECK(saved_fd >= 0, "redirecting stderr to %s", path);
	if (saved_fd < 0)
		return;

	for (m = 0; m < MARKER_COUNT; m++) {
		errno = markers[m];
		nl_perror(-NLE_MISSED, "recv");
		CHECK(errno == markers[m], "nl_perror to %s changed errno from %d to %d", path,
		      markers[m], errno);
	}

	restore_stderr(saved_fd);
}

/* The pattern from the README: report the error, then test errno. */
static void check_report_then_test(void)
{
	int saved_fd = redirect_stderr("/dev/null");
	int err = -nl_syserr2nlerr(ENOBUFS);
	int errno_after;

	CHECK(saved_fd >= 0, "redirecting stderr to /dev/null");
	if (saved_fd < 0)
		return;

	errno = ENOBUFS;
	nl_perror(err, "nl_recvmsgs_default");
	(void)nl_geterror(err);
	errno_after = errno;
	restore_stderr(saved_fd);

	CHECK(err == -NLE_MISSED, "nl_syserr2nlerr(ENOBUFS) is %d, expected NLE_MISSED", -err);
	CHECK(errno_after == ENOBUFS, "after reporting %d, errno is %d, expected ENOBUFS", err,
	      errno_after);
}

int main(void)
{
	int error;

	for (error = -1000; error <= 1000; error++)
		check_pure_functions(error);
	check_pure_functions(INT_MIN);
	check_pure_functions(INT_MIN + 1);
	check_pure_functions(INT_MAX);

	/* A write that succeeds may still set errno inside stdio, and one that
	 * fails sets it to ENOSPC. */
	check_perror_on("/dev/null");
	check_perror_on("/dev/full");

	check_report_then_test();
	return check_finish("errno_kept");
}
