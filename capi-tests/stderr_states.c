/*
 * Calls nl_perror from nlerr and from the system libnl-3 with stderr in
 * unusual states, each in a forked child, and compares the outcomes:
 *
 *   - fd 2 on /dev/full, so every write fails with ENOSPC;
 *   - fd 2 closed;
 *   - stderr fully buffered with setvbuf, between two lines the program
 *     writes itself with fprintf(stderr, ...);
 *   - fd 2 on a pipe whose read end is closed, with SIGPIPE at its default
 *     disposition and with SIGPIPE ignored;
 *   - the stderr pointer set to NULL.
 *
 * nlerr must return normally with errno unchanged in every case except the
 * default SIGPIPE one, where it must end the way libnl's does. The program
 * prints a table of both libraries' outcomes.
 *
 * Usage: stderr_states LIBNLERR_PATH [--skip-libnl-null-stderr]
 * libnl's nl_perror dereferences a NULL stderr. The option skips that one
 * call, for runs under valgrind or sanitizers that would report the crash.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <netlink/errno.h>

#include "check.h"
#include "error_modules.h"

/* errno value set before each call. No step of nl_perror can produce it. */
#define ERRNO_MARKER ENOTRECOVERABLE

#define PREFIX "library"
#define EXPECTED_LINE PREFIX ": Out of memory\n"
#define PROGRAM_LINE_1 "program line 1\n"
#define PROGRAM_LINE_2 "program line 2\n"

/* Report that a child sends to the parent through a pipe after the call. */
struct report {
	int errno_after;
	int stream_error;       /* ferror(stderr) after the call */
	int side_effect_free;   /* the scenario's other state is as before */
	long bytes_before_flush;
	char text[256];         /* what reached fd 2, for the buffering case */
};

/* Outcome of a child: its end and the report it sent, if any. */
struct outcome {
	int skipped;
	int reported;
	int signal;
	int exit_status;
	struct report report;
};

typedef void (*scenario_function)(struct error_module module, struct report *report);

/* Reads a file from the start into `text`, NUL-terminated. */
static void read_back(int fd, char *text, size_t size)
{
	ssize_t length = pread(fd, text, size - 1, 0);

	text[length > 0 ? length : 0] = '\0';
}

/* Writes a line to a separate temporary stream and reads it back, to show
 * that stdio still works after a failed write on stderr. */
static int other_stream_works(void)
{
	FILE *other = tmpfile();
	char text[32];
	int works;

	if (!other)
		return 0;
	works = fprintf(other, "still writable\n") > 0 && fflush(other) == 0;
	read_back(fileno(other), text, sizeof(text));
	fclose(other);
	return works && strcmp(text, "still writable\n") == 0;
}

static void call_perror(struct error_module module, struct report *report)
{
	errno = ERRNO_MARKER;
	module.perror(-NLE_NOMEM, PREFIX);
	report->errno_after = errno;
	report->stream_error = stderr ? ferror(stderr) != 0 : -1;
}

static void write_to_dev_full(struct error_module module, struct report *report)
{
	int fd = open("/dev/full", O_WRONLY);
	struct stat before, after;

	if (fd < 0 || dup2(fd, 2) < 0 || fstat(2, &before) < 0)
		_exit(3);
	close(fd);

	call_perror(module, report);

	report->side_effect_free = fstat(2, &after) == 0 && after.st_rdev == before.st_rdev &&
				   other_stream_works();
}

static void write_to_closed_fd(struct error_module module, struct report *report)
{
	close(2);

	call_perror(module, report);

	/* Nothing may have opened a file on fd 2 in the meantime. */
	report->side_effect_free = fcntl(2, F_GETFD) < 0 && errno == EBADF && other_stream_works();
}

static void write_fully_buffered(struct error_module module, struct report *report)
{
	static char buffer[65536];
	FILE *capture = tmpfile();

	if (!capture || dup2(fileno(capture), 2) < 0 ||
	    setvbuf(stderr, buffer, _IOFBF, sizeof(buffer)) != 0)
		_exit(3);

	fprintf(stderr, PROGRAM_LINE_1);
	call_perror(module, report);
	fprintf(stderr, PROGRAM_LINE_2);

	/* Under full buffering nothing reaches the file before the flush. */
	report->bytes_before_flush = lseek(fileno(capture), 0, SEEK_END);
	fflush(stderr);
	read_back(fileno(capture), report->text, sizeof(report->text));
	report->side_effect_free = 1;
}

