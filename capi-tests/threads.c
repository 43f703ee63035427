/*
 * Calls nl_geterror, nl_syserr2nlerr and nl_perror from 8 threads at once,
 * with stderr on a pipe, and checks every result and every line that comes
 * out of the pipe.
 *
 * Each thread writes one numbered line per round, with a prefix of about 150,
 * 1500 or 9000 bytes in turn, so that an interleaved or split write would
 * corrupt a line. The longer lines exceed nl_perror's 1 KiB stack buffer, so
 * they reach the pipe in several write(2) calls. Only the stream lock keeps
 * those pieces together. A reader thread checks that each line is exactly
 * the expected one and that each thread's rounds arrive complete and in
 * order.
 *
 * Linked against libnlerr.so. Run it under helgrind with a small ROUNDS: the
 * tool instruments nlerr's machine code as well as the test's.
 *
 * Usage: threads [ROUNDS]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include <netlink/errno.h>

#include "check.h"

#define THREADS 8
#define DEFAULT_ROUNDS 20000
#define PADDING "................................................................" \
		"................................................................"

static const int codes[] = {
	0, 1, NLE_NOMEM, -NLE_NOMEM, 34, -34, NLE_MISSED, -NLE_MISSED, 36, -36, 1000, INT_MAX,
	INT_MIN,
};
static const int errnos[] = {
	0, EBADF, EEXIST, ENOENT, EINTR, EAGAIN, ENOMEM, ENOBUFS, -ENOBUFS, EPERM, ENODEV, 4095,
	INT_MIN,
};

#define CODE_COUNT (sizeof(codes) / sizeof(codes[0]))
#define ERRNO_COUNT (sizeof(errnos) / sizeof(errnos[0]))

/* Results computed by the main thread before any other thread starts. */
static const char *expected_messages[CODE_COUNT];
static int expected_codes[ERRNO_COUNT];

/* Padding of the longer prefixes: dots, LONG_PADDING_BYTES of them in the
 * longest, MEDIUM_PADDING_BYTES in the others. */
#define MEDIUM_PADDING_BYTES 1500
#define LONG_PADDING_BYTES 9000
static char long_padding[LONG_PADDING_BYTES + 1];

static const char *padding_for(int round)
{
	switch (round % 3) {
	case 0:
		return PADDING;
	case 1:
		return long_padding + (LONG_PADDING_BYTES - MEDIUM_PADDING_BYTES);
	default:
		return long_padding;
	}
}

static int rounds = DEFAULT_ROUNDS;
static atomic_int worker_failures;

/* Releases all workers at once, so that their calls overlap. */
static pthread_barrier_t start_line;

static size_t code_index(int thread, int round)
{
	return (size_t)(thread + round) % CODE_COUNT;
}

static void *call_all_three(void *argument)
{
	int thread = (int)(intptr_t)argument;
	char prefix[LONG_PADDING_BYTES + 64];
	int round;

	pthread_barrier_wait(&start_line);
	for (round = 0; round < rounds; round++) {
		size_t c = code_index(thread, round);
		size_t e = (size_t)(thread * 7 + round) % ERRNO_COUNT;

		if (nl_geterror(codes[c]) != expected_messages[c])
			atomic_fetch_add(&worker_failures, 1);
		if (nl_syserr2nlerr(errnos[e]) != expected_codes[e])
			atomic_fetch_add(&worker_failures, 1);

		/* errno is per thread: each thread checks its own value. */
		snprintf(prefix, sizeof(prefix), "thread %d round %d %s", thread, round,
			 padding_for(round));
		errno = 1000 + thread;
		nl_perror(codes[c], prefix);
		if (errno != 1000 + thread)
			atomic_fetch_add(&worker_failures, 1);
	}
	return NULL;
}

struct reader {
	int fd;
	int next_round[THREADS];
	long lines;
	long bad_lines;
};

/* Checks one line, NUL-terminated in place of its newline, against what its
 * thread and round must have written. */
