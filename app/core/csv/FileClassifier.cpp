// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/FileClassifier.h"

#include <QHash>

namespace cpm {

namespace {

const QStringList &columnsOf(FileRole role)
{
    static const QStringList stores = {
        QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("city"),
        QStringLiteral("country"), QStringLiteral("created_at"), QStringLiteral("typology"),
        QStringLiteral("customer_id")};
    static const QStringList devices = {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("store_id")};
    static const QStringList transactions = {
        QStringLiteral("id"), QStringLiteral("device_id"), QStringLiteral("product_name"),
        QStringLiteral("product_sku"), QStringLiteral("category_name"), QStringLiteral("amount"),
        QStringLiteral("status"), QStringLiteral("card_number"), QStringLiteral("cvv"),
        QStringLiteral("created_at"), QStringLiteral("happened_at")};
    static const QStringList none;
    switch (role) {
    case FileRole::Stores: return stores;
    case FileRole::Devices: return devices;
    case FileRole::Transactions: return transactions;
    case FileRole::Unknown: break;
    }
    return none;
}

// Other spellings seen in card-payment extracts; all map to a canonical name.
const QHash<QString, QString> &aliases()
{
    static const QHash<QString, QString> map = {
        {QStringLiteral("card_no"), QStringLiteral("card_number")},
        {QStringLiteral("pan"), QStringLiteral("card_number")},
        {QStringLiteral("cardnumber"), QStringLiteral("card_number")},
        {QStringLiteral("cvc"), QStringLiteral("cvv")},
        {QStringLiteral("cvv2"), QStringLiteral("cvv")},
        {QStringLiteral("security_code"), QStringLiteral("cvv")},
        {QStringLiteral("sku"), QStringLiteral("product_sku")},
        {QStringLiteral("category"), QStringLiteral("category_name")},
        {QStringLiteral("device_type"), QStringLiteral("type")},
    };
    return map;
}

} // namespace

QString roleName(FileRole role)
{
    switch (role) {
    case FileRole::Stores: return QStringLiteral("stores");
    case FileRole::Devices: return QStringLiteral("devices");
    case FileRole::Transactions: return QStringLiteral("transactions");
    case FileRole::Unknown: break;
    }
    return QStringLiteral("unknown");
}

FileRole roleFromName(const QString &name)
{
    for (FileRole role : {FileRole::Stores, FileRole::Devices, FileRole::Transactions}) {
        if (roleName(role) == name.trimmed().toLower())
            return role;
    }
    return FileRole::Unknown;
}

QStringList FileClassifier::canonicalColumns(FileRole role)
{
    return columnsOf(role);
}

QStringList FileClassifier::requiredColumns(FileRole role)
{
    switch (role) {
    case FileRole::Stores:
        return {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("country"),
                QStringLiteral("created_at"), QStringLiteral("typology")};
    case FileRole::Devices:
        return {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("store_id")};
    case FileRole::Transactions:
        return {QStringLiteral("id"), QStringLiteral("device_id"), QStringLiteral("product_sku"),
                QStringLiteral("amount"), QStringLiteral("status"), QStringLiteral("created_at"),
                QStringLiteral("happened_at")};
    case FileRole::Unknown: break;
    }
    return {};
}

QString FileClassifier::normalizeName(const QString &name)
{
    QString n = name;
    n.remove(QChar(0xFEFF));
    n = n.trimmed().toLower();
    n.replace(QLatin1Char(' '), QLatin1Char('_'));
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    return aliases().value(n, n);
}

static ColumnMapping mapColumns(const QStringList &header, FileRole role)
{
    ColumnMapping mapping;
    mapping.role = role;
    mapping.header = header;
    const QStringList &canonical = columnsOf(role);
    mapping.index = QVector<int>(canonical.size(), -1);
    QStringList names;
    for (const QString &written : header)
        names << FileClassifier::normalizeName(written);
    for (int i = 0; i < header.size(); ++i) {
        const QString &name = names.at(i);
        int target = canonical.indexOf(name);
        // Some extracts repeat product_name where category_name belongs: the second one is it.
        if (role == FileRole::Transactions && target == Col::ProductName && mapping.index[target] >= 0
            && !names.contains(QStringLiteral("category_name"))) {
            target = Col::CategoryName;
            mapping.notes << QStringLiteral("column %1: second 'product_name' read as category_name").arg(i + 1);
        }
        if (target < 0 || mapping.index[target] >= 0) {
            mapping.ignoredColumns << header.at(i);
            continue;
        }
        mapping.index[target] = i;
    }
    return mapping;
}

static QStringList missingColumns(const ColumnMapping &mapping)
{
    QStringList missing;
    const QStringList &canonical = columnsOf(mapping.role);
    for (const QString &required : FileClassifier::requiredColumns(mapping.role)) {
        if (mapping.index[canonical.indexOf(required)] < 0)
            missing << required;
    }
    return missing;
}

ColumnMapping FileClassifier::classify(const QStringList &header, FileRole forced, Error *error)
{
    const QVector<FileRole> candidates = forced == FileRole::Unknown
        ? QVector<FileRole>{FileRole::Transactions, FileRole::Devices, FileRole::Stores}
        : QVector<FileRole>{forced};
    ColumnMapping best;
    QStringList bestMissing;
    int bestFound = -1;
    for (FileRole role : candidates) {
        ColumnMapping mapping = mapColumns(header, role);
        const QStringList missing = missingColumns(mapping);
        if (missing.isEmpty())
            return mapping;
        const int found = int(requiredColumns(role).size() - missing.size());
        if (found > bestFound) {
            best = mapping;
            bestMissing = missing;
            bestFound = found;
        }
    }
    if (error) {
        error->code = Error::Code::Header;
        error->line = 1;
        error->value = header.join(QLatin1Char(','));
        if (forced == FileRole::Unknown && bestFound <= 1) {
            error->message = QStringLiteral("header matches none of stores, devices or transactions");
            error->expected = QStringLiteral("a header with the columns of one extract, e.g. %1")
                                  .arg(requiredColumns(FileRole::Transactions).join(QLatin1Char(',')));
        } else {
            error->message = QStringLiteral("%1 file lacks required column(s) %2")
                                 .arg(roleName(best.role), bestMissing.join(QStringLiteral(", ")));
            error->expected = QStringLiteral("columns %1").arg(requiredColumns(best.role).join(QLatin1Char(',')));
        }
    }
    return ColumnMapping();
}

} // namespace cpm
