// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ReportInfo.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

namespace cpm {

namespace {

QString isoMinutes(const QDateTime &when)
{
    return when.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// Statuses and dates end up in file names that travel by e-mail and through shells:
// keep a conservative portable set.
QString fileNamePart(const QString &text)
{
    QString part = text;
    part.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.+-]")), QStringLiteral("_"));
    return part;
}

} // namespace

QDateTime ReportInfo::generatedAt() const
{
    return generated.isValid() ? generated : QDateTime::currentDateTime();
}

KeyValueList ReportInfo::filterLines() const
{
    return describeFilterInWords(filter);
}

KeyValueList ReportInfo::provenanceLines() const
{
    KeyValueList lines;
    const QLocale locale;
    for (const ProvenanceFile &file : files) {
        const QString label = file.role.isEmpty() ? QStringLiteral("File") : QStringLiteral("File (%1)").arg(file.role);
        QString text = QStringLiteral("%1 · %2 rows · %3 rejected")
                           .arg(QFileInfo(file.path).fileName(), locale.toString(file.rows),
                                locale.toString(file.rejected));
        if (!file.sha256.isEmpty())
            text += QStringLiteral(" · sha256 %1").arg(file.sha256);
        if (file.importedAt.isValid())
            text += QStringLiteral(" · imported %1").arg(isoMinutes(file.importedAt));
        lines.append({label, text});
    }
    if (lastImport.isValid())
        lines.append({QStringLiteral("Last import"), isoMinutes(lastImport)});
    lines += extraProvenance;
    return lines;
}

KeyValueList describeFilterInWords(const MetricFilter &filter)
{
    KeyValueList lines;
    const QString statusLabel = filter.statuses.size() == 1 ? QStringLiteral("Status") : QStringLiteral("Statuses");
    lines.append({statusLabel, QStringLiteral("transactions %1").arg(filter.statuses.join(QStringLiteral(", ")))});
    const bool created = filter.timeColumn == TimeColumn::CreatedAt;
    lines.append({QStringLiteral("Dated by"), created ? QStringLiteral("when the transaction was created (created_at)")
                                                      : QStringLiteral("when the transaction happened (happened_at)")});
    QString period;
    if (filter.from.isValid() && filter.to.isValid())
        period = QStringLiteral("from %1 to %2, both days included")
                     .arg(filter.from.toString(Qt::ISODate), filter.to.toString(Qt::ISODate));
    else if (filter.from.isValid())
        period = QStringLiteral("from %1 onwards").arg(filter.from.toString(Qt::ISODate));
    else if (filter.to.isValid())
        period = QStringLiteral("up to and including %1").arg(filter.to.toString(Qt::ISODate));
    else
        period = QStringLiteral("all dates");
    lines.append({QStringLiteral("Period"), period});
    return lines;
}

QString defaultExportFileName(const QString &subject, const MetricFilter &filter, const QString &extension,
                              const QDate &day)
{
    QStringList parts{QStringLiteral("cpm"), subject, filter.statuses.join(QLatin1Char('+')),
                      timeColumnName(filter.timeColumn)};
    if (filter.from.isValid() || filter.to.isValid()) {
        parts << QStringLiteral("%1_to_%2").arg(filter.from.isValid() ? filter.from.toString(Qt::ISODate) : QStringLiteral("start"),
                                                filter.to.isValid() ? filter.to.toString(Qt::ISODate) : QStringLiteral("end"));
    }
    parts << day.toString(Qt::ISODate);
    for (QString &part : parts)
        part = fileNamePart(part);
    return parts.join(QLatin1Char('-')) + QLatin1Char('.') + extension;
}

} // namespace cpm
