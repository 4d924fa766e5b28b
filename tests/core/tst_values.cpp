// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/ValueNormalizer.h"

#include <QtTest>

#include <limits>

using namespace cpm;
namespace N = ValueNormalizer;

Q_DECLARE_METATYPE(cpm::SkuKind)

class TstValues : public QObject
{
    Q_OBJECT

private slots:
    void trimmed_data();
    void trimmed();
    void sku_data();
    void sku();
    void status_data();
    void status();
    void amount_data();
    void amount();
    void integer_data();
    void integer();
    void card_data();
    void card();
};

void TstValues::trimmed_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc");
    QTest::newRow("both ends") << QByteArray(" \t a b \r\n") << QByteArray("a b");
    QTest::newRow("blank") << QByteArray("   ") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TstValues::trimmed()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(N::trimmed(in).toByteArray(), out);
}

void TstValues::sku_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<SkuKind>("kind");
    QTest::newRow("digits") << QByteArray("3770009015048") << QByteArray("3770009015048") << SkuKind::Plain;
    QTest::newRow("padded") << QByteArray(" 3770009015048 ") << QByteArray("3770009015048") << SkuKind::Plain;
    QTest::newRow("letters") << QByteArray("ABC-123") << QByteArray("ABC-123") << SkuKind::Plain;
    QTest::newRow("v prefix") << QByteArray("v3770009015048") << QByteArray("3770009015048") << SkuKind::VPrefix;
    QTest::newRow("V prefix padded") << QByteArray(" V123 ") << QByteArray("123") << SkuKind::VPrefix;
    QTest::newRow("v alone") << QByteArray("v") << QByteArray("v") << SkuKind::Plain;
    QTest::newRow("two v") << QByteArray("vv123") << QByteArray("vv123") << SkuKind::Plain;
    QTest::newRow("v then letters") << QByteArray("v12a") << QByteArray("v12a") << SkuKind::Plain;
    QTest::newRow("scientific dot") << QByteArray("3.77001E+12") << QByteArray("3.77001E+12") << SkuKind::Lossy;
    QTest::newRow("scientific comma") << QByteArray("3,77001E+12") << QByteArray("3,77001E+12") << SkuKind::Lossy;
    QTest::newRow("scientific bare") << QByteArray(" 3.77e12 ") << QByteArray("3.77e12") << SkuKind::Lossy;
    QTest::newRow("no mantissa") << QByteArray("E+12") << QByteArray("E+12") << SkuKind::Plain;
    QTest::newRow("no exponent") << QByteArray("12E") << QByteArray("12E") << SkuKind::Plain;
    QTest::newRow("pandas float") << QByteArray("3770009015048.0") << QByteArray("3770009015048") << SkuKind::Float;
    QTest::newRow("pandas float padded") << QByteArray(" 111.00 ") << QByteArray("111") << SkuKind::Float;
    QTest::newRow("not whole") << QByteArray("111.5") << QByteArray("111.5") << SkuKind::Plain;
    QTest::newRow("v and float") << QByteArray("v111.0") << QByteArray("v111.0") << SkuKind::Plain;
    QTest::newRow("version-like") << QByteArray("1.0.0") << QByteArray("1.0.0") << SkuKind::Plain;
    QTest::newRow("scientific stays lossy") << QByteArray("1.0E3") << QByteArray("1.0E3") << SkuKind::Lossy;
    QTest::newRow("empty") << QByteArray() << QByteArray() << SkuKind::Empty;
    QTest::newRow("blank") << QByteArray("  \t") << QByteArray() << SkuKind::Empty;
}

void TstValues::sku()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QFETCH(SkuKind, kind);
    QByteArray actual("previous value"); // the buffer is reused between rows
    QCOMPARE(N::normaliseSku(in, &actual), kind);
    QCOMPARE(actual, out);
}

void TstValues::status_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<bool>("known");
    QTest::newRow("accepted") << QByteArray(" Accepted ") << QByteArray("accepted") << true;
    QTest::newRow("refused") << QByteArray("REFUSED") << QByteArray("refused") << true;
    QTest::newRow("cancelled") << QByteArray("Cancelled\t") << QByteArray("cancelled") << true;
    QTest::newRow("us spelling") << QByteArray("canceled") << QByteArray("canceled") << false;
    QTest::newRow("other") << QByteArray("Pending") << QByteArray("pending") << false;
    QTest::newRow("empty") << QByteArray("  ") << QByteArray() << false;
}

void TstValues::status()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QFETCH(bool, known);
    QByteArray actual("previous value");
    N::normaliseStatus(in, &actual);
    QCOMPARE(actual, out);
    QCOMPARE(N::isKnownStatus(actual), known);
}

