// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "warehouse/ImportTypes.h"

namespace cpm {

/**
 * Decides when a file's rejects refuse its import as a whole: a file that loads nothing (no
 * data rows, or every one rejected) or rejects more than the allowed share is a failed
 * import, not a success with an empty warehouse. The CLI and the wizard share this rule.
 */
class RejectPolicy
{
public:
    static constexpr double kDefaultMaxShare = 0.5;

    /**
     * Reads a share as given on the command line: a fraction from 0 to 1 ("0.5") or a
     * percentage from 0 to 100 with a percent sign ("50%"). False: @p problem says why.
     */
    static bool parseShare(const QString &text, double *share, QString *problem);

    /** The refusal of @p file under @p maxShare (Error::Code::Rejected), or no error when it may load. */
    static Error check(const FileImportSummary &file, double maxShare);

    /** "60%", "33.3%": a share as a percentage, to one decimal when not whole. */
    static QString percent(double share);
};

} // namespace cpm
