// SPDX-License-Identifier: GPL-3.0-or-later
// Process-level helpers for the reliability suites: run cpm-cli (CPM_CLI), open a warehouse
// file on a private connection, and compare files byte for byte. Header-only.
#pragma once

#include "Snapshot.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QUuid>

namespace cpm::test {

struct CliRun
{
    int exitCode = -1;
    bool crashed = false;   ///< ended by a signal (including our own SIGKILL)
    bool finished = false;  ///< false: still running at the deadline and then killed
    QString out;
    QString err;
};

inline QString cliPath()
{
    return qEnvironmentVariable("CPM_CLI");
}

/** Runs cpm-cli @p arguments to completion (or @p timeoutMs), with @p env added. */
inline CliRun runCli(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment(),
                     int timeoutMs = 120000, const QStringList &prefix = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(env);
    process.setProcessEnvironment(environment);
    if (prefix.isEmpty())
        process.start(cliPath(), arguments);
    else
        process.start(prefix.constFirst(), prefix.mid(1) + QStringList{cliPath()} + arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(10000);
    }
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/** A QSqlDatabase on @p path for the lifetime of this object (its own connection name). */
class ScopedDb
{
public:
    explicit ScopedDb(const QString &path) : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~ScopedDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    ScopedDb(const ScopedDb &) = delete;
    ScopedDb &operator=(const ScopedDb &) = delete;

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql);
    }

private:
    QString m_name;
    bool m_open = false;
};

/** `pragma integrity_check` and the snapshot of the warehouse at @p path. */
inline Snapshot checkedSnapshot(const QString &path, QString *integrity, QString *error)
{
    ScopedDb db(path);
    if (!db.isOpen()) {
        *error = QStringLiteral("cannot open ") + path;
        return {};
    }
    *integrity = db.scalar(QStringLiteral("pragma integrity_check")).toString();
    return snapshot(db.db(), error);
}

inline QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

/** Copies @p from over @p to, dropping any -wal/-shm/-journal left next to @p to. */
inline bool replaceFile(const QString &from, const QString &to)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(to + QLatin1String(suffix));
    return QFile::copy(from, to);
}

} // namespace cpm::test
