/*
 * cmd_serve.c — `gouji serve [--listen ADDR] [--port N] [--pack P]...
 * [--config FILE] [-j N] [--max-upload MB] [--max-files N] [--timeout S]
 * [--no-open]`: argument handling, the engines of each check, and the
 * server's life.  The packs and config are those `gouji check` would use
 * here; the config is read once at start (a mistake in it stops serve
 * before it listens) and again for each check, so nothing is kept.
 */
#include "cmd_serve.h"
#include "cli.h"
#include "config.h"
#include "serve.h"

#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

typedef struct {
	const char *packs[16];
	int npacks;
	char config[PATH_MAX + 16];
	int have_config;
	char home[PATH_MAX];
} engine_args;

static void print_load_diag(const gj_diag *d)
{
	if (d->file[0] && d->line)
		fprintf(stderr, "gouji: %s:%d:%d: %s\n", d->file, d->line, d->column, d->message);
	else if (d->file[0])
		fprintf(stderr, "gouji: %s: %s\n", d->file, d->message);
	else
		fprintf(stderr, "gouji: %s\n", d->message);
}

/* the engine of one worker: the config's limits, the packs (--pack, else
 * the config's, else national), the config's rules and parameters */
static gj_engine *serve_engine(void *ctx)
{
	const engine_args *a = ctx;
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_config cfg;
	memset(&cfg, 0, sizeof cfg);
	if (a->have_config && gj_config_load(a->config, &cfg, &d) != 0) {
		print_load_diag(&d);
		gj_config_release(&cfg);
		return NULL;
	}
	gj_engine *e = gj_engine_new(&cfg.lim);
	if (!e) {
		gj_config_release(&cfg);
		return NULL;
	}
	gj_engine_set_home(e, a->home);
	int rc = 0;
	if (a->npacks)
		for (int i = 0; i < a->npacks && rc == 0; i++)
			rc = gj_engine_load_pack(e, a->packs[i], &d);
	else if (cfg.npacks)
		for (int i = 0; i < cfg.npacks && rc == 0; i++)
			rc = gj_engine_load_pack(e, cfg.packs[i], &d);
	else
		rc = gj_engine_load_pack(e, "national", &d);
	if (rc == 0 && a->have_config)
		rc = gj_engine_configure(e, cfg.rules, cfg.params, a->config, &d);
	gj_config_release(&cfg);
	if (rc != 0) {
		print_load_diag(&d);
		gj_engine_free(e);
		return NULL;
	}
	return e;
}

