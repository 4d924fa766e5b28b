// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explain/Explanation.h"

#include <QObject>

class QThread;

namespace cpm {

/** One "explain this number" question: which metric, which row, under which filter. */
struct ExplainRequest
{
    QString metricId;
    QString key;
    MetricFilter filter;
};

/**
 * Answers explain requests off the GUI thread: each runs on a short-lived thread with its own
 * connection to the warehouse file (the listing reads the transactions, which takes seconds
 * on millions of rows). Only the newest request's answer is delivered.
 */
class ExplainRunner : public QObject
{
    Q_OBJECT

public:
    explicit ExplainRunner(QObject *parent = nullptr);
    ~ExplainRunner() override;

    /** Starts explaining @p request on the warehouse at @p path; finished() or failed() follows unless superseded. */
    void start(const QString &path, const ExplainRequest &request);
    /** A request is running. */
    bool isBusy() const;

signals:
    void finished(const cpm::Explanation &explanation);
    void failed(const QString &error);

private:
    quint64 m_serial = 0;
    QList<QThread *> m_threads;
};

} // namespace cpm
