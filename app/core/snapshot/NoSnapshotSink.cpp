// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot/NoSnapshotSink.h"

namespace cpm {

std::unique_ptr<SnapshotSink> SnapshotSink::none()
{
    return std::make_unique<NoSnapshotSink>();
}

} // namespace cpm
