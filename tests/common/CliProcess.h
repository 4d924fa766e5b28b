// SPDX-License-Identifier: GPL-3.0-or-later
// Runs cpm-cli (the CPM_CLI the test registration sets) as a user would: arguments in, exit
// code and both output streams out. Header-only, for the tests/cli suites.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace cpm::test {

/** What one cpm-cli run printed and how it ended (code -1: crashed or never finished). */
struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

/** Runs cpm-cli @p arguments to completion (at most two minutes). */
inline Run cli(const QStringList &arguments)
{
    QProcess process;
    // Any modifier makes Qt fork instead of vfork-cloning: the vfork child runs ThreadSanitizer's
    // hooks on the parent's thread state and leaves the test's GUI thread unchecked afterwards.
    process.setChildProcessModifier([] {});
    process.start(qEnvironmentVariable("CPM_CLI"), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

} // namespace cpm::test
