// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard's preview page and the amounts' decimal mark: a choice shown only when the
// sample cannot tell ("1,234" only), Next held back until it is made, the choice carried to
// the importer's options; a European file is only told ("decimal comma"), a plain one shows
// nothing.
#include "../common/TestSupport.h"

#include "import/ImportSelection.h"
#include "import/PreviewFilePanel.h"
#include "import/PreviewPage.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace cpm;

namespace {

const QByteArray kHeader = "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";

/** Keeps a picture of @p widget when CPM_SCREENSHOT_DIR is set (for docs/screenshots). */
void keepShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

class TestPreviewDecimal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const char *name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        test::writeFile(path, bytes);
        return path;
    }

private slots:
    void ambiguousAmountsAskForAChoice()
    {
        const QString path = write("ambiguous.csv", kHeader
                                                        + "1,10,Tea,1,D,\"1,234\",accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n"
                                                          "2,10,Tea,1,D,\"2,500\",accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n"
                                                          "3,10,Tea,1,D,7,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n");
        ImportSelection selection;
        QCOMPARE(selection.addFiles({path, test::fixture(QStringLiteral("basic/stores.csv"))}), 2);
        PreviewPage page(&selection);
        page.initializePage();
        page.resize(900, 600);
        QVERIFY(!page.isComplete());
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("previewTabs"));
        QVERIFY(tabs->tabText(tabs->currentIndex()).startsWith(QStringLiteral("transactions"))); // the question is on show
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("decimalMark"));
        QVERIFY(combo);
        QCOMPARE(page.findChildren<QComboBox *>(QStringLiteral("decimalMark")).size(), 1); // the stores file has no amounts
        auto *label = page.findChild<QLabel *>(QStringLiteral("decimalLabel"));
        QVERIFY(label && label->text().contains(QStringLiteral("'1,234'")));
        keepShot(&page, QStringLiteral("wizard-decimal-choice"));

        QSignalSpy complete(&page, &PreviewPage::completeChanged);
        const int comma = combo->findData(int(DecimalMark::Comma));
        combo->setCurrentIndex(comma);
        emit combo->activated(comma);
        QCOMPARE(complete.size(), 1);
        QVERIFY(page.isComplete());
        QCOMPARE(selection.options(true).fileDecimalMarks.value(QStringLiteral("transactions")), DecimalMark::Comma);

        const int none = combo->findData(int(DecimalMark::Auto));
        combo->setCurrentIndex(none);
        emit combo->activated(none); // "Choose…" again: the question is open again
        QVERIFY(!page.isComplete());
        QVERIFY(!selection.options(true).fileDecimalMarks.contains(QStringLiteral("transactions")));
    }

    void europeanAmountsAreOnlyTold()
    {
        ImportSelection selection;
        selection.addFiles({test::fixture(QStringLiteral("basic-european/transactions.csv"))});
        PreviewPage page(&selection);
        page.initializePage();
        QVERIFY(page.isComplete());
        QVERIFY(!page.findChild<QComboBox *>(QStringLiteral("decimalMark")));
        auto *label = page.findChild<QLabel *>(QStringLiteral("decimalLabel"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(QStringLiteral("decimal comma (e.g. 100,00)")), qPrintable(label->text()));
    }

    void plainAmountsShowNothing()
    {
        ImportSelection selection;
        selection.addFiles({test::fixture(QStringLiteral("basic/transactions.csv"))});
        PreviewPage page(&selection);
        page.initializePage();
        QVERIFY(page.isComplete());
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("decimalLabel")));
    }

    void aNewFileForgetsTheChoice()
    {
        ImportSelection selection;
        selection.addFiles({write("first.csv", kHeader + "1,10,Tea,1,D,\"1,234\",accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n")});
        selection.setDecimalMark(FileRole::Transactions, DecimalMark::Point);
        QCOMPARE(selection.decimalMark(FileRole::Transactions), DecimalMark::Point);
        selection.addFiles({write("second.csv", kHeader + "1,10,Tea,1,D,\"9,999\",accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n")});
        QCOMPARE(selection.decimalMark(FileRole::Transactions), DecimalMark::Auto);
    }
};

QTEST_MAIN(TestPreviewDecimal)
#include "tst_preview_decimal.moc"
