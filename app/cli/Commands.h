// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include <memory>

namespace cpm::cli {

// One factory per verb, each defined in its own <Verb>Command.cpp.
std::unique_ptr<Command> makeInitCommand();
std::unique_ptr<Command> makeImportCommand();
std::unique_ptr<Command> makeMetricsCommand();
std::unique_ptr<Command> makeCheckCommand();
std::unique_ptr<Command> makeModelsCommand();
std::unique_ptr<Command> makeGenerateCommand();
std::unique_ptr<Command> makeReportCommand();
std::unique_ptr<Command> makeExplainCommand();
std::unique_ptr<Command> makeAnomaliesCommand();
std::unique_ptr<Command> makeDiffCommand();

} // namespace cpm::cli
