// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace cpm {

/** One dbt-style SQL model file: a select that becomes a view or a table. */
struct TransformModel
{
    enum class Materialization { View, Table };

    QString name;        ///< file base name, e.g. "stg_transactions"
    QString layer;       ///< folder: "staging", "core" or "marts"
    QString path;        ///< where it was read from (":/sql/core/dim_stores.sql" or a disk path)
    QString sql;         ///< the text as written, with {{ config(...) }} and {{ ref(...) }}
    Materialization materialization = Materialization::View;
    /** From config(postgres_materialized=...): a team warehouse has no columnar snapshot, so its marts are tables. */
    std::optional<Materialization> postgresMaterialization;
    QStringList indexes; ///< from config(indexes='a,b|c'): one index per '|'-separated column list
    QStringList refs;    ///< model names used via {{ ref('...') }}, in order of appearance
};

/** A data test: a select returning offending rows (zero rows = pass). */
struct DataTest
{
    QString name;        ///< file base name, e.g. "assert_unique_transaction_id"
    QString path;
    QString sql;         ///< may use {{ ref('...') }}
    QString description; ///< first "-- " comment line of the file
    QStringList refs;
};

} // namespace cpm
