/* fuzz_config.c — libFuzzer harness for the config loader (config.c): a
 * gouji.yaml is read and checked, or refused with a message naming it.
 * Beyond not crashing, what is accepted must keep config.h's promises. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void broken(const char *what)
{
	fprintf(stderr, "config: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "projects/a/gouji.yaml";
	gj_config c;
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_config_parse((const char *)data, size, path, &c, &d) == 0) {
		if (c.lim.memory && (c.lim.memory < 1024 * 1024 ||
				     c.lim.memory > (size_t)GJ_CONFIG_MAX_MEMORY_MB * 1024 * 1024))
			broken("memory limit out of bounds");
		if (c.lim.instructions && (c.lim.instructions < GJ_CONFIG_MIN_INSTRUCTIONS ||
					   c.lim.instructions > GJ_CONFIG_MAX_INSTRUCTIONS))
			broken("instruction limit out of bounds");
		if (c.lim.seconds && (c.lim.seconds < 1 || c.lim.seconds > GJ_CONFIG_MAX_SECONDS))
			broken("time limit out of bounds");
		for (int i = 0; i < c.npacks; i++) {
			const char *p = c.packs[i];
			if (!p || !*p)
				broken("an empty pack");
			if (strchr(p, '/') && p[0] != '/' &&
			    strncmp(p, "projects/a/", 11) != 0)
				broken("a relative pack folder not under the config's folder");
		}
	} else if (!d.message[0] || strcmp(d.file, path) != 0) {
		broken("a refusal that does not name the config");
	}
	gj_config_release(&c);
	return 0;
}
