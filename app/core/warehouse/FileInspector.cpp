// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/FileInspector.h"

#include "csv/DecimalMarkDetector.h"
#include "csv/ValueNormalizer.h"
#include "source/RecordSource.h"
#include "source/XlsxRecordSource.h"
#include "xlsx/XlsxFormat.h"
#include "xlsx/XlsxWorkbook.h"

#include <QFileInfo>

namespace cpm {

QVector<int> FileInspector::timestampColumns(FileRole role)
{
    switch (role) {
    case FileRole::Stores: return {Col::StoreCreatedAt};
    case FileRole::Transactions: return {Col::TxCreatedAt, Col::TxHappenedAt};
    case FileRole::Devices:
    case FileRole::Unknown: break;
    }
    return {};
}

static QStringList previewFields(const CsvRecord &record, const ColumnMapping &mapping)
{
    QStringList fields;
    const int card = mapping.role == FileRole::Transactions ? mapping.field(Col::CardNumber) : -1;
    const int cvv = mapping.role == FileRole::Transactions ? mapping.field(Col::Cvv) : -1;
    for (int i = 0; i < record.size(); ++i) {
        if (i == cvv)
            fields << QString();
        else if (i == card)
            fields << QStringLiteral("****") + QString::fromLatin1(ValueNormalizer::maskCardNumber(record.field(i)));
        else
            fields << QString::fromUtf8(record.field(i));
    }
    return fields;
}

static QStringList headerFields(const CsvRecord &record)
{
    QStringList header;
    for (int i = 0; i < record.size(); ++i)
        header << QString::fromUtf8(record.field(i));
    return header;
}

FileInspection FileInspector::inspect(const QString &path, FileRole forced, int sampleRows, int previewRows,
                                      const QString &sheet)
{
    const std::unique_ptr<RecordSource> source = RecordSource::create(path, sheet);
    bool empty = false;
    return inspectSource(*source, path, forced, sampleRows, previewRows, &empty);
}

FileInspection FileInspector::inspectSource(RecordSource &source, const QString &path, FileRole forced, int sampleRows,
                                            int previewRows, bool *empty)
{
    FileInspection result;
    result.path = path;
    if (!source.open()) {
        result.error = source.error();
        return result;
    }
    result.dialect = source.dialect();
    result.fileSize = QFileInfo(path).size();
    QVector<TimestampDetector> detectors;
    QVector<int> tsFields;
    DecimalMarkDetector amounts;
    int amountField = -1;
    qint64 records = 0;
    qint64 sampleProgress = 0;
    const auto status = source.read([&](const CsvRecord &record) {
        if (records == 0) {
            result.mapping = FileClassifier::classify(headerFields(record), forced, &result.error);
            if (result.error.isError())
                return false;
            for (int column : timestampColumns(result.mapping.role))
                tsFields << result.mapping.field(column);
            detectors.resize(tsFields.size());
            if (result.mapping.role == FileRole::Transactions)
                amountField = result.mapping.field(Col::Amount);
        } else {
            if (amountField >= 0 && amountField < record.size())
                amounts.add(record.field(amountField));
            for (int i = 0; i < tsFields.size(); ++i) {
                if (tsFields[i] < record.size())
                    detectors[i].add(ValueNormalizer::trimmed(record.field(tsFields[i])));
            }
            if (result.previewRows.size() < previewRows)
                result.previewRows << previewFields(record, result.mapping);
            sampleProgress = source.progressDone();
        }
        return ++records <= sampleRows;
    });
    const QString where = result.sheet().isNull() ? QString() : QStringLiteral("sheet '%1': ").arg(result.sheet());
    if (result.error.isError()) {
        result.error.file = path;
        result.error.message.prepend(where);
        return result;
    }
    if (status == RecordSource::Result::Error) {
        result.error = source.error();
        return result;
    }
    if (records == 0) {
        *empty = true;
        result.error = Error::make(Error::Code::Header, where + QStringLiteral("the file is empty"));
        result.error.file = path;
        result.error.expected = QStringLiteral("a header line and data rows");
        return result;
    }
    const qint64 dataRecords = records - 1;
    result.estimatedRows = status == RecordSource::Result::Ok || sampleProgress == 0
        ? dataRecords
        : qint64(double(source.progressTotal()) * double(dataRecords) / double(sampleProgress));
    const QStringList names = FileClassifier::canonicalColumns(result.mapping.role);
    const QVector<int> columns = timestampColumns(result.mapping.role);
    for (int i = 0; i < columns.size(); ++i)
        result.timestampFormats.insert(names.at(columns[i]), detectors[i].result());
    result.amountFormat = amounts.result(result.dialect.delimiter);
    return result;
}

QVector<FileInspection> FileInspector::inspectAll(const QString &path, FileRole forced, const QString &sheet)
{
    if (!XlsxFormat::isSpreadsheet(path) || !sheet.isEmpty())
        return {inspect(path, forced, 5000, 20, sheet)};
    auto workbook = std::make_shared<XlsxWorkbook>();
    FileInspection failed;
    failed.path = path;
    if (!workbook->open(path))
        return failed.error = workbook->error(), QVector<FileInspection>{failed};
    QVector<FileInspection> found;
    QStringList names;
    for (int i = 0; i < workbook->sheets().size(); ++i) {
        XlsxRecordSource source(workbook, i);
        bool empty = false;
        const FileInspection inspection = inspectSource(source, path, forced, 5000, 20, &empty);
        if (empty)
            continue;
        found << inspection;
        names << workbook->sheets().at(i).name;
    }
    if (found.isEmpty()) {
        failed.error = XlsxFormat::refusal(path, QStringLiteral("every sheet of the workbook is empty"),
                                           QStringLiteral("a sheet with a header row and data rows"));
    } else if (forced != FileRole::Unknown && found.size() > 1) {
        failed.error = XlsxFormat::refusal(path, QStringLiteral("a role can only be given for a one-sheet workbook; this one has "
                                                                "sheets %1").arg(names.join(QStringLiteral(", "))),
                                           QStringLiteral("the workbook without a role: each sheet is recognised by its header"));
    } else {
        return found;
    }
    return {failed};
}

QStringList FileInspector::readHeader(const QString &path, const QString &sheet)
{
    QStringList header;
    const std::unique_ptr<RecordSource> source = RecordSource::create(path, sheet);
    if (!source->open())
        return header;
    source->read([&header](const CsvRecord &record) {
        header = headerFields(record);
        return false; // the header is all we need
    });
    return header;
}

} // namespace cpm