void TstValues::amount_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::newRow("integer") << QByteArray("12") << true << 12.0;
    QTest::newRow("decimal") << QByteArray("12.50") << true << 12.5;
    QTest::newRow("padded") << QByteArray(" 7.1 ") << true << 7.1;
    QTest::newRow("negative") << QByteArray("-3") << true << -3.0;
    QTest::newRow("plus") << QByteArray("+4.25") << true << 4.25;
    QTest::newRow("zero") << QByteArray("0") << true << 0.0;
    QTest::newRow("cents") << QByteArray("0.10") << true << 0.1;
    QTest::newRow("many decimals") << QByteArray("1234567.891") << true << 1234567.891;
    QTest::newRow("thousands") << QByteArray("1,000") << false << 0.0;
    QTest::newRow("decimal comma") << QByteArray("12,50") << false << 0.0;
    QTest::newRow("space inside") << QByteArray("1 000") << false << 0.0;
    QTest::newRow("letters") << QByteArray("abc") << false << 0.0;
    QTest::newRow("currency") << QByteArray("12 EUR") << false << 0.0;
    QTest::newRow("empty") << QByteArray() << false << 0.0;
    QTest::newRow("blank") << QByteArray("  ") << false << 0.0;
    QTest::newRow("sign only") << QByteArray("-") << false << 0.0;
    QTest::newRow("two signs") << QByteArray("+-3") << false << 0.0;
    QTest::newRow("trailing dot") << QByteArray("12.") << false << 0.0;
    QTest::newRow("leading dot") << QByteArray(".5") << false << 0.0;
    QTest::newRow("two dots") << QByteArray("1.2.3") << false << 0.0;
    QTest::newRow("exponent") << QByteArray("1e5") << false << 0.0;
    QTest::newRow("inf") << QByteArray("inf") << false << 0.0;
    QTest::newRow("nan") << QByteArray("nan") << false << 0.0;
    QTest::newRow("hex") << QByteArray("0x10") << false << 0.0;
}

void TstValues::amount()
{
    QFETCH(QByteArray, in);
    QFETCH(bool, ok);
    QFETCH(double, value);
    double actual = -99.0;
    QCOMPARE(N::parseAmount(in, &actual), ok);
    if (ok)
        QCOMPARE(actual, value);
    else
        QCOMPARE(actual, -99.0); // untouched on failure
}

void TstValues::integer_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    QTest::newRow("plain") << QByteArray("42") << true << qint64(42);
    QTest::newRow("padded negative") << QByteArray(" -7 ") << true << qint64(-7);
    QTest::newRow("plus") << QByteArray("+9") << true << qint64(9);
    QTest::newRow("max") << QByteArray("9223372036854775807") << true << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << QByteArray("-9223372036854775808") << true << std::numeric_limits<qint64>::min();
    QTest::newRow("overflow") << QByteArray("9223372036854775808") << false << qint64(0);
    QTest::newRow("underflow") << QByteArray("-9223372036854775809") << false << qint64(0);
    QTest::newRow("empty") << QByteArray("") << false << qint64(0);
    QTest::newRow("decimal") << QByteArray("4.0") << false << qint64(0);
    QTest::newRow("thousands") << QByteArray("1,000") << false << qint64(0);
    QTest::newRow("plus minus") << QByteArray("+-1") << false << qint64(0);
    QTest::newRow("minus plus") << QByteArray("-+1") << false << qint64(0);
    QTest::newRow("double plus") << QByteArray("++1") << false << qint64(0);
    QTest::newRow("letters") << QByteArray("12a") << false << qint64(0);
    QTest::newRow("sign only") << QByteArray("+") << false << qint64(0);
}

void TstValues::integer()
{
    QFETCH(QByteArray, in);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    qint64 actual = -99;
    QCOMPARE(N::parseInteger(in, &actual), ok);
    QCOMPARE(actual, ok ? value : qint64(-99));
}

void TstValues::card_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("last4");
    QTest::newRow("spaces") << QByteArray("4111 1111 1111 1234") << QByteArray("1234");
    QTest::newRow("dashes") << QByteArray("4111-1111-1111-9876") << QByteArray("9876");
    QTest::newRow("digits") << QByteArray("5555555555554444") << QByteArray("4444");
    QTest::newRow("exactly four") << QByteArray("1234") << QByteArray("1234");
    QTest::newRow("split last group") << QByteArray("4111 1111 1111 12 34") << QByteArray("1234");
    QTest::newRow("already masked") << QByteArray("************4321") << QByteArray("4321");
    QTest::newRow("pandas float") << QByteArray("201433236787273.0") << QByteArray("7273");
    QTest::newRow("excel rounded") << QByteArray("2.01433E+14") << QByteArray();
    QTest::newRow("three digits") << QByteArray("123") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("no digits") << QByteArray("n/a") << QByteArray();
}

void TstValues::card()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, last4);
    const QByteArray masked = N::maskCardNumber(in);
    QCOMPARE(masked, last4);
    QVERIFY(masked.size() <= 4);
}

QTEST_APPLESS_MAIN(TstValues)
#include "tst_values.moc"
