// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"
#include "Commands.h"

#include "csv/TimestampParser.h"
#include "import/ImportWorker.h"
#include "warehouse/RejectPolicy.h"
#include "warehouse/WarehouseLocation.h"

#include <QElapsedTimer>

#include <memory>

namespace cpm::cli {

namespace {

bool parseDateFormat(const QString &text, DateOrder *order)
{
    const QString name = text.trimmed().toLower();
    if (name == QLatin1String("auto"))
        *order = DateOrder::Unknown;
    else if (name == QLatin1String("mdy") || name == QLatin1String("month-first"))
        *order = DateOrder::MonthFirst;
    else if (name == QLatin1String("dmy") || name == QLatin1String("day-first"))
        *order = DateOrder::DayFirst;
    else if (name == QLatin1String("ymd") || name == QLatin1String("iso"))
        *order = DateOrder::YearFirst;
    else
        return false;
    return true;
}

class ImportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override { return QStringLiteral("Load stores/devices/transactions extracts (CSV or .xlsx) into a warehouse"); }

    void addOptions(QCommandLineParser &parser) const override
    {
        addWarehouseOptions(parser);
        for (const char *role : {"stores", "devices", "transactions"}) {
            parser.addOption({QString::fromLatin1(role),
                              QStringLiteral("Import FILE as the %1 extract (skips header detection of its role).")
                                  .arg(QString::fromLatin1(role)),
                              QStringLiteral("FILE")});
        }
        parser.addOption({QStringLiteral("date-format"),
                          QStringLiteral("Date order of every timestamp: auto (default), mdy, dmy or ymd."),
                          QStringLiteral("ORDER"), QStringLiteral("auto")});
        parser.addOption({QStringLiteral("decimal"),
                          QStringLiteral("Decimal mark of amounts: auto (default: detected per file), comma or point."),
                          QStringLiteral("MARK"), QStringLiteral("auto")});
        parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Validate and count, then roll back.")});
        parser.addOption({QStringLiteral("max-reject-share"),
                          QStringLiteral("Refuse the import when a file rejects more than SHARE of its rows: a fraction "
                                         "0..1 (default 0.5) or a percentage like 50%. A file that loads no row is "
                                         "always refused."),
                          QStringLiteral("SHARE"), QStringLiteral("0.5")});
        parser.addOption({QStringLiteral("rejects"),
                          QStringLiteral("Write every rejected row to FILE as CSV (also when the import is refused)."),
                          QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("extract-time"),
                          QStringLiteral("The moment the extracts describe, like 2022-02-05T00:00:00 (default: now): "
                                         "stores whose name, typology, country or city changed get a new version from then on."),
                          QStringLiteral("TIME")});
        parser.addOption({QStringLiteral("timings"),
                          QStringLiteral("Print on stderr when each phase of the import starts (seconds since start).")});
        parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Extracts: CSV files or .xlsx workbooks (each sheet), recognised by their header."), QStringLiteral("[FILE...]"));
    }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        // The wizard's import job, run on this thread: the same options, validation and import.
        ImportOptions options = ImportWorker::options(parser.isSet(QStringLiteral("dry-run")), QStringLiteral("cli"));
        if (!parseDateFormat(parser.value(QStringLiteral("date-format")), &options.dateOrder))
            return fail(err, name(), QStringLiteral("--date-format '%1' is not one of auto, mdy, dmy, ymd")
                                         .arg(parser.value(QStringLiteral("date-format"))), 2);
        if (!decimalMarkFromName(parser.value(QStringLiteral("decimal")), &options.decimalMark))
            return fail(err, name(), QStringLiteral("--decimal '%1' is not one of auto, comma, point")
                                         .arg(parser.value(QStringLiteral("decimal"))), 2);
        QString problem;
        if (!RejectPolicy::parseShare(parser.value(QStringLiteral("max-reject-share")), &options.maxRejectShare, &problem))
            return fail(err, name(), QStringLiteral("--max-reject-share ") + problem, 2);
        options.rejectsPath = parser.value(QStringLiteral("rejects"));
        if (parser.isSet(QStringLiteral("extract-time"))) {
            const QString text = parser.value(QStringLiteral("extract-time")).trimmed().replace(QLatin1Char(' '), QLatin1Char('T'));
            options.extractTime = QDateTime::fromString(text, Qt::ISODate);
            if (!options.extractTime.isValid())
                return fail(err, name(), QStringLiteral("--extract-time '%1' is not a time like 2022-02-05T00:00:00")
                                             .arg(parser.value(QStringLiteral("extract-time"))), 2);
        }
        for (const QString &path : parser.positionalArguments())
            options.files.push_back({path, FileRole::Unknown});
        for (const char *role : {"stores", "devices", "transactions"}) {
            const QString path = parser.value(QString::fromLatin1(role));
            if (!path.isEmpty())
                options.files.push_back({path, roleFromName(QString::fromLatin1(role))});
        }
        if (const Error invalid = ImportWorker::validate(options); invalid.isError())
            return fail(err, name(), invalid.message, 2);
        const QString db = parser.value(QStringLiteral("db"));
        if (db.isEmpty())
            return fail(err, name(), QStringLiteral("--db FILE|URI is required"), 2);
        ImportWorker worker(db, options, nullptr, parser.value(QStringLiteral("sql-dir")));
        const ImportSummary summary = worker.run(parser.isSet(QStringLiteral("timings")) ? phaseTimer(err) : ImportWorker::Progress());
        if (summary.error.code == Error::Code::Rejected)
            printRefused(summary, options.rejectsPath, out);
        if (!summary.succeeded())
            return fail(err, name(), summary.error.toString());
        WarehouseLocation location;
        Error ignored;
        print(summary, WarehouseLocation::parse(db, &location, &ignored) && location.isPostgres(), out);
        if (!options.rejectsPath.isEmpty())
            out << "rejected rows written to " << options.rejectsPath << '\n';
        return 0;
    }

private:
    /** Prints each new phase with the seconds since the import started: where the time goes. */
    static ImportWorker::Progress phaseTimer(QTextStream &err)
    {
        auto timer = std::make_shared<QElapsedTimer>();
        auto last = std::make_shared<QString>();
        timer->start();
        return [timer, last, &err](const QString &phase, qint64, qint64) {
            if (phase == *last)
                return;
            *last = phase;
            err << QString::number(double(timer->elapsed()) / 1000.0, 'f', 3) << " s  " << phase << Qt::endl;
        };
    }

