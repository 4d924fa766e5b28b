// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/RejectPolicy.h"

#include <QLocale>

#include <cmath>

namespace cpm {

bool RejectPolicy::parseShare(const QString &text, double *share, QString *problem)
{
    QString number = text.trimmed();
    const bool percentSign = number.endsWith(QLatin1Char('%'));
    if (percentSign)
        number.chop(1);
    bool ok = false;
    double value = QLocale::c().toDouble(number.trimmed(), &ok);
    const double top = percentSign ? 100.0 : 1.0;
    if (!ok || !std::isfinite(value) || value < 0 || value > top) {
        *problem = percentSign ? QStringLiteral("'%1' is not a percentage from 0% to 100%").arg(text)
                               : QStringLiteral("'%1' is not a share from 0 to 1 (write 0.5, or 50% for a percentage)").arg(text);
        return false;
    }
    *share = percentSign ? value / 100.0 : value;
    return true;
}

QString RejectPolicy::percent(double share)
{
    const double value = share * 100.0;
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    return QString::number(value, 'f', whole ? 0 : 1) + QLatin1Char('%');
}

Error RejectPolicy::check(const FileImportSummary &file, double maxShare)
{
    Error error = Error::make(Error::Code::Rejected, QString());
    error.file = file.path;
    if (file.alreadyImported)
        return Error();
    if (file.rowsRead == 0) {
        error.message = QStringLiteral("no data rows, only a header: the file is refused, nothing was imported");
        error.expected = QStringLiteral("at least one row under the header");
        return error;
    }
    const double share = double(file.rowsRejected) / double(file.rowsRead);
    if (file.rowsRejected < file.rowsRead && share <= maxShare)
        return Error();
    const QString limit = file.rowsRejected == file.rowsRead ? QStringLiteral("every row")
                                                             : QStringLiteral("more than the %1 allowed").arg(percent(maxShare));
    error.message = QStringLiteral("%1 of %2 data rows rejected (%3, %4): the file is refused, nothing was imported")
                        .arg(file.rowsRejected).arg(file.rowsRead).arg(percent(share), limit);
    if (const RejectGroup *common = file.rejectGroups.mostCommon()) {
        error.message += QStringLiteral("; most common: line %1, %2 (%3)")
                             .arg(common->firstLines.value(0))
                             .arg(RejectSummary::what(*common),
                                  common->rows == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(common->rows));
    }
    return error;
}

} // namespace cpm
