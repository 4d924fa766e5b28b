// SPDX-License-Identifier: GPL-3.0-or-later
// cpm-report: the command line with the UI library, for `cpm-cli report`, which cpm-cli hands
// over here (app/cli/ReportForward.cpp). Charts render through QGraphicsView, which needs a
// QApplication; without a display the offscreen platform draws them.
#include "CommandRegistry.h"

#include <QApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpm-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPM_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return cpm::cli::runCommandLine(QCoreApplication::arguments(), out, err);
}
