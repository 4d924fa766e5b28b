// SPDX-License-Identifier: GPL-3.0-or-later
// cpm-cli's `report` verb. Drawing the report's charts needs Qt Widgets, Charts, OpenGL and
// the platform plugins; linking them into cpm-cli made every verb load ~60 more shared
// libraries (3x the start-up of a Qt Core program, most of a cold `metrics` call's fixed
// cost). So cpm-cli stays a Qt Core program and hands `report` to its sibling cpm-report
// (the same verbs, built with the UI library), replacing itself so the exit code, output
// and signals are the report's own.
#include "CliSupport.h"
#include "Commands.h"
#include "ReportForward.h"

#include <QDir>
#include <QFileInfo>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace cpm::cli {

namespace {

/** The cpm-report next to this executable (build tree), or in libexec/cpm (installed). */
QString findReportBinary(const QString &selfDir)
{
    const QString override = qEnvironmentVariable("CPM_REPORT_BINARY");
    if (!override.isEmpty())
        return override;
    for (const QString &candidate : {QDir(selfDir).filePath(QStringLiteral("cpm-report")),
                                     QDir(selfDir).filePath(QStringLiteral("../libexec/cpm/cpm-report"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QDir::cleanPath(candidate);
    }
    return QString();
}

QString executableDir()
{
    char path[4096];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return QString();
    return QFileInfo(QString::fromLocal8Bit(path, int(n))).absolutePath();
}

/** Listed in the overview like every verb; main() hands the verb to cpm-report before it could run. */
class ReportForwardCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override { return QStringLiteral("Write the PDF/XLSX report (or a folder with every export)"); }
    void addOptions(QCommandLineParser &) const override {}
    int run(const QCommandLineParser &, QTextStream &, QTextStream &err) override
    {
        return fail(err, name(), QStringLiteral("internal: the report verb runs in cpm-report"));
    }
};

} // namespace

void forwardReportVerb(int argc, char *argv[])
{
    if (argc < 2 || std::strcmp(argv[1], "report") != 0)
        return;
    const QByteArray binary = findReportBinary(executableDir()).toLocal8Bit();
    if (!binary.isEmpty()) {
        std::vector<char *> arguments(argv, argv + argc);
        arguments.push_back(nullptr);
        execv(binary.constData(), arguments.data());
        std::fprintf(stderr, "cpm-cli report: cannot start %s: %s\n", binary.constData(), std::strerror(errno));
    } else {
        std::fprintf(stderr, "cpm-cli report: cpm-report was not found next to cpm-cli or in ../libexec/cpm "
                             "(set CPM_REPORT_BINARY to its path)\n");
    }
    std::exit(1);
}

std::unique_ptr<Command> makeReportCommand()
{
    return std::make_unique<ReportForwardCommand>();
}

} // namespace cpm::cli