/* gouji.yaml in the current folder or the nearest one above it */
static int find_config(char *out, size_t n)
{
	char dir[PATH_MAX];
	if (!getcwd(dir, sizeof dir))
		return -1;
	for (;;) {
		snprintf(out, n, "%s/gouji.yaml", dir);
		if (access(out, R_OK) == 0)
			return 0;
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	snprintf(out, n, "/gouji.yaml");
	return access(out, R_OK) == 0 ? 0 : -1;
}

static int number_arg(const char *opt, const char *v, long lo, long hi, long *out)
{
	char *end = NULL;
	long n = v ? strtol(v, &end, 10) : 0;
	if (!v || !*v || *end || n < lo || n > hi) {
		fprintf(stderr, "gouji: %s needs a number from %ld to %ld\n", opt, lo, hi);
		return -1;
	}
	*out = n;
	return 0;
}

/* Open the page in the desktop's browser, when there is a desktop. */
static void open_page(const char *url)
{
	const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
	if (!(x && *x) && !(w && *w))
		return;
	char *args[] = { (char *)"xdg-open", (char *)url, NULL };
	pid_t pid;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 1, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", 1, 0);
	posix_spawnp(&pid, "xdg-open", &fa, NULL, args, environ);
	posix_spawn_file_actions_destroy(&fa);
}

int gj_cmd_serve(int argc, char **argv)
{
	engine_args ea;
	memset(&ea, 0, sizeof ea);
	gj_serve_options o;
	memset(&o, 0, sizeof o);
	o.listen = "127.0.0.1";
	o.port = 8780;
	o.max_upload = (size_t)64 << 20;
	o.max_files = 200;
	o.timeout = 120;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = cores < 1 ? 1 : cores > 16 ? 16 : (int)cores;
	o.max_checks = o.jobs;
	o.max_connections = 256;
	int open_it = 1;
	const char *config = NULL;
	for (int i = 0; i < argc; i++) {
		const char *s = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		long n;
		if (strcmp(s, "--listen") == 0 && v) {
			o.listen = v;
			i++;
		} else if (strcmp(s, "--port") == 0) {
			if (number_arg(s, v, 0, 65535, &n) != 0)
				return 2;
			o.port = (int)n;
			i++;
		} else if (strcmp(s, "--pack") == 0 && v) {
			if (ea.npacks == 16) {
				fprintf(stderr, "gouji: too many --pack options\n");
				return 2;
			}
			ea.packs[ea.npacks++] = v;
			i++;
		} else if (strcmp(s, "--config") == 0 && v) {
			config = v;
			i++;
		} else if (strcmp(s, "-j") == 0 || strcmp(s, "--jobs") == 0) {
			if (number_arg(s, v, 1, 64, &n) != 0)
				return 2;
			o.jobs = o.max_checks = (int)n;
			i++;
		} else if (strcmp(s, "--max-upload") == 0) {
			if (number_arg(s, v, 1, 4096, &n) != 0)
				return 2;
			o.max_upload = (size_t)n << 20;
			i++;
		} else if (strcmp(s, "--max-files") == 0) {
			if (number_arg(s, v, 1, 10000, &n) != 0)
				return 2;
			o.max_files = (int)n;
			i++;
		} else if (strcmp(s, "--timeout") == 0) {
			if (number_arg(s, v, 1, 3600, &n) != 0)
				return 2;
			o.timeout = (int)n;
			i++;
		} else if (strcmp(s, "--no-open") == 0) {
			open_it = 0;
		} else if (s[0] == '-') {
			fprintf(stderr, v || strncmp(s, "--", 2) != 0
				? "gouji: unknown option '%s' for serve\n" : "gouji: %s needs a value\n", s);
			return 2;
		} else {
			fprintf(stderr, "gouji: serve takes no files: open the page and drop them there\n");
			return 2;
		}
	}
	gj_data_dir(ea.home, sizeof ea.home);
	if (config) {
		snprintf(ea.config, sizeof ea.config, "%s", config);
		ea.have_config = 1;
	} else {
		ea.have_config = find_config(ea.config, sizeof ea.config) == 0;
	}
	/* the packs and config load before anything listens */
	gj_engine *probe = serve_engine(&ea);
	if (!probe)
		return 2;
	gj_engine_free(probe);
	o.data_dir = ea.home;
	o.engine = serve_engine;
	o.engine_ctx = &ea;

	if (!gj_serve_is_loopback(o.listen))
		fprintf(stderr, "gouji: 警告：正在监听 %s，其他计算机也能打开本页并上传报告 "
			"(warning: listening on %s: other computers can reach this page)\n",
			o.listen, o.listen);

	/* SIGINT and SIGTERM end the run; the server's threads never take them */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_server *s = gj_serve_start(&o, &d);
	if (!s) {
		fprintf(stderr, "gouji: %s\n", d.message);
		return 2;
	}
	char url[128];
	int v6 = strchr(o.listen, ':') != NULL;
	snprintf(url, sizeof url, v6 ? "http://[%s]:%d/" : "http://%s:%d/", o.listen, gj_serve_port(s));
	printf("gouji serve: %s\n", url);
	printf("请在浏览器中打开上面的地址，把报告拖进页面；按 Ctrl+C 结束。"
	       "(open the address in a browser and drop the reports in; Ctrl+C stops)\n");
	fflush(stdout);
	if (open_it)
		open_page(url);
	int sig;
	sigwait(&stop, &sig);
	gj_serve_stop(s);
	return 0;
}
