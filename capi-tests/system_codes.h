/* Interface to system_codes.c, which reads the system's <netlink/errno.h>. */
#ifndef NLERR_SYSTEM_CODES_H
#define NLERR_SYSTEM_CODES_H

struct named_code {
	const char *name;
	int value;
};

extern const struct named_code system_codes[];
extern const int system_code_count;
extern const int system_nle_max;

#endif
