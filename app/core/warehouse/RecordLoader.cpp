// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/RecordLoader.h"

#include "warehouse/BatchRows.h"
#include "warehouse/SnapshotFeed.h"

#include "csv/ValueNormalizer.h"
#include "warehouse/InsertPipeline.h"

#include <QFile>

namespace cpm {

namespace N = ValueNormalizer;

static QString readSql(const QString &root, const QString &relative, Error *error)
{
    QFile file(root + QLatin1Char('/') + relative);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Error::make(Error::Code::Sql, QStringLiteral("cannot read SQL file"));
        error->file = file.fileName();
        return QString();
    }
    return QString::fromUtf8(file.readAll());
}

RecordLoader::RecordLoader(const ColumnMapping &mapping, QVector<TimestampColumn> timestampColumns, qint64 batchId)
    : m_mapping(mapping), m_timestamps(std::move(timestampColumns)), m_batchId(batchId), m_numbers(mapping)
{
}

bool RecordLoader::prepare(sqlite3 *db, const QString &sqlRoot, Error *error)
{
    const QString file = QStringLiteral("load/upsert_raw_%1.sql").arg(roleName(m_mapping.role));
    const QString sql = readSql(sqlRoot, file, error);
    if (sql.isEmpty())
        return false;
    if (!BatchRows::registerModule(db) || !m_statement.prepare(db, sql)) {
        *error = Error::make(Error::Code::Sql, QStringLiteral("cannot prepare the loader: ") + m_statement.errorMessage());
        error->file = file;
        return false;
    }
    return true;
}

QByteArrayView RecordLoader::text(const CsvRecord &record, int canonical) const
{
    const int field = m_mapping.field(canonical);
    return field >= 0 && field < record.size() ? N::trimmed(record.field(field)) : QByteArrayView();
}

void RecordLoader::rejectField(const CsvRecord &record, int canonical, const QString &reason, RejectedRow *reject) const
{
    const int field = m_mapping.field(canonical);
    reject->line = record.lineNumber();
    reject->column = field + 1;
    reject->columnName = m_mapping.header.value(field);
    // Card data never leaves the loader unmasked, not even in an error.
    if (m_mapping.role == FileRole::Transactions && (canonical == Col::CardNumber || canonical == Col::Cvv))
        reject->value = QStringLiteral("(masked)");
    else
        reject->value = QString::fromUtf8(record.field(field).first(std::min<qsizetype>(200, record.field(field).size())));
    reject->reason = reason;
}

bool RecordLoader::integerField(const CsvRecord &record, int canonical, bool required, qint64 *out, RejectedRow *reject)
{
    const QByteArrayView value = text(record, canonical);
    if (value.isEmpty() && !required)
        return true;
    const WholeForm form = m_numbers.whole(canonical, value, out);
    if (form == WholeForm::Plain || form == WholeForm::Float)
        return true;
    rejectField(record, canonical,
                value.isEmpty()                  ? QStringLiteral("missing value (expected an integer)")
                    : form == WholeForm::Fraction ? QStringLiteral("not a whole number (expected an integer like 42)")
                    : form == WholeForm::Lossy
                    ? QStringLiteral("rounded by a spreadsheet, its last digits are lost (expected every digit, like 42)")
                    : QStringLiteral("not an integer (expected digits like 42)"),
                reject);
    return false;
}

RecordLoader::Outcome RecordLoader::amountField(const CsvRecord &record, double *out, RejectedRow *reject)
{
    const QByteArrayView value = text(record, Col::Amount);
    switch (m_numbers.amount(value, record.lineNumber(), out)) {
    case NumberColumns::Amount::Ok: return Outcome::Loaded;
    case NumberColumns::Amount::Contradiction: return Outcome::OrderContradiction;
    case NumberColumns::Amount::Bad: break;
    }
    rejectField(record, Col::Amount, m_numbers.amountReason(value), reject);
    return Outcome::Rejected;
}

