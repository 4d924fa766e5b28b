// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "snapshot/SnapshotSink.h"

namespace cpm {

/** The snapshot of a warehouse that keeps none: every call is accepted and nothing is stored. */
class NoSnapshotSink : public SnapshotSink
{
public:
    void beginImport(qint64) override {}
    void dimensionsChanged() override {}
    void beginTransactions(qint64, qint64) override {}
    bool wantsRows() const override { return false; }
    void reserve(std::size_t) override {}
    void add(const SnapshotRow &) override {}
    void rowRepeated() override {}
    void startPreparing() override {}
    bool store(qint64, Error *) override { return true; }
    void endImport() override {}
    bool storedFromRows() const override { return false; }
};

} // namespace cpm
