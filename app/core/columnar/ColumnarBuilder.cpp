// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/ColumnarBuilder.h"

#include "columnar/ColumnarAssembler.h"
#include "columnar/ColumnarPersist.h"

namespace cpm::columnar {

struct ColumnarBuilder::Impl
{
    explicit Impl(sqlite3 *handle) : db(handle) {}

    sqlite3 *db;
    bool valid = false;
    qint64 lastId = 0;
    Error error;
    std::unique_ptr<ColumnarTable> table;
    std::unique_ptr<detail::Assembler> assembler;
    detail::RawRows rows;
    std::vector<qint64> devices; ///< device id per row; the store slot is known after the refresh
    std::string lastStatus;
    quint8 lastStatusIndex = detail::kNoStatus;
};

ColumnarBuilder::ColumnarBuilder(sqlite3 *db) : d(std::make_unique<Impl>(db)) {}

ColumnarBuilder::~ColumnarBuilder() = default;

void ColumnarBuilder::reset()
{
    sqlite3 *db = d->db;
    d = std::make_unique<Impl>(db);
    d->table = std::make_unique<ColumnarTable>();
    d->assembler = std::make_unique<detail::Assembler>(db, *d->table, &d->error);
    d->valid = true;
}

void ColumnarBuilder::invalidate()
{
    sqlite3 *db = d->db;
    d = std::make_unique<Impl>(db); // frees the rows collected so far
}

bool ColumnarBuilder::valid() const { return d->valid; }

void ColumnarBuilder::add(const BuilderRow &row)
{
    if (!d->valid)
        return;
    if (!d->devices.empty() && row.id <= d->lastId)
        return invalidate();
    d->lastId = row.id;
    // The models' staging rules: a blank product name is "(unnamed product)", a missing SKU ''.
    const std::string_view name = row.name.empty() ? std::string_view("(unnamed product)") : row.name;
    detail::RawRows &rows = d->rows;
    rows.pair.push_back(d->assembler->pairOf(row.sku, name, row.lossySku));
    // Statuses come in runs of a few distinct values: remember the last one.
    if (d->devices.empty() || row.status != d->lastStatus) {
        if (!d->assembler->statusOf(row.status, &d->lastStatusIndex))
            return invalidate(); // over 250 statuses: the rebuild reports it
        d->lastStatus.assign(row.status);
    }
    rows.status.push_back(d->lastStatusIndex);
    rows.amount.push_back(row.amount);
    rows.created.push_back(row.createdAt);
    rows.happened.push_back(row.happenedAt);
    d->devices.push_back(row.device);
}

bool ColumnarBuilder::payload(std::string *out, Error *error)
{
    if (!d->valid || !d->assembler->loadDimensions())
        return *error = d->error, false;
    detail::RawRows &rows = d->rows;
    const ColumnarTable &t = *d->table;
    rows.type.resize(d->devices.size());
    rows.store.resize(d->devices.size());
    for (std::size_t i = 0; i < d->devices.size(); ++i) {
        const detail::Device *device = d->assembler->device(d->devices[i]);
        rows.type[i] = device ? device->type : 0;
        rows.store[i] = device ? device->slot : t.unknownDeviceSlot();
    }
    d->devices = {};
    d->assembler->finish(rows, false);
    *out = persist::encode(t);
    invalidate();
    return true;
}

} // namespace cpm::columnar
