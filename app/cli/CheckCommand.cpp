// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"
#include "Commands.h"

#include "transform/DataTestRunner.h"
#include "warehouse/ReadTransaction.h"

namespace cpm::cli {

namespace {

/**
 * Runs the data tests. Failures are warnings (exit 0) unless --strict, where they fail with
 * one line naming them (exit 1), like any other failure; SQL errors always fail.
 */
class CheckCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("check"); }
    QString summary() const override { return QStringLiteral("Run the data tests and report offending rows"); }

    void addOptions(QCommandLineParser &parser) const override
    {
        addWarehouseOptions(parser);
        parser.addOption({QStringLiteral("strict"), QStringLiteral("Fail (exit 1) when a data test finds offending rows, an empty raw table included.")});
    }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        OpenedWarehouse opened;
        if (!openWarehouse(parser, &opened, err, name()))
            return 1;
        if (!opened.warehouse.hasRelation(QStringLiteral("fct_transactions")))
            return fail(err, name(), QStringLiteral("the warehouse holds no data yet: import extracts first"));
        const ReadTransaction consistent(opened.warehouse.database(), opened.project.root());
        DataTestRunner runner(opened.warehouse.database(), opened.warehouse.dialect(), opened.project.root());
        const QVector<DataTestResult> results = runner.run(opened.project.dataTests());
        QStringList warned;
        for (const DataTestResult &result : results) {
            if (!result.error.isEmpty())
                return fail(err, name(), QStringLiteral("%1: %2").arg(result.name, result.error));
            out << (result.passed() ? "PASS " : "WARN ") << result.name;
            if (!result.passed()) {
                warned << QStringLiteral("%1 (%2 rows)").arg(result.name).arg(result.failingRows);
                out << ": " << result.failingRows << " offending rows";
            }
            out << " — " << result.description << '\n';
            for (const QStringList &sample : result.samples)
                out << "     " << zip(result.columns, sample) << '\n';
        }
        out << results.size() - warned.size() << " passed, " << warned.size() << " with warnings\n";
        if (warned.isEmpty() || !parser.isSet(QStringLiteral("strict")))
            return 0;
        return fail(err, name(), QStringLiteral("--strict: %1 data test(s) with warnings: %2")
                                     .arg(warned.size()).arg(warned.join(QStringLiteral(", "))));
    }

private:
    static QString zip(const QStringList &columns, const QStringList &values)
    {
        QStringList pairs;
        for (int i = 0; i < values.size(); ++i)
            pairs << QStringLiteral("%1=%2").arg(columns.value(i), values[i]);
        return pairs.join(QStringLiteral(", "));
    }
};

} // namespace

std::unique_ptr<Command> makeCheckCommand()
{
    return std::make_unique<CheckCommand>();
}

} // namespace cpm::cli
