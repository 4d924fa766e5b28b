// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/SqlProject.h"

#include "transform/Macros.h"
#include "transform/SqlIdentifier.h"
#include "warehouse/SqlFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace cpm {

namespace {

const QStringList &modelLayers()
{
    static const QStringList layers = {QStringLiteral("staging"), QStringLiteral("core"), QStringLiteral("marts")};
    return layers;
}

/** Paths of the .sql files in root/folder, sorted by file name; a missing folder is simply empty. */
QStringList sqlFiles(const QString &root, const QString &folder)
{
    const QDir dir(root + QLatin1Char('/') + folder);
    QStringList paths;
    const QStringList names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        paths.append(dir.filePath(name));
    return paths;
}

bool readText(const QString &path, QString *text, Error *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = Error::make(Error::Code::FileOpen, QStringLiteral("cannot read the SQL file: ") + file.errorString());
        error->file = path;
        return false;
    }
    *text = QString::fromUtf8(file.readAll());
    return true;
}

Error configError(const QString &path, const QString &message, const QString &value, const QString &expected)
{
    Error e = Error::make(Error::Code::Value, message);
    e.file = path;
    e.value = value;
    e.expected = expected;
    return e;
}

/** Applies one {{ config(...) }} block to @p model; false with @p error on anything unknown. */
bool applyConfig(const Macro &macro, TransformModel *model, Error *error)
{
    if (!macro.args.isEmpty()) {
        *error = configError(model->path, QStringLiteral("config() takes key='value' arguments only"),
                             macro.args.first(), QStringLiteral("materialized='...' or indexes='...'"));
        return false;
    }
    for (auto it = macro.kwargs.cbegin(); it != macro.kwargs.cend(); ++it) {
        if (it.key() == QLatin1String("materialized") || it.key() == QLatin1String("postgres_materialized")) {
            auto &target = it.key() == QLatin1String("materialized") ? model->materialization
                                                                      : model->postgresMaterialization.emplace();
            if (it.value() == QLatin1String("view")) {
                target = TransformModel::Materialization::View;
            } else if (it.value() == QLatin1String("table")) {
                target = TransformModel::Materialization::Table;
            } else {
                *error = configError(model->path, QStringLiteral("unknown materialization"), it.value(),
                                     QStringLiteral("'view' or 'table'"));
                return false;
            }
        } else if (it.key() == QLatin1String("indexes")) {
            model->indexes.clear();
            for (const QString &index : it.value().split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
                if (!index.trimmed().isEmpty())
                    model->indexes.append(index.trimmed());
            }
        } else {
            *error = configError(model->path, QStringLiteral("unknown config() key"), it.key(),
                                 QStringLiteral("materialized, postgres_materialized or indexes"));
            return false;
        }
    }
    return true;
}

bool readModel(const QString &path, const QString &layer, TransformModel *model, Error *error)
{
    model->name = QFileInfo(path).completeBaseName();
    model->layer = layer;
    model->path = path;
    // The name becomes an unquoted relation name in create/drop statements (SqlIdentifier).
    if (!SqlIdentifier::isPlain(model->name)) {
        *error = configError(path, QStringLiteral("a model file name must be a plain SQL identifier"), model->name,
                             QStringLiteral("lower-case letters, digits and '_', not starting with a digit"));
        return false;
    }
    if (!readText(path, &model->sql, error))
        return false;
    for (const Macro &macro : scanMacros(model->sql)) {
        if (macro.name == QLatin1String("config") && !applyConfig(macro, model, error))
            return false;
    }
    model->refs = macroRefs(model->sql);
    return true;
}

/** The text of the first "-- " comment line, which by convention says what the test checks. */
QString firstComment(const QString &sql)
{
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")))
            return trimmed.mid(2).trimmed();
    }
    return QString();
}

bool readTest(const QString &path, DataTest *test, Error *error)
{
    test->name = QFileInfo(path).completeBaseName();
    test->path = path;
    if (!readText(path, &test->sql, error))
        return false;
    test->description = firstComment(test->sql);
    test->refs = macroRefs(test->sql);
    return true;
}

} // namespace

QString SqlProject::embeddedRoot()
{
    return SqlFile::embeddedRoot();
}

bool SqlProject::load(const QString &root)
{
    *this = SqlProject();
    m_root = root;
    if (!QFileInfo(root).isDir()) {
        m_error = Error::make(Error::Code::FileOpen, QStringLiteral("the SQL project folder does not exist"));
        m_error.file = root;
        return false;
    }
    for (const QString &path : sqlFiles(root, QStringLiteral("warehouse"))) {
        QString text;
        if (!readText(path, &text, &m_error))
            return false;
        m_warehouseScripts.append({path, text});
    }
    for (const QString &path : sqlFiles(root, QStringLiteral("warehouse/sqlite"))) {
        QString text;
        if (!readText(path, &text, &m_error))
            return false;
        m_sqliteWarehouseStatements.append({path, text});
    }
    for (const QString &layer : modelLayers()) {
        for (const QString &path : sqlFiles(root, layer)) {
            TransformModel model;
            if (!readModel(path, layer, &model, &m_error))
                return false;
            m_models.append(model);
        }
    }
    for (const QString &path : sqlFiles(root, QStringLiteral("tests"))) {
        DataTest test;
        if (!readTest(path, &test, &m_error))
            return false;
        m_tests.append(test);
    }
    for (const QString &path : sqlFiles(root, QStringLiteral("metrics"))) {
        QString text;
        if (!readText(path, &text, &m_error))
            return false;
        m_metrics.insert(QFileInfo(path).completeBaseName(), text);
    }
    return true;
}

} // namespace cpm
