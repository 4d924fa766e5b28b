// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "transform/SqlIdentifier.h"

#include <QMap>
#include <QString>

namespace cpm {

/**
 * A statement file under sql/ with {{ name }} placeholders for what cannot be bound (relation,
 * index and column names), filled only with SqlIdentifiers, plus {{ select }}: the model's or
 * data test's own rendered SQL, which comes from sql/ as well. Values are still bound (:name).
 */
class SqlTemplate
{
public:
    /** The template @p relative under @p root (":/sql" or a --sql-dir folder). */
    SqlTemplate(QString root, QString relative);

    /** Fills {{ @p name }}. An invalid identifier makes render() fail. */
    SqlTemplate &set(const QString &name, const SqlIdentifier &identifier);
    /** Fills {{ select }} with a model's or data test's SQL, rendered by SqlDialect. */
    SqlTemplate &setSelect(const QString &select);

    /**
     * The statement. Empty, with @p error naming the file, when it cannot be read, a
     * placeholder is not filled (or filled with an invalid identifier).
     */
    QString render(Error *error) const;

private:
    QString m_root;
    QString m_relative;
    QMap<QString, QString> m_values;
};

} // namespace cpm
