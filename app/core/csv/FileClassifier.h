// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cpm {

/** Which of the three extracts a file is. */
enum class FileRole { Unknown = -1, Stores = 0, Devices = 1, Transactions = 2 };

QString roleName(FileRole role);            ///< "stores", "devices", "transactions"
FileRole roleFromName(const QString &name); ///< inverse; Unknown when not a role name

/** Canonical columns of every role, in a fixed order (indexes into ColumnMapping::index). */
namespace Col {
enum Stores { StoreId, StoreName, Address, City, Country, StoreCreatedAt, Typology, CustomerId, StoreCount };
enum Devices { DeviceId, DeviceType, DeviceStoreId, DeviceCount };
enum Transactions {
    TxId, TxDeviceId, ProductName, ProductSku, CategoryName, Amount, Status, CardNumber, Cvv,
    TxCreatedAt, TxHappenedAt, TxCount
};
} // namespace Col

/** Where each canonical column of a role sits in a file's records. */
struct ColumnMapping
{
    FileRole role = FileRole::Unknown;
    QVector<int> index;         ///< canonical column -> 0-based field index, or -1 if absent
    QStringList header;         ///< the file's header names as written
    QStringList notes;          ///< e.g. "second 'product_name' column read as category_name"
    QStringList ignoredColumns; ///< extra columns that are not loaded

    int field(int canonical) const { return index.value(canonical, -1); }
    bool has(int canonical) const { return field(canonical) >= 0; }
};

/**
 * Recognises an extract by its header (names are matched case-insensitively, ignoring
 * spaces, dashes and a BOM; order does not matter) and maps its columns.
 */
class FileClassifier
{
public:
    /** Canonical column names of @p role, in Col order. */
    static QStringList canonicalColumns(FileRole role);
    /** Columns a file of @p role cannot do without. */
    static QStringList requiredColumns(FileRole role);

    /**
     * Classifies @p header. With @p forced != Unknown only that role is tried. On failure
     * returns a mapping with role Unknown and sets @p error (missing columns named).
     */
    static ColumnMapping classify(const QStringList &header, FileRole forced, Error *error);

    /** Lower-case, trimmed, spaces and dashes turned into '_'. */
    static QString normalizeName(const QString &name);
};

} // namespace cpm
