// SPDX-License-Identifier: GPL-3.0-or-later
// The vocabulary of tst_bad_inputs: an input file built by the test, and the exact outcome
// an import of it must have. Kept apart from the rows so the catalogue reads as a table.
#pragma once

#include "base/Error.h"
#include "csv/FileClassifier.h"

#include <QByteArray>
#include <QPair>
#include <QStringList>
#include <QVector>

#include <functional>

namespace cpm::test {

/** One file of an import; its bytes are made on demand because some inputs are 50 MB. */
struct InputFile
{
    QString name;
    std::function<QByteArray()> bytes;
    FileRole forced = FileRole::Unknown;
};
using Inputs = QVector<InputFile>;

/**
 * What must happen. A failure: the error code and fragments of Error::toString() ("%F" stands
 * for the first input's path), and the warehouse unchanged. A success: counts of the last
 * file, the reasons of its rejects in line order, a note kind, and SQL checks.
 */
struct Expected
{
    Error::Code code = Error::Code::None;
    QStringList says;
    qint64 loaded = -1;
    qint64 rejected = -1;
    QStringList reasons;
    QString note;
    bool alreadyImported = false;   ///< success that must change nothing at all
    /** (select, its first value as text); "datatest:NAME" counts that data test's failing rows. */
    QVector<QPair<QString, QString>> checks;

    Expected withReasons(const QStringList &r) const { Expected e = *this; e.reasons = r; return e; }
    Expected withNote(const QString &kind) const { Expected e = *this; e.note = kind; return e; }
    Expected withCheck(const QString &sql, const QString &value) const
    {
        Expected e = *this;
        e.checks.append({sql, value});
        return e;
    }
};

inline Expected fails(Error::Code code, const QStringList &says)
{
    Expected e;
    e.code = code;
    e.says = says;
    return e;
}

inline Expected loads(qint64 loaded, qint64 rejected)
{
    Expected e;
    e.loaded = loaded;
    e.rejected = rejected;
    return e;
}

inline Expected changesNothing()
{
    Expected e;
    e.alreadyImported = true;
    return e;
}

inline const QByteArray storesHeader = "id,name,address,city,country,created_at,typology,customer_id\n";
inline const QByteArray devicesHeader = "id,type,store_id\n";
inline const QByteArray txHeader = "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";

/** A valid transactions row on device 10 of the basic fixture. */
inline QByteArray txRow(int id, const QByteArray &amount = "5", const QByteArray &status = "accepted",
                        const QByteArray &when = "01/10/2022 1:00:00")
{
    return QByteArray::number(id) + ",10,Tea,1,Drinks," + amount + ',' + status + ',' + when + ',' + when + '\n';
}

inline QByteArray storeRow(int id, const QByteArray &name, const QByteArray &created = "01/15/2023 10:00")
{
    return QByteArray::number(id) + ',' + name + ",1 Main St,Lisbon,Portugal," + created + ",Grocery,100\n";
}

inline InputFile file(const QString &name, const QByteArray &bytes, FileRole forced = FileRole::Unknown)
{
    return InputFile{name, [bytes] { return bytes; }, forced};
}

inline InputFile lazyFile(const QString &name, std::function<QByteArray()> make)
{
    return InputFile{name, std::move(make), FileRole::Unknown};
}

} // namespace cpm::test

Q_DECLARE_METATYPE(cpm::test::Inputs)
Q_DECLARE_METATYPE(cpm::test::Expected)
