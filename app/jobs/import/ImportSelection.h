// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/FileInspector.h"
#include "warehouse/ImportTypes.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVector>

namespace cpm {

/**
 * What the wizard's pages share: one file slot per extract kind (stores, devices,
 * transactions), the files that fit none, and the date orders the user chose.
 */
class ImportSelection : public QObject
{
    Q_OBJECT

public:
    static constexpr int slotCount = 3;

    /** A file that fits no slot and why, in words that name the missing columns. */
    struct Misfit
    {
        QString path;
        QString reason;
    };

    explicit ImportSelection(QObject *parent = nullptr);

    /**
     * Classifies each of @p paths by its header and puts it in its slot, replacing the file
     * there; files that fit no slot, or a second file of one kind, go to misfits(). Returns
     * how many found a slot.
     */
    int addFiles(const QStringList &paths);
    /** Exchanges the files of two slots; both are re-read as their new kind (and may not fit). */
    void swapSlots(FileRole first, FileRole second);
    void clearSlot(FileRole role);

    /** The inspection of @p role's slot; an empty path when the slot is empty. */
    const FileInspection &slot(FileRole role) const;
    bool isAssigned(FileRole role) const { return !slot(role).path.isEmpty(); }
    /** Assigned and its header fits the slot. */
    bool fits(FileRole role) const { return isAssigned(role) && slot(role).ok(); }
    /** A slot's problem in words (missing columns, unreadable file), empty when it fits. */
    QString problem(FileRole role) const;
    const QVector<Misfit> &misfits() const { return m_misfits; }
    /** At least one slot is filled and every filled slot fits. */
    bool isReady() const;
    /** Slot roles that are filled, in import order. */
    QVector<FileRole> assignedRoles() const;

    /** Date order for @p role's @p column (DateOrder::Unknown: as detected). */
    DateOrder dateOrder(FileRole role, const QString &column) const;
    void setDateOrder(FileRole role, const QString &column, DateOrder order);

    /** The decimal mark chosen for @p role's amounts (DecimalMark::Auto: none, as detected). */
    DecimalMark decimalMark(FileRole role) const { return m_decimalMarks.value(roleName(role), DecimalMark::Auto); }
    void setDecimalMark(FileRole role, DecimalMark mark);

    /**
     * The share of a file's rows that may be rejected before the import refuses it (0..1;
     * RejectPolicy, the same rule as `cpm-cli import --max-reject-share`).
     */
    double maxRejectShare() const { return m_maxRejectShare; }
    void setMaxRejectShare(double share) { m_maxRejectShare = share; }

    /** Options for the importer: every filled slot with its role forced, the chosen date orders and reject limit. */
    ImportOptions options(bool dryRun) const;

    /** Which columns @p path (its @p sheet, for a workbook) lacks for each kind, closest kind first (e.g. "as transactions it lacks amount"). */
    static QString missingColumnsText(const QString &path, const QString &sheet = QString());

signals:
    void changed();

private:
    void assign(FileRole role, const FileInspection &inspection);
    static QString dateOrderKey(FileRole role, const QString &column);

    QVector<FileInspection> m_slots;
    QVector<Misfit> m_misfits;
    QHash<QString, DateOrder> m_dateOrders;
    QHash<QString, DecimalMark> m_decimalMarks; ///< keyed by role name, as ImportOptions::fileDecimalMarks
    double m_maxRejectShare = ImportOptions().maxRejectShare;
};

} // namespace cpm
