// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandRegistry.h"
#include "ReportForward.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // A plain console program: no display, no platform plugin, only Qt Core and SQL loaded.
    // `report` draws charts and is handed to cpm-report before anything else starts.
    cpm::cli::forwardReportVerb(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpm-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPM_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return cpm::cli::runCommandLine(QCoreApplication::arguments(), out, err);
}
