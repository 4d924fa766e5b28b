// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace cpm {

/**
 * The info bar above the dashboard when someone else's import has landed in the open
 * warehouse: "New data available — imported at 14:32 (batch 7). [Refresh] [×]". The numbers
 * on show are not replaced behind the reader's back; Refresh recomputes them, × dismisses the
 * bar until the next import.
 */
class NewDataBar : public QFrame
{
    Q_OBJECT

public:
    explicit NewDataBar(QWidget *parent = nullptr);

    /** Shows the bar for batch @p batchId, finished at @p importedAt (invalid: time unknown). */
    void announce(qint64 batchId, const QDateTime &importedAt);
    /** The batch the bar announces (0 when it never did). */
    qint64 batchId() const { return m_batchId; }
    QString text() const;
    QPushButton *refreshButton() const { return m_refresh; }
    QToolButton *closeButton() const { return m_close; }

signals:
    /** Refresh was pressed (the bar hides itself). */
    void refreshRequested();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_refresh = nullptr;
    QToolButton *m_close = nullptr;
    qint64 m_batchId = 0;
};

} // namespace cpm
