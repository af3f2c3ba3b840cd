/* fuzz_html.c — libFuzzer harness for a web page's text and its table rows
 * (html.c, through gumbo).  Beyond not crashing or hanging: the text has
 * exactly the page's lines, and every row and field lies inside the text,
 * rows in text order, each field inside its row. */
#include "html.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void broken(const char *what)
{
	fprintf(stderr, "html: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!gj_utf8_valid((const char *)data, size))
		return 0;   /* input.c hands the readers valid UTF-8 only */
	size_t n;
	gj_html_info info;
	char *t = gj_html_text((const char *)data, size, &n, &info);
	size_t lines_in = 1, lines_out = 1;
	for (size_t i = 0; i < size; i++)
		lines_in += data[i] == '\n';
	for (size_t i = 0; i < n; i++)
		lines_out += t[i] == '\n';
	if (lines_out != lines_in)
		broken("the text has other lines than the page");
	const gj_grid *g = &info.grid;
	for (size_t r = 0; r < g->nrows; r++) {
		if (g->row_end[r] > n || g->row_start[r] > g->row_end[r])
			broken("a row outside the text");
		if (r > 0 && g->row_start[r] < g->row_end[r - 1])
			broken("rows out of order");
		size_t fe = r + 1 < g->nrows ? g->first[r + 1] : g->nfields;
		for (size_t f = g->first[r]; f < fe; f++)
			if (g->fields[f].start < g->row_start[r] || g->fields[f].end > g->row_end[r] ||
			    g->fields[f].start > g->fields[f].end || g->fields[f].col < 0)
				broken("a field outside its row");
	}
	for (size_t b = 1; b < info.nblocks; b++)
		if (info.blocks[b] <= info.blocks[b - 1] || info.blocks[b] > n)
			broken("blocks out of order");
	gj_html_info_release(&info);
	free(t);
	return 0;
}
