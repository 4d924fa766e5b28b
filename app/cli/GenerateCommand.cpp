// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "generate/ExtractGenerator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <limits>

namespace cpm::cli {

namespace {

/** Reads a non-negative integer option; a bad value names the option in @p reason. */
bool readCount(const QCommandLineParser &parser, const QString &name, qint64 maximum, qint64 *value, QString *reason)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 parsed = parser.value(name).toLongLong(&ok);
    if (!ok || parsed < 0 || parsed > maximum) {
        *reason = QStringLiteral("--%1 expects a whole number from 0 to %2, got '%3'")
                      .arg(name).arg(maximum).arg(parser.value(name));
        return false;
    }
    *value = parsed;
    return true;
}

bool readOptions(const QCommandLineParser &parser, GeneratorOptions *options, QString *reason)
{
    if (!parser.isSet(QStringLiteral("transactions")) || !parser.isSet(QStringLiteral("out"))) {
        *reason = QStringLiteral("--transactions N and --out DIR are required");
        return false;
    }
    qint64 stores = options->stores, devices = options->devices;
    const qint64 maxInt = std::numeric_limits<int>::max();
    if (!readCount(parser, QStringLiteral("transactions"), std::numeric_limits<qint64>::max(), &options->transactions, reason)
        || !readCount(parser, QStringLiteral("stores"), maxInt, &stores, reason)
        || !readCount(parser, QStringLiteral("devices"), maxInt, &devices, reason)
        || !readCount(parser, QStringLiteral("first-id"), std::numeric_limits<qint64>::max() / 2, &options->firstId, reason))
        return false;
    options->stores = static_cast<int>(stores);
    options->devices = static_cast<int>(devices);
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        options->seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            *reason = QStringLiteral("--seed expects a whole number, got '%1'").arg(parser.value(QStringLiteral("seed")));
            return false;
        }
    }
    options->cardData = !parser.isSet(QStringLiteral("no-card-data"));
    const QString profile = parser.value(QStringLiteral("profile"));
    if (profile == QLatin1String("wide")) {
        options->profile = GeneratorProfile::Wide;
    } else if (profile != QLatin1String("standard")) {
        *reason = QStringLiteral("--profile expects standard or wide, got '%1'").arg(profile);
        return false;
    }
    return true;
}

/** Where the files went, their sizes, and the options that reproduce them. */
void printSummary(QTextStream &out, const QString &directory, const GeneratorOptions &options, qint64 milliseconds)
{
    const QDir dir(directory);
    out << "Wrote " << options.transactions << " synthetic transactions (seed " << options.seed
        << (options.cardData ? ", with card data" : ", no card data")
        << (options.profile == GeneratorProfile::Wide ? ", wide profile" : "") << ") to "
        << QDir::toNativeSeparators(dir.absolutePath()) << ":\n";
    for (const char *name : {"stores.csv", "devices.csv", "transactions.csv"}) {
        const QFileInfo info(dir.filePath(QLatin1String(name)));
        out << "  " << name << "  " << info.size() << " bytes\n";
    }
    out << "in " << QString::number(milliseconds / 1000.0, 'f', 1) << " s\n";
}

class GenerateCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("generate"); }
    QString summary() const override { return QStringLiteral("Write deterministic synthetic extracts (stores, devices, transactions)."); }

    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("transactions"), QStringLiteral("Number of transactions (required)."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("out"), QStringLiteral("Output directory, created if missing (required)."), QStringLiteral("DIR")});
        parser.addOption({QStringLiteral("stores"), QStringLiteral("Number of stores (default: from transactions, at least 20)."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("devices"), QStringLiteral("Number of devices (default: two per store)."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("first-id"),
                          QStringLiteral("First transaction id (default 1): a later extract of the same network continues the ids."),
                          QStringLiteral("N")});
        parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed; the same options and seed give identical files."), QStringLiteral("S")});
        parser.addOption({QStringLiteral("no-card-data"), QStringLiteral("Leave out the card_number and cvv columns.")});
        parser.addOption({QStringLiteral("profile"),
                          QStringLiteral("Data shape: standard (default; a few hundred products) or wide (one product per 20 "
                                         "transactions with long quoted names, card numbers also dashed)."),
                          QStringLiteral("NAME"), QStringLiteral("standard")});
    }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        GeneratorOptions options;
        QString reason;
        if (!parser.positionalArguments().isEmpty())
            reason = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst());
        if (!reason.isEmpty() || !readOptions(parser, &options, &reason)) {
            err << "cpm-cli generate: " << reason << '\n';
            return 2;
        }
        const QString directory = parser.value(QStringLiteral("out"));
        QElapsedTimer timer;
        timer.start();
        ExtractGenerator generator;
        if (!generator.write(directory, options)) {
            err << "cpm-cli generate: " << generator.error().toString() << '\n';
            return generator.error().code == Error::Code::Usage ? 2 : 1;
        }
        printSummary(out, directory, options, timer.elapsed());
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeGenerateCommand()
{
    return std::make_unique<GenerateCommand>();
}

} // namespace cpm::cli
