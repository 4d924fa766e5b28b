// SPDX-License-Identifier: GPL-3.0-or-later
// Test support for the desktop window (tests/ui and cpm-gui-bench): MainWindow keeps no
// accessors just for tests, so its parts are found here by type and object name. Header-only,
// and QtCore's QTest::qWaitFor only, so the benchmark can use it without linking Qt Test.
#pragma once

#include "FilterBar.h"
#include "MainWindow.h"
#include "dashboard/BusyOverlay.h"
#include "dashboard/MetricPage.h"
#include "dashboard/OverviewPage.h"

#include <QLabel>
#include <QProgressBar>
#include <QtCore/qtestsupport_core.h>

namespace cpm::test {

/** A view of one MainWindow's widgets, and a wait for the numbers of its filter to be on show. */
class MainWindowProbe
{
public:
    explicit MainWindowProbe(const MainWindow *window) : m_window(window) {}

    FilterBar *filterBar() const { return m_window->findChild<FilterBar *>(); }
    OverviewPage *overviewPage() const { return m_window->findChild<OverviewPage *>(QStringLiteral("page_overview")); }
    MetricPage *metricPage(const QString &id) const
    {
        return m_window->findChild<MetricPage *>(QStringLiteral("page_") + id);
    }
    /** The dimming overlay over the pages while updating, and the status bar's busy indicator and text. */
    BusyOverlay *busyOverlay() const { return m_window->findChild<BusyOverlay *>(QStringLiteral("busyOverlay")); }
    QProgressBar *busyIndicator() const { return m_window->findChild<QProgressBar *>(QStringLiteral("busyIndicator")); }
    QLabel *busyLabel() const { return m_window->findChild<QLabel *>(QStringLiteral("busyLabel")); }

    /** The numbers for the filter bar's filter (and page) are on show, the overview's charts included. */
    bool isShown() const
    {
        // Numbers computed with the anomaly rates (for their page or a report) answer a request without them too.
        MetricFilter shown = m_window->snapshot().filter;
        shown.anomalies = shown.anomalies && m_window->requestedFilter().anomalies;
        return !m_window->isUpdating() && shown == m_window->requestedFilter()
            && !overviewPage()->chartsPending();
    }
    /** Runs the event loop until isShown(); false on timeout. */
    bool waitUntilShown(int timeoutMs) const
    {
        return QTest::qWaitFor([this] { return isShown(); }, timeoutMs);
    }

private:
    const MainWindow *m_window;
};

} // namespace cpm::test
