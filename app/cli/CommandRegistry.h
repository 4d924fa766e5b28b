// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace cpm::cli {

/** Every verb cpm-cli knows, in help order. */
std::vector<std::unique_ptr<Command>> allCommands();

/** Parses @p arguments (argv[0] first), dispatches to the verb and returns the exit code. */
int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace cpm::cli