static void write_to_broken_pipe(int sigpipe_ignored, struct error_module module,
				 struct report *report)
{
	int fds[2];

	signal(SIGPIPE, sigpipe_ignored ? SIG_IGN : SIG_DFL);
	if (pipe(fds) < 0 || dup2(fds[1], 2) < 0)
		_exit(3);
	close(fds[0]);
	close(fds[1]);

	call_perror(module, report);
	report->side_effect_free = other_stream_works();
}

static void write_to_pipe_sigpipe_default(struct error_module module, struct report *report)
{
	write_to_broken_pipe(0, module, report);
}

static void write_to_pipe_sigpipe_ignored(struct error_module module, struct report *report)
{
	write_to_broken_pipe(1, module, report);
}

static void write_with_null_stderr(struct error_module module, struct report *report)
{
	FILE *capture = tmpfile();
	FILE *saved = stderr;

	if (!capture || dup2(fileno(capture), 2) < 0)
		_exit(3);

	stderr = NULL;
	call_perror(module, report);
	stderr = saved;

	/* fd 2 is a temporary file: nothing may reach it. */
	report->bytes_before_flush = lseek(fileno(capture), 0, SEEK_END);
	report->side_effect_free = report->bytes_before_flush == 0;
}

/* Runs `scenario` in a forked child and collects how it ended. */
static struct outcome run_in_child(struct error_module module, scenario_function scenario)
{
	struct outcome outcome = {0};
	struct report report = {0};
	int fds[2], status;
	pid_t child;

	fflush(stdout);
	if (pipe(fds) < 0 || (child = fork()) < 0) {
		printf("pipe or fork failed: %s\n", strerror(errno));
		exit(1);
	}
	if (child == 0) {
		close(fds[0]);
		scenario(module, &report);
		if (write(fds[1], &report, sizeof(report)) != (ssize_t)sizeof(report))
			_exit(4);
		_exit(0);
	}

	close(fds[1]);
	outcome.reported = read(fds[0], &outcome.report, sizeof(outcome.report)) ==
			   (ssize_t)sizeof(outcome.report);
	close(fds[0]);
	if (waitpid(child, &status, 0) < 0) {
		printf("waitpid failed: %s\n", strerror(errno));
		exit(1);
	}
	outcome.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	outcome.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	return outcome;
}

static const char *errno_text(int value)
{
	static char text[64];

	if (value == ERRNO_MARKER)
		return "errno kept";
	snprintf(text, sizeof(text), "errno %s", strerrorname_np(value) ? strerrorname_np(value) : "?");
	return text;
}

/* Describes an outcome in a few words, for the table. */
static const char *describe(struct outcome outcome)
{
	static char text[96];

	if (outcome.skipped)
		snprintf(text, sizeof(text), "not run");
	else if (outcome.signal)
		snprintf(text, sizeof(text), "killed by SIG%s", sigabbrev_np(outcome.signal));
	else if (!outcome.reported || outcome.exit_status != 0)
		snprintf(text, sizeof(text), "exited with status %d", outcome.exit_status);
	else
		snprintf(text, sizeof(text), "returned, %s", errno_text(outcome.report.errno_after));
	return text;
}

/* Checks that nlerr's child returned normally, kept errno and changed nothing
 * else. */
