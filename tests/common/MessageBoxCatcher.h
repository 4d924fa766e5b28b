// SPDX-License-Identifier: GPL-3.0-or-later
// Answers the next modal QMessageBox a GUI test runs into (QMessageBox::exec() blocks the
// test's own code), keeping what it said. Header-only, for tests/ui.
#pragma once

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <functional>

namespace cpm::test {

/** Watches for a modal message box from construction on; answers the first one it sees. */
class MessageBoxCatcher : public QObject
{
public:
    /** @p choose picks the button to click (null: the box is rejected, like Escape). */
    explicit MessageBoxCatcher(std::function<QAbstractButton *(QMessageBox *)> choose = {}) : m_choose(std::move(choose))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_timer.stop();
            m_seen = true;
            m_title = box->windowTitle();
            m_text = box->text();
            m_informative = box->informativeText();
            QAbstractButton *button = m_choose ? m_choose(box) : nullptr;
            if (button)
                button->click();
            else
                box->reject();
        });
        m_timer.start(20);
    }

    /** Clicks the button named @p objectName. */
    static std::function<QAbstractButton *(QMessageBox *)> button(const QString &objectName)
    {
        return [objectName](QMessageBox *box) { return box->findChild<QPushButton *>(objectName); };
    }

    bool seen() const { return m_seen; }
    const QString &title() const { return m_title; }
    const QString &text() const { return m_text; }
    const QString &informativeText() const { return m_informative; }

private:
    std::function<QAbstractButton *(QMessageBox *)> m_choose;
    QTimer m_timer;
    bool m_seen = false;
    QString m_title, m_text, m_informative;
};

} // namespace cpm::test
