/*
 * previous.h — last year's reports for `check --previous`: each one's
 * agency, year and path, so that a run holds a line per report of last
 * year, not the reports; the one a report is paired with is read again
 * by the worker that checks it.  Pairs are made by agency and year: the
 * same agency (gj_previous_same_agency, which gouji diff uses too) and
 * the year before.  Stage: beside the rules (their fourth argument).
 *
 * Ownership: gj_previous_free frees the index and its copies of names
 * and paths.
 */
#ifndef GJ_PREVIOUS_H
#define GJ_PREVIOUS_H

typedef struct gj_previous gj_previous;

gj_previous *gj_previous_new(void);
void gj_previous_free(gj_previous *p);

/* Keep a report of last year: its agency and year (copied), and where it
 * is.  A report with no agency or no year cannot be paired: not kept. */
void gj_previous_add(gj_previous *p, const char *agency, int year, const char *path);

/* The path of the report of the year before year by the same agency
 * (the first added, when several are), or NULL. */
const char *gj_previous_find(const gj_previous *p, const char *agency, int year);

/* How many reports are kept. */
int gj_previous_count(const gj_previous *p);

/* The same agency: equal without white space, or one name ends with the
 * other and names a place ("淮安市洪泽区人民政府" and "洪泽区人民政府"; the
 * shorter has five CJK characters at least, so "人民政府" alone never pairs
 * two counties).  Names are compared up to 511 bytes. */
int gj_previous_same_agency(const char *a, const char *b);

#endif