static void check_line(struct reader *reader, const char *line, size_t length)
{
	char expected[LONG_PADDING_BYTES + 128];
	int thread, round;

	reader->lines++;
	if (sscanf(line, "thread %d round %d ", &thread, &round) != 2 || thread < 0 ||
	    thread >= THREADS || round != reader->next_round[thread]) {
		if (reader->bad_lines++ < 5)
			printf("unexpected line: \"%.*s\"\n", (int)(length > 80 ? 80 : length), line);
		return;
	}

	snprintf(expected, sizeof(expected), "thread %d round %d %s: %s", thread, round,
		 padding_for(round), expected_messages[code_index(thread, round)]);
	if (length != strlen(expected) || memcmp(line, expected, length) != 0) {
		if (reader->bad_lines++ < 5)
			printf("corrupt line: \"%.*s\"\n", (int)length, line);
		return;
	}
	reader->next_round[thread]++;
}

static void *read_lines(void *argument)
{
	struct reader *reader = argument;
	char buffer[65536];
	size_t used = 0;
	ssize_t count;

	while ((count = read(reader->fd, buffer + used, sizeof(buffer) - used)) > 0) {
		char *start = buffer, *newline;

		used += (size_t)count;
		while ((newline = memchr(start, '\n', used - (size_t)(start - buffer)))) {
			*newline = '\0';
			check_line(reader, start, (size_t)(newline - start));
			start = newline + 1;
		}
		used -= (size_t)(start - buffer);
		memmove(buffer, start, used);
		if (used == sizeof(buffer)) {
			printf("a line longer than %zu bytes came out of the pipe\n", sizeof(buffer));
			reader->bad_lines++;
			used = 0;
		}
	}
	if (used) {
		printf("the output ends with an incomplete line of %zu bytes\n", used);
		reader->bad_lines++;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t workers[THREADS], reader_thread;
	struct reader reader = {0};
	int fds[2], saved_fd, t;
	size_t i;

	if (argc > 2 || (argc == 2 && (rounds = atoi(argv[1])) < 1)) {
		printf("usage: threads [ROUNDS]: ROUNDS must be a positive number\n");
		return 2;
	}

	memset(long_padding, '.', LONG_PADDING_BYTES);
	for (i = 0; i < CODE_COUNT; i++)
		expected_messages[i] = nl_geterror(codes[i]);
	for (i = 0; i < ERRNO_COUNT; i++)
		expected_codes[i] = nl_syserr2nlerr(errnos[i]);

	/* stderr stays unbuffered, its default, and fd 2 becomes the pipe. */
	fflush(stderr);
	saved_fd = dup(2);
	if (saved_fd < 0 || pipe(fds) < 0 || dup2(fds[1], 2) < 0) {
		printf("redirecting stderr into a pipe failed: %s\n", strerror(errno));
		return 1;
	}
	close(fds[1]);
	reader.fd = fds[0];
	pthread_barrier_init(&start_line, NULL, THREADS);

	if (pthread_create(&reader_thread, NULL, read_lines, &reader) != 0) {
		printf("pthread_create failed\n");
		return 1;
	}
	for (t = 0; t < THREADS; t++) {
		if (pthread_create(&workers[t], NULL, call_all_three, (void *)(intptr_t)t) != 0) {
			printf("pthread_create failed\n");
			return 1;
		}
	}
	for (t = 0; t < THREADS; t++)
		pthread_join(workers[t], NULL);

	/* Replacing fd 2 closes the pipe's last write end, so the reader sees
	 * end of file. */
	fflush(stderr);
	dup2(saved_fd, 2);
	close(saved_fd);
	pthread_join(reader_thread, NULL);
	close(fds[0]);
	pthread_barrier_destroy(&start_line);

	CHECK(atomic_load(&worker_failures) == 0, "%d wrong results or errno values in the threads",
	      atomic_load(&worker_failures));
	CHECK(reader.bad_lines == 0, "%ld of %ld lines were wrong", reader.bad_lines, reader.lines);
	CHECK(reader.lines == (long)THREADS * rounds, "%ld lines arrived, expected %ld", reader.lines,
	      (long)THREADS * rounds);
	for (t = 0; t < THREADS; t++)
		CHECK(reader.next_round[t] == rounds, "thread %d: %d of %d lines arrived in order", t,
		      reader.next_round[t], rounds);

	printf("threads: %d threads x %d rounds, %ld lines checked\n", THREADS, rounds, reader.lines);
	return check_finish("threads");
}
