// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/InsertBatch.h"

#include <QString>

namespace cpm {

/**
 * Where InsertPipeline's inserting thread puts the rows: prepared SQLite statements, or a
 * COPY into a PostgreSQL team warehouse. Used by one thread at a time.
 */
class RowWriter
{
public:
    virtual ~RowWriter() = default;
    /** Writes every row of @p batch. False: @p error and @p failedLine say which row failed. */
    virtual bool write(const InsertBatch &batch, QString *error, qint64 *failedLine) = 0;
    /** Everything was handed over: flush what is buffered. False: @p error says why. */
    virtual bool finish(QString *error) { Q_UNUSED(error); return true; }
    /** The load stops (cancel, error, reload): drop what is buffered (the caller rolls back). */
    virtual void abandon() {}
};

} // namespace cpm
