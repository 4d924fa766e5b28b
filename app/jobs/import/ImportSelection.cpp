// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportSelection.h"

#include "import/ImportWorker.h"

#include "csv/CsvReader.h"
#include "csv/FileClassifier.h"

#include <QFileInfo>
#include <QSet>
#include <algorithm>

namespace cpm {

namespace {

QStringList readHeader(const QString &path)
{
    QStringList header;
    CsvReader reader(path);
    if (!reader.open())
        return header;
    reader.read([&header](const CsvRecord &record) {
        for (int i = 0; i < record.size(); ++i)
            header << QString::fromUtf8(record.field(i));
        return false; // the header is all we need
    });
    return header;
}

QStringList missingFor(FileRole role, const QSet<QString> &present)
{
    QStringList missing;
    for (const QString &column : FileClassifier::requiredColumns(role)) {
        if (!present.contains(column))
            missing << column;
    }
    return missing;
}

} // namespace

ImportSelection::ImportSelection(QObject *parent) : QObject(parent), m_slots(slotCount) {}

const FileInspection &ImportSelection::slot(FileRole role) const
{
    static const FileInspection empty;
    const int index = int(role);
    return index >= 0 && index < slotCount ? m_slots.at(index) : empty;
}

int ImportSelection::addFiles(const QStringList &paths)
{
    int placed = 0;
    QVector<QString> placedNow(slotCount);
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        m_misfits.erase(std::remove_if(m_misfits.begin(), m_misfits.end(),
                                       [&absolute](const Misfit &m) { return m.path == absolute; }),
                        m_misfits.end());
        const FileInspection inspection = FileInspector::inspect(absolute);
        if (!inspection.ok() || inspection.role() == FileRole::Unknown) {
            const bool headerProblem = inspection.error.code == Error::Code::Header;
            m_misfits << Misfit{absolute, headerProblem ? missingColumnsText(absolute) : inspection.error.toString()};
            continue;
        }
        const int index = int(inspection.role());
        // Two files of one kind in the same drop: keep the first, and say why the other is out.
        if (!placedNow[index].isEmpty() && placedNow[index] != absolute) {
            m_misfits << Misfit{absolute, tr("is also a %1 extract, like %2; only one file per kind is imported at a time")
                                              .arg(roleName(inspection.role()), QFileInfo(placedNow[index]).fileName())};
            continue;
        }
        placedNow[index] = absolute;
        assign(inspection.role(), inspection);
        ++placed;
    }
    emit changed();
    return placed;
}

void ImportSelection::assign(FileRole role, const FileInspection &inspection)
{
    const int index = int(role);
    // Overrides were chosen for the file that was there; a new file needs its own look.
    if (m_slots[index].path != inspection.path) {
        const QString prefix = roleName(role) + QLatin1Char('.');
        for (auto it = m_dateOrders.begin(); it != m_dateOrders.end();)
            it = it.key().startsWith(prefix) ? m_dateOrders.erase(it) : std::next(it);
    }
    m_slots[index] = inspection;
}

void ImportSelection::swapSlots(FileRole first, FileRole second)
{
    if (first == second || first == FileRole::Unknown || second == FileRole::Unknown)
        return;
    const QString firstPath = slot(first).path;
    const QString secondPath = slot(second).path;
    assign(first, secondPath.isEmpty() ? FileInspection() : FileInspector::inspect(secondPath, first));
    assign(second, firstPath.isEmpty() ? FileInspection() : FileInspector::inspect(firstPath, second));
    emit changed();
}

void ImportSelection::clearSlot(FileRole role)
{
    if (!isAssigned(role))
        return;
    assign(role, FileInspection());
    emit changed();
}

QString ImportSelection::problem(FileRole role) const
{
    const FileInspection &inspection = slot(role);
    if (inspection.path.isEmpty() || inspection.ok())
        return QString();
    if (inspection.error.code != Error::Code::Header)
        return inspection.error.toString();
    const QSet<QString> present = [&inspection] {
        QSet<QString> names;
        for (const QString &name : readHeader(inspection.path))
            names.insert(FileClassifier::normalizeName(name));
        return names;
    }();
    return tr("not a %1 file: it lacks %2")
        .arg(roleName(role), missingFor(role, present).join(QStringLiteral(", ")));
}

bool ImportSelection::isReady() const
{
    const QVector<FileRole> roles = assignedRoles();
    return !roles.isEmpty() && std::all_of(roles.begin(), roles.end(), [this](FileRole r) { return fits(r); });
}

QVector<FileRole> ImportSelection::assignedRoles() const
{
    QVector<FileRole> roles;
    for (FileRole role : {FileRole::Stores, FileRole::Devices, FileRole::Transactions}) {
        if (isAssigned(role))
            roles << role;
    }
    return roles;
}

QString ImportSelection::dateOrderKey(FileRole role, const QString &column)
{
    // The key format ImportOptions::columnDateOrders expects: "role.column".
    return roleName(role) + QLatin1Char('.') + column;
}

DateOrder ImportSelection::dateOrder(FileRole role, const QString &column) const
{
    return m_dateOrders.value(dateOrderKey(role, column), DateOrder::Unknown);
}

void ImportSelection::setDateOrder(FileRole role, const QString &column, DateOrder order)
{
    const QString key = dateOrderKey(role, column);
    if (order == DateOrder::Unknown)
        m_dateOrders.remove(key);
    else
        m_dateOrders.insert(key, order);
}

ImportOptions ImportSelection::options(bool dryRun) const
{
    // The check page's dry run also shows orphans, early transactions, ... (see ImportWorker::options()).
    ImportOptions options = ImportWorker::options(dryRun, QStringLiteral("wizard"));
    for (FileRole role : assignedRoles())
        options.files << ImportSource{slot(role).path, role};
    options.columnDateOrders = m_dateOrders;
    return options;
}

QString ImportSelection::missingColumnsText(const QString &path)
{
    const QStringList header = readHeader(path);
    if (header.isEmpty())
        return tr("the file has no header line");
    QSet<QString> present;
    for (const QString &name : header)
        present.insert(FileClassifier::normalizeName(name));
    // Closest kind first: the one missing the fewest required columns is most likely meant.
    QVector<QPair<int, QString>> candidates;
    for (FileRole role : {FileRole::Stores, FileRole::Devices, FileRole::Transactions}) {
        const QStringList missing = missingFor(role, present);
        candidates << qMakePair(int(missing.size()),
                                tr("as %1 it lacks %2").arg(roleName(role), missing.join(QStringLiteral(", "))));
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList parts;
    for (const auto &candidate : candidates)
        parts << candidate.second;
    return tr("fits no slot: %1").arg(parts.join(QStringLiteral("; ")));
}

} // namespace cpm
