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
        // A workbook brings one inspection per sheet, each placed like a file of its own.
        for (const FileInspection &inspection : FileInspector::inspectAll(absolute)) {
            const QString sheet = inspection.sheet().isEmpty() ? QString() : tr("sheet '%1' ").arg(inspection.sheet());
            if (!inspection.ok() || inspection.role() == FileRole::Unknown) {
                const bool headerProblem = inspection.error.code == Error::Code::Header;
                m_misfits << Misfit{absolute, headerProblem ? sheet + missingColumnsText(absolute, inspection.sheet())
                                                            : inspection.error.toString()};
                continue;
            }
            const int index = int(inspection.role());
            // Two files of one kind in the same drop: keep the first, and say why the other is out.
            if (!placedNow[index].isEmpty() && placedNow[index] != absolute + inspection.sheet()) {
                m_misfits << Misfit{absolute, sheet + tr("is also a %1 extract, like %2; only one file per kind is imported at a time")
                                                          .arg(roleName(inspection.role()), QFileInfo(placedNow[index]).fileName())};
                continue;
            }
            placedNow[index] = absolute + inspection.sheet();
            assign(inspection.role(), inspection);
            ++placed;
        }
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
        m_decimalMarks.remove(roleName(role));
    }
    m_slots[index] = inspection;
}

void ImportSelection::swapSlots(FileRole first, FileRole second)
{
    if (first == second || first == FileRole::Unknown || second == FileRole::Unknown)
        return;
    const QString firstPath = slot(first).path, firstSheet = slot(first).sheet();
    const QString secondPath = slot(second).path, secondSheet = slot(second).sheet();
    assign(first, secondPath.isEmpty() ? FileInspection() : FileInspector::inspect(secondPath, first, 5000, 20, secondSheet));
    assign(second, firstPath.isEmpty() ? FileInspection() : FileInspector::inspect(firstPath, second, 5000, 20, firstSheet));
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
        for (const QString &name : FileInspector::readHeader(inspection.path, inspection.sheet()))
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

void ImportSelection::setDecimalMark(FileRole role, DecimalMark mark)
{
    if (mark == DecimalMark::Auto)
        m_decimalMarks.remove(roleName(role));
    else
        m_decimalMarks.insert(roleName(role), mark);
}

ImportOptions ImportSelection::options(bool dryRun) const
{
    // The check page's dry run also shows orphans, early transactions, ... (see ImportWorker::options()).
    ImportOptions options = ImportWorker::options(dryRun, QStringLiteral("wizard"));
    for (FileRole role : assignedRoles())
        options.files << ImportSource{slot(role).path, role, slot(role).sheet()};
    options.columnDateOrders = m_dateOrders;
    options.fileDecimalMarks = m_decimalMarks;
    options.maxRejectShare = m_maxRejectShare;
    return options;
}

QString ImportSelection::missingColumnsText(const QString &path, const QString &sheet)
{
    const QStringList header = FileInspector::readHeader(path, sheet);
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
