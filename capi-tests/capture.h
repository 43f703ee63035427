/*
 * Captures what an nl_perror-like function writes to file descriptor 2, for
 * the C tests that compare short lines.
 */
#ifndef NLERR_CAPTURE_H
#define NLERR_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Calls perror_function(error, prefix) with file descriptor 2 redirected into
 * a temporary file, and returns what it wrote, copied into `buffer` and cut to
 * size - 1 bytes. Exits the test when the redirection fails. */
static const char *capture_stderr(void (*perror_function)(int, const char *), int error,
				  const char *prefix, char *buffer, size_t size)
{
	FILE *capture = tmpfile();
	int saved_fd;
	size_t length;

	fflush(stderr);
	saved_fd = dup(2);
	if (!capture || saved_fd < 0 || dup2(fileno(capture), 2) < 0) {
		printf("redirecting stderr failed\n");
		exit(1);
	}

	perror_function(error, prefix);
	fflush(stderr);

	dup2(saved_fd, 2);
	close(saved_fd);
	rewind(capture);
	length = fread(buffer, 1, size - 1, capture);
	buffer[length] = '\0';
	fclose(capture);
	return buffer;
}

#endif
