// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explain/Explanation.h"

#include <QObject>

namespace cpm {

class JobThread;

/** One "explain this number" question: which metric, which row, under which filter. */
struct ExplainRequest
{
    QString metricId;
    QString key;
    MetricFilter filter;
};

/**
 * Answers explain requests off the GUI thread, on a JobThread of its own: each request opens
 * its own connection to the warehouse file there (the listing reads the transactions, which
 * takes seconds on millions of rows). Requests not started yet are dropped when a newer one
 * comes, and only the newest request's answer is delivered.
 */
class ExplainRunner : public QObject
{
    Q_OBJECT

public:
    explicit ExplainRunner(QObject *parent = nullptr);
    /** Waits for a listing under way; its answer is dropped. */
    ~ExplainRunner() override;

    /** Starts explaining @p request on the warehouse at @p path; finished() or failed() follows unless superseded. */
    void start(const QString &path, const ExplainRequest &request);
    /** The newest request has not been answered yet. */
    bool isBusy() const { return m_answered != m_serial; }

signals:
    void finished(const cpm::Explanation &explanation);
    void failed(const QString &error);

private:
    JobThread *m_jobs = nullptr;
    quint64 m_serial = 0;   ///< the newest request
    quint64 m_answered = 0; ///< the newest request whose answer arrived
};

} // namespace cpm
