// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace cpm::cli {

/**
 * When the verb is `report`, replaces this process with cpm-report (same arguments), or exits
 * with status 1 and one line on stderr when it cannot be started. Returns for other verbs.
 */
void forwardReportVerb(int argc, char *argv[]);

} // namespace cpm::cli
