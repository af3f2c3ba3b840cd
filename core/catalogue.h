/*
 * catalogue.h — the national format's tables (core/catalogue.inc) as a
 * value tree, for Lua: rules and output scripts get it as the frozen
 * global `catalogue` and read the rows, columns, outcome groups and their
 * names from it instead of writing them again (rules/national/lib/
 * names.lua, scripts/lib/figures.lua).  Beside the model; no Lua here.
 *
 * Ownership: the caller frees the tree with gj_value_free.
 */
#ifndef GJ_CATALOGUE_H
#define GJ_CATALOGUE_H

#include "value.h"

/*
 * {
 *   active   = { rows = { { key, label, name, name_2019, formats,
 *                           cells = { { key, name, name_2019, formats,
 *                                       decimal } } } } },
 *   requests = { rows = { { key, label, official, name, ordinal, group,
 *                           formats, layout } },
 *                columns = { { key, name } },
 *                groups = { { key, name, short, rows = { key… }, single } } },
 *   appeals  = { blocks = { { key, name } }, columns = { { key, name } } },
 * }
 * formats: { "2021", "2019" } (those the row or cell belongs to); layout:
 * "row", "subrow" (（六）'s 2021 sub-rows), "single" (（六）printed as one
 * row); a group's rows are its parts, single the row that stands for them
 * all when printed as one.
 */
gj_value *gj_catalogue_value(void);

#endif
