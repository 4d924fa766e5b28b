// SPDX-License-Identifier: GPL-3.0-or-later
// load_rows: an eponymous, read-only virtual table over an InsertBatch (see BatchRows.h).
#include "warehouse/BatchRows.h"

#include <sqlite3.h>

#include <cstring>

namespace cpm {

namespace {

struct Cursor : sqlite3_vtab_cursor
{
    const BatchRows *rows = nullptr;
    std::size_t row = 0;

    void skipOtherStatements()
    {
        while (row < rows->end && rows->batch->rows[row].statement != rows->statement)
            ++row;
    }
};

// v1..v16, then the hidden argument column that carries the BatchRows pointer.
constexpr int kArgumentColumn = BatchRows::kColumns;

int connect(sqlite3 *db, void *, int, const char *const *, sqlite3_vtab **table, char **)
{
    const int rc = sqlite3_declare_vtab(db, "create table x(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, "
                                            "v14, v15, v16, rows hidden)");
    if (rc != SQLITE_OK)
        return rc;
    *table = static_cast<sqlite3_vtab *>(sqlite3_malloc(sizeof(sqlite3_vtab)));
    if (!*table)
        return SQLITE_NOMEM;
    std::memset(*table, 0, sizeof(sqlite3_vtab));
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab *table)
{
    sqlite3_free(table);
    return SQLITE_OK;
}

// The only plan: the rows argument given as load_rows(?1); without it there is nothing to read.
int bestIndex(sqlite3_vtab *, sqlite3_index_info *info)
{
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto &constraint = info->aConstraint[i];
        if (constraint.iColumn != kArgumentColumn || constraint.op != SQLITE_INDEX_CONSTRAINT_EQ)
            continue;
        if (!constraint.usable)
            return SQLITE_CONSTRAINT;
        info->aConstraintUsage[i].argvIndex = 1;
        info->aConstraintUsage[i].omit = 1;
        info->estimatedCost = 1;
        info->estimatedRows = 2048;
        return SQLITE_OK;
    }
    return SQLITE_CONSTRAINT;
}

int open(sqlite3_vtab *, sqlite3_vtab_cursor **cursor)
{
    *cursor = new Cursor;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor *cursor)
{
    delete static_cast<Cursor *>(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor *base, int, const char *, int argc, sqlite3_value **argv)
{
    auto *cursor = static_cast<Cursor *>(base);
    cursor->rows = argc > 0 ? static_cast<const BatchRows *>(sqlite3_value_pointer(argv[0], BatchRows::kPointerType)) : nullptr;
    if (!cursor->rows)
        return SQLITE_OK;
    cursor->row = cursor->rows->begin;
    cursor->skipOtherStatements();
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor *base)
{
    auto *cursor = static_cast<Cursor *>(base);
    ++cursor->row;
    cursor->skipOtherStatements();
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor *base)
{
    const auto *cursor = static_cast<const Cursor *>(base);
    return !cursor->rows || cursor->row >= cursor->rows->end;
}

// The parameter with 1-based @p index of the row: where the loader binds it in index order
// (every raw row), else by search; null when the row has none.
const InsertBatch::Param *parameter(const InsertBatch &batch, std::size_t row, int index)
{
    const std::size_t first = batch.rows[row].firstParam, end = batch.paramsEnd(row);
    const std::size_t guess = first + std::size_t(index - 1);
    if (guess < end && batch.params[guess].index == index)
        return &batch.params[guess];
    for (std::size_t p = first; p < end; ++p) {
        if (batch.params[p].index == index)
            return &batch.params[p];
    }
    return nullptr;
}

int column(sqlite3_vtab_cursor *base, sqlite3_context *context, int i)
{
    const auto *cursor = static_cast<const Cursor *>(base);
    const InsertBatch &batch = *cursor->rows->batch;
    const InsertBatch::Param *param = i < kArgumentColumn ? parameter(batch, cursor->row, i + 1) : nullptr;
    if (!param) {
        sqlite3_result_null(context);
        return SQLITE_OK;
    }
    switch (param->kind) {
    case InsertBatch::Kind::Null: sqlite3_result_null(context); break;
    case InsertBatch::Kind::Int: sqlite3_result_int64(context, param->integer); break;
    case InsertBatch::Kind::Double: sqlite3_result_double(context, param->real); break;
    case InsertBatch::Kind::Text:
        // The batch outlives the statement's step: SQLite may keep the pointer without a copy.
        sqlite3_result_text(context, batch.bytes.data() + param->offset, int(param->size), SQLITE_STATIC);
        break;
    }
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *id)
{
    *id = sqlite3_int64(static_cast<const Cursor *>(base)->row);
    return SQLITE_OK;
}

sqlite3_module makeModule()
{
    sqlite3_module module;
    std::memset(&module, 0, sizeof module);
    module.xConnect = connect; // no xCreate: eponymous only, nothing is stored in the schema
    module.xBestIndex = bestIndex;
    module.xDisconnect = disconnect;
    module.xOpen = open;
    module.xClose = close;
    module.xFilter = filter;
    module.xNext = next;
    module.xEof = eof;
    module.xColumn = column;
    module.xRowid = rowid;
    return module;
}

} // namespace

bool BatchRows::registerModule(sqlite3 *db)
{
    static const sqlite3_module module = makeModule();
    return sqlite3_create_module_v2(db, "load_rows", &module, nullptr, nullptr) == SQLITE_OK;
}

} // namespace cpm