    static void printRejects(const FileImportSummary &file, QTextStream &out)
    {
        // One line per reason, not one per row: 1,800 identical lines say less than one.
        for (const RejectGroup &group : file.rejectGroups.byCount())
            out << "  rejected " << group.rows << (group.rows == 1 ? " row: " : " rows: ") << RejectSummary::what(group)
                << " (" << RejectSummary::lines(group) << ")\n";
    }

    /** A refused import: why, per reason, on stdout (stderr gets the one line). */
    static void printRefused(const ImportSummary &summary, const QString &rejectsPath, QTextStream &out)
    {
        for (const FileImportSummary &file : summary.files) {
            if (file.rowsRejected == 0)
                continue;
            out << roleName(file.role) << ": " << file.path << '\n' << "  read " << file.rowsRead << ", rejected "
                << file.rowsRejected << '\n';
            printRejects(file, out);
        }
        if (!rejectsPath.isEmpty())
            out << "rejected rows written to " << rejectsPath << '\n';
        out << "refused: nothing was imported\n";
    }

    // A team warehouse stores no snapshot: readers build theirs from the server's models.
    static QString snapshotNote(const ImportSummary &summary, bool teamWarehouse)
    {
        if (teamWarehouse)
            return QStringLiteral(" (team warehouse: no snapshot stored; readers see the new data on refresh)");
        return QStringLiteral(" (load %1 s, models %2 s, columnar snapshot %3 s, %4)")
            .arg(QString::number(summary.loadSeconds, 'f', 2), QString::number(summary.refreshSeconds, 'f', 2),
                 QString::number(summary.snapshotSeconds, 'f', 2),
                 summary.snapshotFromLoadedRows ? QStringLiteral("from the loaded rows") : QStringLiteral("from the models"));
    }

    static void print(const ImportSummary &summary, bool teamWarehouse, QTextStream &out)
    {
        for (const FileImportSummary &file : summary.files) {
            out << roleName(file.role) << ": " << file.path << '\n';
            if (file.alreadyImported) {
                out << "  already imported in batch " << file.previousBatch << ": nothing changed\n";
                continue;
            }
            out << "  format: " << file.dialect.describe() << '\n';
            for (auto it = file.timestampFormats.cbegin(); it != file.timestampFormats.cend(); ++it)
                out << "  " << it.key() << ": " << it.value().describe() << '\n';
            if (file.role == FileRole::Transactions)
                out << "  amount: " << file.amountFormat.describe() << '\n';
            out << "  read " << file.rowsRead << ", loaded " << file.rowsLoaded << " (" << file.rowsInserted
                << " new), rejected " << file.rowsRejected << ", duplicate ids " << file.duplicateIds << '\n';
            printRejects(file, out);
            for (const ImportNote &note : file.notes)
                out << "  note: " << note.message << '\n';
        }
        for (const DataTestResult &test : summary.dataTests) {
            if (!test.passed())
                out << "after import: " << test.failingRows << " rows: " << test.description << '\n';
        }
        if (summary.dryRun)
            out << "dry run: nothing was written\n";
        else
            out << "batch " << summary.batchId << " committed in "
                << QString::number(summary.loadSeconds + summary.refreshSeconds + summary.snapshotSeconds, 'f', 2)
                << " s" << snapshotNote(summary, teamWarehouse) << '\n';
    }
};

} // namespace

std::unique_ptr<Command> makeImportCommand()
{
    return std::make_unique<ImportCommand>();
}

} // namespace cpm::cli