bool RecordLoader::timestampField(const CsvRecord &record, TimestampColumn &column, qint64 *out, RejectedRow *reject)
{
    const QByteArrayView value = text(record, column.canonical);
    const auto status = TimestampParser::parse(value, column.order, out);
    if (status == TimestampParser::Status::Ok) {
        const int hour = int(((*out % 86400) + 86400) % 86400 / 3600);
        column.minHour = qMin(column.minHour, hour);
        column.maxHour = qMax(column.maxHour, hour);
        return true;
    }
    if (column.mayFlip && status == TimestampParser::Status::BadDate) {
        const DateOrder other = column.order == DateOrder::MonthFirst ? DateOrder::DayFirst : DateOrder::MonthFirst;
        qint64 ignored = 0;
        if (TimestampParser::parse(value, other, &ignored) == TimestampParser::Status::Ok) {
            m_contradicted = column.canonical;
            return false;
        }
    }
    const QString what = status == TimestampParser::Status::Empty ? QStringLiteral("missing timestamp")
        : status == TimestampParser::Status::BadDate              ? QStringLiteral("impossible date")
        : status == TimestampParser::Status::BadTime              ? QStringLiteral("impossible time of day")
                                                                  : QStringLiteral("not a timestamp");
    rejectField(record, column.canonical,
                QStringLiteral("%1 (expected %2)").arg(what, TimestampParser::expectedText(column.order)), reject);
    return false;
}

RecordLoader::Outcome RecordLoader::load(const CsvRecord &record, RejectedRow *reject)
{
    if (record.size() != m_mapping.header.size()) {
        reject->line = record.lineNumber();
        reject->column = 0;
        reject->reason = QStringLiteral("row has %1 fields (expected %2, like the header)")
                             .arg(record.size())
                             .arg(m_mapping.header.size());
        return Outcome::Rejected;
    }
    switch (m_mapping.role) {
    case FileRole::Stores: return loadStore(record, reject);
    case FileRole::Devices: return loadDevice(record, reject);
    case FileRole::Transactions: return loadTransaction(record, reject);
    case FileRole::Unknown: break;
    }
    return Outcome::Rejected;
}

void RecordLoader::beginRow(const CsvRecord &record)
{
    m_pipeline->beginRow(m_pipelineIndex, record.lineNumber());
}

RecordLoader::Outcome RecordLoader::execute(qint64 id)
{
    if (!m_pipeline->endRow())
        return Outcome::DatabaseError;
    if (!m_ids.insert(id))
        m_idRepeated = true;
    m_minId = std::min(m_minId, id);
    return Outcome::Loaded;
}

RecordLoader::Outcome RecordLoader::loadStore(const CsvRecord &record, RejectedRow *reject)
{
    qint64 id = 0;
    qint64 created = 0;
    if (!integerField(record, Col::StoreId, true, &id, reject))
        return Outcome::Rejected;
    if (!timestampField(record, m_timestamps[0], &created, reject))
        return m_contradicted >= 0 ? Outcome::OrderContradiction : Outcome::Rejected;
    beginRow(record);
    m_pipeline->bindInt(1, id);
    m_pipeline->bindText(2, text(record, Col::StoreName));
    m_pipeline->bindText(3, text(record, Col::Address));
    m_pipeline->bindText(4, text(record, Col::City));
    m_pipeline->bindText(5, text(record, Col::Country));
    m_pipeline->bindInt(6, created);
    m_pipeline->bindText(7, text(record, Col::Typology));
    m_pipeline->bindText(8, m_numbers.customerId(text(record, Col::CustomerId)));
    m_pipeline->bindInt(9, m_batchId);
    m_pipeline->bindInt(10, record.lineNumber());
    return execute(id);
}

RecordLoader::Outcome RecordLoader::loadDevice(const CsvRecord &record, RejectedRow *reject)
{
    qint64 id = 0;
    qint64 type = 0;
    qint64 store = 0;
    if (!integerField(record, Col::DeviceId, true, &id, reject)
        || !integerField(record, Col::DeviceType, true, &type, reject)
        || !integerField(record, Col::DeviceStoreId, true, &store, reject))
        return Outcome::Rejected;
    beginRow(record);
    m_pipeline->bindInt(1, id);
    m_pipeline->bindInt(2, type);
    m_pipeline->bindInt(3, store);
    m_pipeline->bindInt(4, m_batchId);
    m_pipeline->bindInt(5, record.lineNumber());
    return execute(id);
}

