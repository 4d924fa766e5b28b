// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/ImportDiff.h"

#include <QObject>

namespace cpm {

class JobThread;

/**
 * Compares imports off the GUI thread, on a JobThread of its own: each job opens its own
 * connection to the warehouse there (rebuilding an older state and its models takes seconds
 * on millions of rows). Only the newest request's answer is delivered.
 */
class DiffRunner : public QObject
{
    Q_OBJECT

public:
    explicit DiffRunner(QObject *parent = nullptr);
    /** Waits for a comparison under way; its answer is dropped. */
    ~DiffRunner() override;

    /** Lists the warehouse's import batches; batchesListed() or failed() follows. */
    void listBatches(const QString &location);
    /** Compares on the warehouse at @p location; finished() or failed() follows unless superseded. */
    void start(const QString &location, const DiffRequest &request);
    bool isBusy() const { return m_answered != m_serial; }

signals:
    void batchesListed(const QVector<cpm::ImportBatch> &batches);
    void finished(const cpm::ImportDiffResult &result);
    void failed(const QString &error);

private:
    JobThread *m_jobs = nullptr;
    quint64 m_serial = 0;
    quint64 m_answered = 0;
};

} // namespace cpm
