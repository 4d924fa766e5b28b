// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/ExplainRunner.h"

#include "explain/MetricExplainer.h"
#include "session/JobThread.h"
#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

namespace cpm {

namespace {

/** What a job hands back to the GUI thread. */
struct Answer
{
    Explanation explanation;
    QString error;
};

Answer answerRequest(const QString &path, const ExplainRequest &request)
{
    Answer answer;
    SqlProject project;
    Warehouse warehouse; // a connection of the job's thread, closed when the job ends
    if (!project.load()) {
        answer.error = project.error().toString();
    } else if (!warehouse.open(path, project)) {
        answer.error = warehouse.error().toString();
    } else {
        MetricExplainer explainer(warehouse.database(), project.root());
        Error error;
        if (!explainer.explain(request.metricId, request.key, request.filter, &answer.explanation, &error))
            answer.error = error.toString();
    }
    return answer;
}

} // namespace

ExplainRunner::ExplainRunner(QObject *parent)
    : QObject(parent), m_jobs(new JobThread(QStringLiteral("cpm-explain"), false, this))
{
}

ExplainRunner::~ExplainRunner()
{
    m_jobs->finish(); // before our members go: a running job still reaches m_jobs
}

void ExplainRunner::start(const QString &path, const ExplainRequest &request)
{
    const quint64 serial = ++m_serial;
    m_jobs->dropPending(); // an older question not started yet is not worth answering
    JobThread *jobs = m_jobs;
    jobs->post([this, jobs, path, request, serial] {
        const Answer answer = answerRequest(path, request);
        jobs->deliver([this, serial, answer] {
            if (serial != m_serial)
                return; // a newer question was asked meanwhile
            m_answered = serial;
            if (answer.error.isEmpty())
                emit finished(answer.explanation);
            else
                emit failed(answer.error);
        });
    });
}

} // namespace cpm
