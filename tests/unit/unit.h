/*
 * unit.h — the C unit tests' whole framework: CHECK macros that count and
 * report, and a closing line "N passed, N failed" that tests/run.sh reads.
 */
#ifndef GJ_UNIT_H
#define GJ_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed;

#define CHECK(cond)                                                         \
	do {                                                                \
		if (cond) {                                                 \
			unit_passed++;                                      \
		} else {                                                    \
			unit_failed++;                                      \
			fprintf(stderr, "%s:%d: check failed: %s\n",        \
				__FILE__, __LINE__, #cond);                 \
		}                                                           \
	} while (0)

#define CHECK_INT(got, want)                                                \
	do {                                                                \
		long long g_ = (long long)(got), w_ = (long long)(want);    \
		if (g_ == w_) {                                             \
			unit_passed++;                                      \
		} else {                                                    \
			unit_failed++;                                      \
			fprintf(stderr, "%s:%d: %s is %lld, want %lld\n",   \
				__FILE__, __LINE__, #got, g_, w_);          \
		}                                                           \
	} while (0)

#define CHECK_STR(got, want)                                                \
	do {                                                                \
		const char *g_ = (got), *w_ = (want);                       \
		if ((g_ == NULL && w_ == NULL) ||                           \
		    (g_ && w_ && strcmp(g_, w_) == 0)) {                    \
			unit_passed++;                                      \
		} else {                                                    \
			unit_failed++;                                      \
			fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", \
				__FILE__, __LINE__, #got, g_ ? g_ : "(null)", \
				w_ ? w_ : "(null)");                        \
		}                                                           \
	} while (0)

static inline int unit_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

#endif
