// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/DiffRunner.h"

#include "session/JobThread.h"
#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

namespace cpm {

namespace {

/** What a job hands back to the GUI thread. */
struct Answer
{
    QVector<ImportBatch> batches;
    ImportDiffResult result;
    QString error;
};

// Runs @p work on a connection of the job's thread, closed when the job ends.
template<typename Work>
Answer withWarehouse(const QString &location, Work work)
{
    Answer answer;
    SqlProject project;
    Warehouse warehouse;
    Error error;
    if (!project.load())
        answer.error = project.error().toString();
    else if (!warehouse.open(location, project))
        answer.error = warehouse.error().toString();
    else if (!work(ImportDiff(warehouse, project), &answer, &error))
        answer.error = error.toString();
    return answer;
}

} // namespace

DiffRunner::DiffRunner(QObject *parent) : QObject(parent), m_jobs(new JobThread(QStringLiteral("cpm-diff"), false, this)) {}

DiffRunner::~DiffRunner()
{
    m_jobs->finish(); // before our members go: a running job still reaches m_jobs
}

void DiffRunner::listBatches(const QString &location)
{
    JobThread *jobs = m_jobs;
    jobs->post([this, jobs, location] {
        const Answer answer = withWarehouse(location, [](ImportDiff diff, Answer *out, Error *error) {
            return diff.batches(&out->batches, error);
        });
        jobs->deliver([this, answer] {
            if (answer.error.isEmpty())
                emit batchesListed(answer.batches);
            else
                emit failed(answer.error);
        });
    });
}

void DiffRunner::start(const QString &location, const DiffRequest &request)
{
    const quint64 serial = ++m_serial;
    m_jobs->dropPending();
    JobThread *jobs = m_jobs;
    jobs->post([this, jobs, location, request, serial] {
        const Answer answer = withWarehouse(location, [&request](ImportDiff diff, Answer *out, Error *error) {
            return diff.run(request, &out->result, error);
        });
        jobs->deliver([this, serial, answer] {
            if (serial != m_serial)
                return; // a newer comparison was asked meanwhile
            m_answered = serial;
            if (answer.error.isEmpty())
                emit finished(answer.result);
            else
                emit failed(answer.error);
        });
    });
}

} // namespace cpm
