// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandRegistry.h"

#include "Commands.h"

#include "base/BuildInfo.h"

#include <QCoreApplication>

namespace cpm::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeInitCommand());
    commands.push_back(makeImportCommand());
    commands.push_back(makeMetricsCommand());
    commands.push_back(makeCheckCommand());
    commands.push_back(makeModelsCommand());
    commands.push_back(makeGenerateCommand());
    commands.push_back(makeReportCommand());
    commands.push_back(makeExplainCommand());
    commands.push_back(makeAnomaliesCommand());
    commands.push_back(makeDiffCommand());
    return commands;
}

static QString overview(const std::vector<std::unique_ptr<Command>> &commands)
{
    QString text = QStringLiteral("Usage: cpm-cli <command> [options]\n\nCommands:\n");
    for (const auto &command : commands)
        text += QStringLiteral("  %1  %2\n").arg(command->name(), -10).arg(command->summary());
    text += QStringLiteral("\nRun 'cpm-cli <command> --help' for a command's options.\n");
    return text;
}

int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const auto commands = allCommands();
    const QString verb = arguments.value(1);
    if (verb.isEmpty() || verb == QLatin1String("--help") || verb == QLatin1String("-h")
        || verb == QLatin1String("help")) {
        out << overview(commands);
        return verb.isEmpty() ? 2 : 0;
    }
    if (verb == QLatin1String("--version") || verb == QLatin1String("-v")) {
        out << versionLine(QStringLiteral("cpm-cli")) << '\n';
        return 0;
    }
    for (const auto &command : commands) {
        if (command->name() != verb)
            continue;
        QCommandLineParser parser;
        parser.setApplicationDescription(command->summary());
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                      QStringLiteral("Show this help."));
        parser.addOption(help);
        command->addOptions(parser);
        QStringList rest = arguments;
        rest.removeAt(1);
        rest[0] = QStringLiteral("cpm-cli %1").arg(verb);
        if (!parser.parse(rest)) {
            err << "cpm-cli " << verb << ": " << parser.errorText() << '\n';
            return 2;
        }
        if (parser.isSet(help)) {
            out << parser.helpText();
            return 0;
        }
        const int code = command->run(parser, out, err);
        out.flush();
        err.flush();
        return code;
    }
    err << "cpm-cli: unknown command '" << verb << "' (expected one of: import, metrics, check, models, generate, report, explain, anomalies, diff)\n";
    return 2;
}

} // namespace cpm::cli
