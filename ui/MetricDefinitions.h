// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cpm {

/** Help ▸ Metric definitions: the filters and every metric's definition, as rich text. */
QString metricDefinitionsHtml();

} // namespace cpm
