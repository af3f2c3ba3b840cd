/*
 * cmd_serve.c — `gouji serve [--listen ADDR] [--port N] [--pack P]...
 * [--config FILE] [-j N] [--max-upload MB] [--max-files N] [--timeout S]
 * [--no-open]`: argument handling, the engines of each check, and the
 * server's life.  The packs and config are those `gouji check` would use
 * here (project.c), read once at start: a mistake in them stops serve
 * before it listens.  Options are read by opts.c, as every command's.
 */
#include "cmd_serve.h"
#include "cli.h"
#include "opts.h"
#include "project.h"
#include "serve.h"

#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

/* the engine of one worker: the project's limits, packs and overrides */
static gj_engine *serve_engine(void *ctx)
{
	gj_diag d;
	memset(&d, 0, sizeof d);
	/* texts kept: a serve engine may also render the page, which names
	 * the rules */
	gj_engine *e = gj_project_engine(ctx, 1, &d);
	if (!e)
		gj_print_diag(&d);
	return e;
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

#define MAX_PACKS 16

int gj_cmd_serve(int argc, char **argv)
{
	gj_serve_options o;
	memset(&o, 0, sizeof o);
	o.listen = "127.0.0.1";
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int port = 8780, jobs = cores < 1 ? 1 : cores > 16 ? 16 : (int)cores;
	int max_upload = 64, max_files = 200, timeout = 120, no_open = 0, npacks = 0;
	const char *config = NULL, *packs[MAX_PACKS];
	const gj_opt opts[] = {
		{ "--listen", NULL, GJ_OPT_STRING, &o.listen, 0, NULL, 0, 0, NULL },
		{ "--port", NULL, GJ_OPT_NUMBER, &port, 0, NULL, 0, 65535,
		  "a port from 0 to 65535" },
		{ "--pack", NULL, GJ_OPT_LIST, packs, 0, &npacks, 0, MAX_PACKS, NULL },
		{ "--config", NULL, GJ_OPT_STRING, &config, 0, NULL, 0, 0, NULL },
		{ "-j", "--jobs", GJ_OPT_NUMBER, &jobs, 0, NULL, 1, 64,
		  "a number of workers from 1 to 64" },
		{ "--max-upload", NULL, GJ_OPT_NUMBER, &max_upload, 0, NULL, 1, 4096,
		  "a number of MB from 1 to 4096" },
		{ "--max-files", NULL, GJ_OPT_NUMBER, &max_files, 0, NULL, 1, 10000,
		  "a number of files from 1 to 10000" },
		{ "--timeout", NULL, GJ_OPT_NUMBER, &timeout, 0, NULL, 1, 3600,
		  "a number of seconds from 1 to 3600" },
		{ "--no-open", NULL, GJ_OPT_FLAG, &no_open, 1, NULL, 0, 0, NULL },
		{ NULL, NULL, 0, NULL, 0, NULL, 0, 0, NULL }
	};
	char **operands = gj_xcalloc((size_t)argc + 1, sizeof *operands);
	int noperands = 0;
	gj_diag d;
	memset(&d, 0, sizeof d);
	int rc = gj_opts_parse(opts, "serve", argc, argv, operands, &noperands, &d);
	free(operands);
	if (rc != 0) {
		gj_print_diag(&d);
		return 2;
	}
	if (noperands > 0) {
		fprintf(stderr, "gouji: serve takes no files: open the page and drop them there\n");
		return 2;
	}
	o.port = port;
	o.jobs = o.max_checks = jobs;
	o.max_upload = (size_t)max_upload << 20;
	o.max_files = max_files;
	o.timeout = timeout;
	o.max_connections = 256;
	/* the packs and config load before anything listens */
	gj_project p;
	if (gj_project_open(&p, config, 1, packs, npacks, &d) != 0) {
		gj_print_diag(&d);
		gj_project_close(&p);
		return 2;
	}
	gj_engine *probe = serve_engine(&p);
	if (!probe) {
		gj_project_close(&p);
		return 2;
	}
	gj_engine_free(probe);
	o.data_dir = p.home;
	o.engine = serve_engine;
	o.engine_ctx = &p;

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

	memset(&d, 0, sizeof d);
	gj_server *s = gj_serve_start(&o, &d);
	if (!s) {
		fprintf(stderr, "gouji: %s\n", d.message);
		gj_project_close(&p);
		return 2;
	}
	char url[128];
	int v6 = strchr(o.listen, ':') != NULL;
	snprintf(url, sizeof url, v6 ? "http://[%s]:%d/" : "http://%s:%d/", o.listen, gj_serve_port(s));
	printf("gouji serve: %s\n", url);
	printf("请在浏览器中打开上面的地址，把报告拖进页面；按 Ctrl+C 结束。"
	       "(open the address in a browser and drop the reports in; Ctrl+C stops)\n");
	fflush(stdout);
	if (!no_open)
		open_page(url);
	int sig;
	sigwait(&stop, &sig);
	gj_serve_stop(s);
	gj_project_close(&p);
	return 0;
}
