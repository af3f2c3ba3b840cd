# gouji — build, set-up and tests.
#
#   make run     install what is missing, build, check the bundled example
#                with the bundled national rule pack
#   make test    install what is missing, build, run every test
#   make bench   gouji beside cmark on 5,000 generated reports: dump, check
#                -j1 and -j2, peak RSS at 1,000 and 10,000 reports
#   make asan    the tests under AddressSanitizer + UBSan
#   make valgrind  the CLI tests under valgrind
#   make fuzz    each libFuzzer harness for FUZZ_SECONDS (clang)

PKGS      = lua5.4 yaml-0.1 libcmark-gfm gumbo xlsxwriter libmicrohttpd

CC       ?= cc
WARN      = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wvla
CFLAGS   ?= -O2 -g
# "override": the language level and warnings stay when CFLAGS is given on
# the command line (make asan does)
override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -pthread $(WARN) $(EXTRA_CFLAGS)
ifdef WERROR
override CFLAGS += -Werror
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# cmark-gfm's table extension has no .pc file of its own
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions

BUILD    ?= build
CORE_SRC  = $(filter-out core/main.c,$(wildcard core/*.c))
CORE_OBJ  = $(CORE_SRC:core/%.c=$(BUILD)/%.o)
UNIT_SRC  = $(wildcard tests/unit/test_*.c)
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/%)

.PHONY: all deps run test unit cli bench asan valgrind fuzz fuzz-build clean

all: deps-check $(BUILD)/gouji gouji

gouji: $(BUILD)/gouji
	cp $< $@

$(BUILD)/gouji: $(CORE_OBJ) $(BUILD)/main.o
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(LDFLAGS) -lm -pthread

# Each object depends on the headers it includes, as the compiler lists
# them (-MMD writes build/NAME.d; -MP adds a rule per header, so a header
# that is removed does not stop the build).
$(BUILD)/%.o: core/%.c | $(BUILD)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -Icore -c -o $@ $<

$(BUILD)/test_%: tests/unit/test_%.c $(CORE_OBJ) | $(BUILD)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -Icore -Itests/unit -o $@ $< $(CORE_OBJ) $(PKG_LIBS) $(LDFLAGS) -lm -pthread

-include $(wildcard $(BUILD)/*.d)

$(BUILD):
	mkdir -p $@

# Install the Debian packages that pkg-config (or PATH) cannot find.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists lua5.4 2>/dev/null || missing="$$missing liblua5.4-dev"; \
	pkg-config --exists yaml-0.1 2>/dev/null || missing="$$missing libyaml-dev"; \
	pkg-config --exists libcmark-gfm 2>/dev/null || missing="$$missing libcmark-gfm-dev"; \
	[ -e /usr/include/cmark-gfm-core-extensions.h ] || missing="$$missing libcmark-gfm-extensions-dev"; \
	pkg-config --exists gumbo 2>/dev/null || missing="$$missing libgumbo-dev"; \
	pkg-config --exists xlsxwriter 2>/dev/null || missing="$$missing libxlsxwriter-dev"; \
	pkg-config --exists libmicrohttpd 2>/dev/null || missing="$$missing libmicrohttpd-dev"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || missing="$$missing python3-jsonschema"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts-wqy-microhei"; \
	command -v $(CC) >/dev/null 2>&1 || missing="$$missing gcc"; \
	command -v groff >/dev/null 2>&1 || missing="$$missing groff-base"; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "make deps: run as root to install$$missing" >&2; exit 2; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@# the browser tests' puppeteer-core (tests only), pinned in
	@# tests/browser/package-lock.json; it drives Debian's chromium
	@[ -d tests/browser/node_modules/puppeteer-core ] || \
	  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

deps-check:
	@pkg-config --exists $(PKGS) || { echo "missing libraries: run 'make deps' (as root)" >&2; exit 2; }

.PHONY: deps-check

run: deps
	$(MAKE) all
	./gouji check examples/shapotou_gxj_2022.md

test: deps
	$(MAKE) all $(UNIT_BIN)
	sh tests/run.sh $(BUILD)

bench: deps
	$(MAKE) all
	sh tests/bench.sh

asan:
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" LDFLAGS="-fsanitize=address,undefined" build-asan/gouji $(UNIT_SRC:tests/unit/%.c=build-asan/%)
	cp build-asan/gouji build-asan/gouji-asan
	GOUJI=build-asan/gouji sh tests/run.sh build-asan

# The CLI tests with every gouji run under valgrind's memcheck (programs it
# starts, such as pdftotext, are not traced): an error or a leak makes
# gouji exit 99 and print to stderr, which fails the test.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
           --errors-for-leak-kinds=definite,indirect,possible
valgrind: deps
	@command -v valgrind >/dev/null || { echo "make valgrind: install valgrind (apt-get install valgrind)" >&2; exit 2; }
	$(MAKE) all
	GOUJI="$(VALGRIND) $(BUILD)/gouji" PARTS=cli sh tests/run.sh $(BUILD)

# libFuzzer harnesses (clang; tests/fuzz/*.c), each run FUZZ_SECONDS from
# the seeds of tests/fuzz/seeds.sh and the corpus kept in build-fuzz/corpus.
# A crash stops make with its input in build-fuzz/crash-*: fix it, and keep
# the input in tests/fuzz/regressions/ with a test that replays it.
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES = text yaml split template config textcore check html rules
# The core is built once, instrumented, into an archive: each harness
# links only the objects it reaches, so no list of files to leave out.
FUZZ_SRC = $(filter-out core/main.c,$(wildcard core/*.c))
FUZZ_OBJ = $(FUZZ_SRC:core/%.c=build-fuzz/obj/%.o)
FUZZ_COMMON = -g -O1 -fno-sanitize-recover=all -std=c11 -D_POSIX_C_SOURCE=200809L -pthread
FUZZ_CFLAGS = $(FUZZ_COMMON) -fsanitize=fuzzer,address,undefined -DGJ_TOP='"$(CURDIR)"'
FUZZ_LIB_CFLAGS = $(FUZZ_COMMON) -fsanitize=fuzzer-no-link,address,undefined
fuzz_max_len_text = 30000
fuzz_max_len_yaml = 30000
fuzz_max_len_split = 200
fuzz_max_len_template = 4096
fuzz_max_len_config = 4096
fuzz_max_len_textcore = 4096
fuzz_max_len_check = 30000
fuzz_max_len_html = 30000
fuzz_max_len_rules = 256

fuzz: fuzz-build
	$(MAKE) $(FUZZ_HARNESSES:%=fuzz-%)

# The harnesses and their seeds, not run.
fuzz-build: deps
	$(MAKE) all build-fuzz/libgouji.a
	for h in $(FUZZ_HARNESSES); do \
	  clang $(FUZZ_CFLAGS) $(PKG_CFLAGS) -Icore -Itests/unit tests/fuzz/fuzz_$$h.c \
	    build-fuzz/libgouji.a -o build-fuzz/fuzz_$$h $(PKG_LIBS) -lm || exit 1; \
	done
	rm -rf build-fuzz/seeds
	sh tests/fuzz/seeds.sh build-fuzz/seeds

build-fuzz/obj/%.o: core/%.c
	@mkdir -p build-fuzz/obj
	clang $(FUZZ_LIB_CFLAGS) $(PKG_CFLAGS) -MMD -MP -Icore -c -o $@ $<

build-fuzz/libgouji.a: $(FUZZ_OBJ)
	rm -f $@
	ar rcs $@ $^

-include $(wildcard build-fuzz/obj/*.d)

# One harness: make fuzz-template FUZZ_SECONDS=600 (after make fuzz-build)
fuzz-%:
	mkdir -p build-fuzz/corpus/$*
	cd build-fuzz && ./fuzz_$* -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=$(fuzz_max_len_$*) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	  $(if $(wildcard tests/fuzz/$*.dict),-dict=../tests/fuzz/$*.dict) \
	  corpus/$* seeds/$*

clean:
	rm -rf build build-asan build-fuzz gouji
