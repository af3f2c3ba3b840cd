/*
 * split.h — split a run of digits into table cells by the table's own
 * arithmetic.  Crawled pages print 表三's row "217|1|0|0|0|0|218" as
 * "21710000218"; the reader hands the digits of one row (or of all of 表四)
 * here and gets back every split that fits the table's sums.  Pipeline:
 * tables.c finds the row's digits, this module enumerates readings, tables.c
 * picks one when exactly one fits, else marks the cells ambiguous.
 *
 * Pure functions, no allocation: the caller owns the result struct.
 */
#ifndef GJ_SPLIT_H
#define GJ_SPLIT_H

#include <stddef.h>

#define GJ_SPLIT_MAX_CELLS 15   /* 表四 has 15 numbers in one row */
#define GJ_SPLIT_MAX_KEEP 16     /* candidate splits kept */
#define GJ_SPLIT_MAX_DIGITS 9    /* longest number one cell may hold */

typedef enum {
	GJ_SUM_NONE,     /* no arithmetic (表二): every split fits */
	GJ_SUM_LAST,     /* first n-1 cells add up to the last (表三 row) */
	GJ_SUM_BLOCKS5   /* blocks of 5: first 4 add up to the 5th (表四) */
} gj_sum_kind;

typedef struct {
	long long value[GJ_SPLIT_MAX_CELLS];
	size_t start[GJ_SPLIT_MAX_CELLS];  /* byte offset in the input */
	size_t len[GJ_SPLIT_MAX_CELLS];    /* bytes of digits */
} gj_split;

typedef struct {
	int nfound;      /* splits that fit (may exceed nkept) */
	int nkept;       /* splits stored in splits[], in search order */
	int exhausted;   /* 1 when the search stopped at its work bound:
	                  * nfound is then a lower bound */
	int broken;      /* sums that every split kept breaks (0 from
	                  * gj_split_digits; gj_split_nearest's fewest) */
	gj_split splits[GJ_SPLIT_MAX_KEEP];
} gj_split_result;

/*
 * Split text[0..len) into ncells numbers (1 <= ncells <= GJ_SPLIT_MAX_CELLS).
 * text holds ASCII digits and whitespace only; whitespace is a boundary that
 * no number may cross (a split may still cut a run of digits with no space).
 * A number has 1..GJ_SPLIT_MAX_DIGITS digits and no leading zero ("0" is a
 * number, "07" is not).  kind says which sums must hold.
 * Returns 0, or -1 when the arguments are unusable (bad ncells, other bytes
 * in text, GJ_SUM_BLOCKS5 with ncells not a multiple of 5).
 * Work is bounded (no exponential blow-up on a 10,000-digit run): when the
 * bound is hit, exhausted is set.
 */
int gj_split_digits(const char *text, size_t len, int ncells, gj_sum_kind kind,
		    gj_split_result *out);

/*
 * For a run that gj_split_digits found no split of: the splits that break
 * the fewest of the row's sums (blocks of 表四, the one sum of a 表三
 * row), broken set to how many.  nfound counts them (saturating); a row
 * that cannot be cut into ncells numbers at all has none.  Runs of more
 * than GJ_SPLIT_NEAREST_MAX digits are not searched: exhausted is set.
 */
#define GJ_SPLIT_NEAREST_MAX 48
int gj_split_nearest(const char *text, size_t len, int ncells, gj_sum_kind kind,
		     gj_split_result *out);

#endif
