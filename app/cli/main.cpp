// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandRegistry.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpm-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPM_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return cpm::cli::runCommandLine(QCoreApplication::arguments(), out, err);
}