RecordLoader::Outcome RecordLoader::loadTransaction(const CsvRecord &record, RejectedRow *reject)
{
    qint64 id = 0;
    qint64 device = 0;
    qint64 created = 0;
    qint64 happened = 0;
    double amount = 0;
    if (!integerField(record, Col::TxId, true, &id, reject) || !integerField(record, Col::TxDeviceId, true, &device, reject))
        return Outcome::Rejected;
    if (const Outcome outcome = amountField(record, &amount, reject); outcome != Outcome::Loaded)
        return outcome;
    N::normaliseStatus(text(record, Col::Status), &m_status);
    if (m_status.isEmpty()) {
        rejectField(record, Col::Status, QStringLiteral("missing status (expected accepted, refused or cancelled)"), reject);
        return Outcome::Rejected;
    }
    if (!timestampField(record, m_timestamps[0], &created, reject) || !timestampField(record, m_timestamps[1], &happened, reject))
        return m_contradicted >= 0 ? Outcome::OrderContradiction : Outcome::Rejected;

    const SkuKind kind = N::normaliseSku(text(record, Col::ProductSku), &m_sku);
    lossySkus += kind == SkuKind::Lossy;
    vPrefixSkus += kind == SkuKind::VPrefix;
    emptySkus += kind == SkuKind::Empty;
    m_numbers.countSku(kind);
    negativeAmounts += amount < 0;
    if (!N::isKnownStatus(m_status))
        ++unknownStatuses[m_status];
    if (m_mapping.has(Col::CardNumber))
        m_numbers.card(text(record, Col::CardNumber), &m_card);

    beginRow(record);
    m_pipeline->bindInt(TxParam::Id, id);
    m_pipeline->bindInt(TxParam::Device, device);
    m_pipeline->bindText(TxParam::Name, text(record, Col::ProductName));
    m_pipeline->bindText(TxParam::Sku, m_sku);
    m_pipeline->bindInt(TxParam::SkuKind, int(kind));
    m_pipeline->bindText(TxParam::Category, text(record, Col::CategoryName));
    m_pipeline->bindDouble(TxParam::Amount, amount);
    m_pipeline->bindText(TxParam::Status, m_status);
    m_pipeline->bindText(TxParam::Card, m_card);
    m_pipeline->bindInt(TxParam::CreatedAt, created);
    m_pipeline->bindInt(TxParam::HappenedAt, happened);
    m_pipeline->bindInt(TxParam::Batch, m_batchId);
    m_pipeline->bindInt(TxParam::Line, record.lineNumber());
    return execute(id);
}

static QString csvQuoted(const QString &value, char delimiter)
{
    if (!value.contains(QLatin1Char(delimiter)) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// Digits, spaces and dashes only (or a float: "201433236787273.0", "2.01433E+14"), with at
// least three digits: could be a card number or CVV.
static bool looksLikeCardData(QByteArrayView field)
{
    int digits = 0;
    for (char c : field) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != ' ' && c != '-' && c != '.' && c != ',' && c != 'e' && c != 'E' && c != '+')
            return false;
    }
    return digits >= 3;
}

QString maskedRecordText(const CsvRecord &record, const ColumnMapping &mapping, char delimiter)
{
    const bool transactions = mapping.role == FileRole::Transactions;
    const int card = transactions ? mapping.field(Col::CardNumber) : -1;
    const int cvv = transactions ? mapping.field(Col::Cvv) : -1;
    if (card < 0 && cvv < 0)
        return QString::fromUtf8(record.raw().first(std::min<qsizetype>(4000, record.raw().size())));
    // In a ragged row the card fields may have shifted: mask anything that could be one.
    const bool ragged = record.size() != mapping.header.size();
    QStringList fields;
    for (int i = 0; i < record.size(); ++i) {
        if (ragged && looksLikeCardData(record.field(i)))
            fields << QStringLiteral("(masked)");
        else if (i == cvv)
            fields << QString();
        else if (i == card)
            fields << QString::fromLatin1(N::maskCardNumber(record.field(i))).prepend(QStringLiteral("****"));
        else
            fields << csvQuoted(QString::fromUtf8(record.field(i)), delimiter);
    }
    return fields.join(QLatin1Char(delimiter)).left(4000);
}

} // namespace cpm
