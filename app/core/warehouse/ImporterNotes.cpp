// SPDX-License-Identifier: GPL-3.0-or-later
// Data-quality notes: what a file's rows looked like, said in words with counts.
#include "warehouse/Importer.h"

#include "warehouse/RecordLoader.h"

namespace cpm {

static void add(FileImportSummary &summary, const QString &kind, qint64 rows, const QString &message)
{
    if (rows > 0)
        summary.notes << ImportNote{kind, rows, message};
}

static void timestampNotes(FileImportSummary &summary, const QVector<TimestampColumn> &columns)
{
    const QStringList names = FileClassifier::canonicalColumns(summary.role);
    for (const TimestampColumn &column : columns) {
        const QString name = names.at(column.canonical);
        const TimestampFormatGuess guess = summary.timestampFormats.value(name);
        if (guess.ambiguous && column.mayFlip)
            add(summary, QStringLiteral("ambiguous_date"), summary.rowsLoaded,
                QStringLiteral("%1: day and month never exceed 12, so the order cannot be told from the data; "
                               "read as %2. Override the date order if that is wrong.")
                    .arg(name, column.order == DateOrder::DayFirst ? QStringLiteral("day first (DD/MM)")
                                                                  : QStringLiteral("month first (MM/DD)")));
        if (!guess.hasAmPm && column.minHour >= 1 && column.maxHour <= 12 && summary.rowsLoaded >= 20)
            add(summary, QStringLiteral("clock_12h"), summary.rowsLoaded,
                QStringLiteral("%1: hours only run from 1 to 12 and there is no AM/PM: the extract probably "
                               "lost it. Hours are taken as written.").arg(name));
    }
}

void Importer::collectNotes(PlannedFile &file, const RecordLoader &loader, qint64 transcoded)
{
    FileImportSummary &summary = file.summary;
    summary.notes.clear();
    for (const QString &note : summary.mapping.notes)
        add(summary, QStringLiteral("column"), summary.rowsLoaded, note);
    const int cvv = summary.mapping.field(Col::Cvv);
    if (summary.role == FileRole::Transactions && cvv >= 0)
        add(summary, QStringLiteral("privacy"), summary.rowsLoaded,
            QStringLiteral("the CVV column was not read; card numbers are kept as their last 4 digits only"));
    else if (summary.role == FileRole::Transactions && summary.mapping.has(Col::CardNumber))
        add(summary, QStringLiteral("privacy"), summary.rowsLoaded,
            QStringLiteral("card numbers are kept as their last 4 digits only"));
    QStringList ignored = summary.mapping.ignoredColumns;
    if (!ignored.isEmpty())
        add(summary, QStringLiteral("ignored_columns"), summary.rowsRead,
            QStringLiteral("extra column(s) not loaded: %1").arg(ignored.join(QStringLiteral(", "))));
    add(summary, QStringLiteral("lossy_sku"), loader.lossySkus,
        QStringLiteral("SKUs in spreadsheet scientific notation (e.g. 3.77001E+12): the digits are lost for good; "
                       "kept as written, so these rows group together"));
    add(summary, QStringLiteral("v_prefix_sku"), loader.vPrefixSkus,
        QStringLiteral("SKUs written with a leading 'v': read as the same product without it"));
    add(summary, QStringLiteral("empty_sku"), loader.emptySkus, QStringLiteral("rows without a SKU"));
    summary.notes << loader.numbers().notes(summary.rowsLoaded);
    add(summary, QStringLiteral("negative_amount"), loader.negativeAmounts, QStringLiteral("negative amounts (kept: refunds?)"));
    for (auto it = loader.unknownStatuses.cbegin(); it != loader.unknownStatuses.cend(); ++it)
        add(summary, QStringLiteral("unknown_status"), it.value(),
            QStringLiteral("status '%1' is not accepted, refused or cancelled: kept as a status of its own")
                .arg(QString::fromUtf8(it.key())));
    add(summary, QStringLiteral("duplicate_id"), summary.duplicateIds,
        QStringLiteral("ids repeated within the file: the last row of each wins"));
    add(summary, QStringLiteral("encoding"), transcoded,
        QStringLiteral("fields that were not valid UTF-8 were read as Windows-1252"));
    timestampNotes(summary, loader.timestampColumns());
}

} // namespace cpm
