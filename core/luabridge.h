/*
 * luabridge.h — the model as Lua sees it: a report becomes a read-only
 * table with the keys of `gouji dump` (report.tables.requests.new.total,
 * report.cells["tables.requests.new.total"].status, report.sections[1].text
 * …), where a missing or ambiguous value is nil.  Stage: model → Lua.
 */
#ifndef GJ_LUABRIDGE_H
#define GJ_LUABRIDGE_H

#include "model.h"
#include "sandbox.h"

struct gj_value;

/* Push a value tree as Lua tables (not frozen). */
void gj_lua_push_value(gj_sandbox *sb, const struct gj_value *v);
/* The same, read-only (as gj_luaview_freeze would leave it). */
void gj_lua_push_frozen(gj_sandbox *sb, const struct gj_value *v);

/* Push the report as a frozen table on the sandbox's stack.  Its cells
 * are made as rules read them, from r itself: r must live until
 * gj_lua_report_done(handle), after which report.cells is empty. */
typedef struct gj_lua_report gj_lua_report;
gj_lua_report *gj_lua_push_report(gj_sandbox *sb, const gj_report *r);
void gj_lua_report_done(gj_lua_report *h);

#endif
