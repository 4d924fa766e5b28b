// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/ExplainRunner.h"

#include "explain/MetricExplainer.h"
#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

#include <QThread>

#include <memory>

namespace cpm {

namespace {

/** What a worker thread hands back; written by the worker, read after its finished(). */
struct Answer
{
    Explanation explanation;
    QString error;
};

void run(const QString &path, const ExplainRequest &request, Answer *answer)
{
    SqlProject project;
    Warehouse warehouse; // a connection of this thread, closed when it ends
    if (!project.load()) {
        answer->error = project.error().toString();
    } else if (!warehouse.open(path, project)) {
        answer->error = warehouse.error().toString();
    } else {
        MetricExplainer explainer(warehouse.database(), project.root());
        Error error;
        if (!explainer.explain(request.metricId, request.key, request.filter, &answer->explanation, &error))
            answer->error = error.toString();
    }
}

} // namespace

ExplainRunner::ExplainRunner(QObject *parent) : QObject(parent) {}

ExplainRunner::~ExplainRunner()
{
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait(); // a listing in progress finishes; its answer is dropped
        delete thread;  // its queued finished() handler dies with this object
    }
}

bool ExplainRunner::isBusy() const
{
    return !m_threads.isEmpty();
}

void ExplainRunner::start(const QString &path, const ExplainRequest &request)
{
    const quint64 serial = ++m_serial;
    auto answer = std::make_shared<Answer>();
    QThread *thread = QThread::create([path, request, answer] { run(path, request, answer.get()); });
    m_threads << thread;
    connect(thread, &QThread::finished, this, [this, thread, serial, answer] {
        m_threads.removeOne(thread);
        thread->deleteLater();
        if (serial != m_serial)
            return; // a newer question was asked meanwhile
        if (answer->error.isEmpty())
            emit finished(answer->explanation);
        else
            emit failed(answer->error);
    });
    thread->start();
}

} // namespace cpm
