// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cpm {

/**
 * One "{{ name(args) }}" block of a model file. Internal to the transform engine: both the
 * project loader (config, refs) and the dialect (rendering) need the same reading of a block.
 */
struct Macro
{
    qsizetype start = 0;              ///< offset of "{{"
    qsizetype length = 0;             ///< up to and including "}}"
    QString name;                     ///< empty when the block is not a call we understand
    QStringList args;                 ///< positional quoted arguments, unquoted
    QMap<QString, QString> kwargs;    ///< key='value' arguments
};

/** Every "{{ ... }}" block of @p sql in order (unterminated blocks are ignored). */
QVector<Macro> scanMacros(const QString &sql);

/** Model names of the {{ ref('...') }} calls in @p sql, in order of appearance, each once. */
QStringList macroRefs(const QString &sql);

} // namespace cpm
