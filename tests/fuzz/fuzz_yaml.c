/* fuzz_yaml.c — libFuzzer harness for the YAML report reader. */
#include "dump.h"
#include "yamlrd.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gj_report *r = gj_report_new();
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_yaml_read((const char *)data, size, r, &d) == 0) {
		gj_buf out;
		gj_buf_init(&out);
		gj_dump_report(r, GJ_DUMP_YAML, &out);
		gj_buf_release(&out);
	}
	gj_report_free(r);
	return 0;
}