static void check_returned(const char *scenario, struct outcome nlerr)
{
	CHECK(nlerr.signal == 0, "%s: nlerr's child was killed by signal %d", scenario, nlerr.signal);
	CHECK(nlerr.exit_status == 0, "%s: nlerr's child exited with status %d", scenario,
	      nlerr.exit_status);
	CHECK(nlerr.reported, "%s: nlerr's child sent no report", scenario);
	CHECK(nlerr.report.errno_after == ERRNO_MARKER, "%s: errno is %d after nl_perror, expected %d",
	      scenario, nlerr.report.errno_after, ERRNO_MARKER);
	CHECK(nlerr.report.side_effect_free, "%s: nl_perror changed other process state", scenario);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		scenario_function function;
	} scenarios[] = {
		{"fd 2 on /dev/full", write_to_dev_full},
		{"fd 2 closed", write_to_closed_fd},
		{"stderr fully buffered", write_fully_buffered},
		{"broken pipe, SIGPIPE default", write_to_pipe_sigpipe_default},
		{"broken pipe, SIGPIPE ignored", write_to_pipe_sigpipe_ignored},
		{"stderr is NULL", write_with_null_stderr},
	};
	enum { DEV_FULL, CLOSED, BUFFERED, PIPE_DEFAULT, PIPE_IGNORED, NULL_STDERR, SCENARIOS };
	struct outcome nlerr_outcomes[SCENARIOS], libnl_outcomes[SCENARIOS];
	struct error_module nlerr, libnl;
	int skip_libnl_null = argc == 3 && strcmp(argv[2], "--skip-libnl-null-stderr") == 0;
	int s;

	if (argc != 2 && !skip_libnl_null) {
		printf("usage: stderr_states LIBNLERR_PATH [--skip-libnl-null-stderr]\n");
		return 2;
	}
	open_error_modules(argv[1], &nlerr, &libnl);

	printf("%-32s %-28s %s\n", "nl_perror with", "nlerr", "libnl 3.7");
	for (s = 0; s < SCENARIOS; s++) {
		nlerr_outcomes[s] = run_in_child(nlerr, scenarios[s].function);
		if (s == NULL_STDERR && skip_libnl_null)
			libnl_outcomes[s] = (struct outcome){.skipped = 1};
		else
			libnl_outcomes[s] = run_in_child(libnl, scenarios[s].function);

		printf("%-32s %-28s", scenarios[s].name, describe(nlerr_outcomes[s]));
		printf(" %s\n", describe(libnl_outcomes[s]));
	}

	check_returned("/dev/full", nlerr_outcomes[DEV_FULL]);
	CHECK(nlerr_outcomes[DEV_FULL].report.stream_error == 1,
	      "/dev/full: nlerr left stderr's error indicator at %d, expected 1 as for libnl",
	      nlerr_outcomes[DEV_FULL].report.stream_error);
	CHECK(libnl_outcomes[DEV_FULL].report.stream_error == 1,
	      "/dev/full: libnl left stderr's error indicator at %d, expected 1",
	      libnl_outcomes[DEV_FULL].report.stream_error);

	check_returned("fd 2 closed", nlerr_outcomes[CLOSED]);

	check_returned("full buffering", nlerr_outcomes[BUFFERED]);
	CHECK(nlerr_outcomes[BUFFERED].report.bytes_before_flush == 0,
	      "full buffering: %ld bytes reached fd 2 before fflush",
	      nlerr_outcomes[BUFFERED].report.bytes_before_flush);
	CHECK_STR(nlerr_outcomes[BUFFERED].report.text, PROGRAM_LINE_1 EXPECTED_LINE PROGRAM_LINE_2,
		  "full buffering: nlerr's output");
	CHECK_STR(libnl_outcomes[BUFFERED].report.text, PROGRAM_LINE_1 EXPECTED_LINE PROGRAM_LINE_2,
		  "full buffering: libnl's output");

	/* With SIGPIPE at its default disposition the write kills the process,
	 * as it does for libnl's fprintf. */
	CHECK(nlerr_outcomes[PIPE_DEFAULT].signal == SIGPIPE,
	      "broken pipe: nlerr's child ended with signal %d, expected SIGPIPE",
	      nlerr_outcomes[PIPE_DEFAULT].signal);
	CHECK(libnl_outcomes[PIPE_DEFAULT].signal == SIGPIPE,
	      "broken pipe: libnl's child ended with signal %d, expected SIGPIPE",
	      libnl_outcomes[PIPE_DEFAULT].signal);

	check_returned("broken pipe, SIGPIPE ignored", nlerr_outcomes[PIPE_IGNORED]);
	CHECK(libnl_outcomes[PIPE_IGNORED].signal == 0,
	      "broken pipe, SIGPIPE ignored: libnl's child was killed by signal %d",
	      libnl_outcomes[PIPE_IGNORED].signal);
	CHECK(libnl_outcomes[PIPE_IGNORED].reported,
	      "broken pipe, SIGPIPE ignored: libnl's child sent no report");
	CHECK(nlerr_outcomes[PIPE_IGNORED].report.stream_error == 1,
	      "broken pipe, SIGPIPE ignored: stderr's error indicator is %d",
	      nlerr_outcomes[PIPE_IGNORED].report.stream_error);

	check_returned("stderr is NULL", nlerr_outcomes[NULL_STDERR]);

	return check_finish("stderr_states");
}
