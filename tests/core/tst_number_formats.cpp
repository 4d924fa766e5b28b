// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers as pandas, Excel and European locales write them: integral floats in integer
// columns, decimal-comma amounts, the evidence a value gives about its column's decimal mark,
// and card numbers written as floats. Every expectation is written out by hand.
#include "csv/DecimalMarkDetector.h"
#include "csv/ValueNormalizer.h"

#include <QtTest>

#include <limits>

using namespace cpm;
namespace N = ValueNormalizer;

Q_DECLARE_METATYPE(cpm::WholeForm)
Q_DECLARE_METATYPE(cpm::DecimalMark)
Q_DECLARE_METATYPE(cpm::DecimalEvidence)

class TstNumberFormats : public QObject
{
    Q_OBJECT

private slots:
    void whole_data();
    void whole();
    void wholeDigits_data();
    void wholeDigits();
    void integerFromDouble_data();
    void integerFromDouble();
    void decimal_data();
    void decimal();
    void evidence_data();
    void evidence();
    void detector_data();
    void detector();
    void card_data();
    void card();
};

void TstNumberFormats::whole_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<DecimalMark>("mark");
    QTest::addColumn<WholeForm>("form");
    QTest::addColumn<qint64>("value");
    const auto P = DecimalMark::Point;
    const auto C = DecimalMark::Comma;
    QTest::newRow("plain") << QByteArray("42") << P << WholeForm::Plain << qint64(42);
    QTest::newRow("plain padded") << QByteArray(" -7 ") << P << WholeForm::Plain << qint64(-7);
    QTest::newRow("pandas .0") << QByteArray("1.0") << P << WholeForm::Float << qint64(1);
    QTest::newRow("two zeros") << QByteArray("501.00") << P << WholeForm::Float << qint64(501);
    QTest::newRow("padded float") << QByteArray(" 169.0 ") << P << WholeForm::Float << qint64(169);
    QTest::newRow("negative float") << QByteArray("-3.0") << P << WholeForm::Float << qint64(-3);
    QTest::newRow("plus float") << QByteArray("+3.0") << P << WholeForm::Float << qint64(3);
    QTest::newRow("comma .0") << QByteArray("52,0") << P << WholeForm::Float << qint64(52);
    QTest::newRow("exponent") << QByteArray("1.0E3") << P << WholeForm::Float << qint64(1000);
    QTest::newRow("exponent lower") << QByteArray("1e3") << P << WholeForm::Float << qint64(1000);
    QTest::newRow("exponent plus") << QByteArray("4.2E+01") << P << WholeForm::Float << qint64(42);
    QTest::newRow("exponent shifts all") << QByteArray("1.25E2") << P << WholeForm::Float << qint64(125);
    QTest::newRow("negative exponent") << QByteArray("1500E-2") << P << WholeForm::Float << qint64(15);
    QTest::newRow("exact 15 digits") << QByteArray("2.01433236787273E+14") << P << WholeForm::Float
                                     << qint64(201433236787273);
    QTest::newRow("big float") << QByteArray("3770009015048.0") << P << WholeForm::Float << qint64(3770009015048);
    QTest::newRow("zero float") << QByteArray("0.0") << P << WholeForm::Float << qint64(0);
    QTest::newRow("half") << QByteArray("1.5") << P << WholeForm::Fraction << qint64(-99);
    QTest::newRow("id and a half") << QByteArray("18.5") << P << WholeForm::Fraction << qint64(-99);
    QTest::newRow("exponent leaves fraction") << QByteArray("1.25E1") << P << WholeForm::Fraction << qint64(-99);
    QTest::newRow("small exponent") << QByteArray("5E-1") << P << WholeForm::Fraction << qint64(-99);
    QTest::newRow("excel rounded sku") << QByteArray("3.77001E+12") << P << WholeForm::Lossy << qint64(3770010000000);
    QTest::newRow("excel rounded card") << QByteArray("2.01433E+14") << P << WholeForm::Lossy << qint64(201433000000000);
    QTest::newRow("thousands comma") << QByteArray("1,000") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("comma mark: three zeros") << QByteArray("1,000") << C << WholeForm::Float << qint64(1);
    QTest::newRow("comma mark: dot group") << QByteArray("1.000") << C << WholeForm::Invalid << qint64(-99);
    QTest::newRow("dot three zeros") << QByteArray("7.000") << P << WholeForm::Float << qint64(7);
    QTest::newRow("trailing dot") << QByteArray("12.") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("leading dot") << QByteArray(".0") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("two dots") << QByteArray("1.0.0") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("letters") << QByteArray("12a") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("exponent alone") << QByteArray("1.0E") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("exponent two signs") << QByteArray("1E--3") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("exponent four digits") << QByteArray("1E1000") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("exponent too far") << QByteArray("1E41") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("inf") << QByteArray("inf") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("nan") << QByteArray("nan") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("empty") << QByteArray("") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("overflow float") << QByteArray("9223372036854775808.0") << P << WholeForm::Invalid << qint64(-99);
    QTest::newRow("overflow plain") << QByteArray("9223372036854775808") << P << WholeForm::Invalid << qint64(-99);
}

void TstNumberFormats::whole()
{
    QFETCH(QByteArray, in);
    QFETCH(DecimalMark, mark);
    QFETCH(WholeForm, form);
    QFETCH(qint64, value);
    qint64 actual = -99;
    QCOMPARE(N::parseWhole(in, &actual, mark), form);
    QCOMPARE(actual, value);
}

void TstNumberFormats::wholeDigits_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<WholeForm>("form");
    QTest::addColumn<QByteArray>("digits");
    QTest::newRow("sku float") << QByteArray("3770009015048.0") << WholeForm::Float << QByteArray("3770009015048");
    QTest::newRow("customer float") << QByteArray("29.0") << WholeForm::Float << QByteArray("29");
    QTest::newRow("beyond 64 bits") << QByteArray("12345678901234567890123.0") << WholeForm::Float
                                    << QByteArray("12345678901234567890123");
    QTest::newRow("negative") << QByteArray("-5.00") << WholeForm::Float << QByteArray("-5");
    QTest::newRow("leading zeros") << QByteArray("007.0") << WholeForm::Float << QByteArray("7");
    QTest::newRow("lossy") << QByteArray("3.77001E+12") << WholeForm::Lossy << QByteArray("3770010000000");
    QTest::newRow("fraction") << QByteArray("29.5") << WholeForm::Fraction << QByteArray();
    QTest::newRow("text") << QByteArray("C-29") << WholeForm::Invalid << QByteArray();
}

void TstNumberFormats::wholeDigits()
{
    QFETCH(QByteArray, in);
    QFETCH(WholeForm, form);
    QFETCH(QByteArray, digits);
    QByteArray out("previous value"); // the buffer is reused between rows
    QCOMPARE(N::wholeDigits(in, &out), form);
    QCOMPARE(out, digits);
}

void TstNumberFormats::integerFromDouble_data()
{
    QTest::addColumn<double>("in");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    QTest::newRow("one") << 1.0 << true << qint64(1);
    QTest::newRow("negative") << -42.0 << true << qint64(-42);
    QTest::newRow("sku") << 3770009015048.0 << true << qint64(3770009015048);
    QTest::newRow("2^53") << 9007199254740992.0 << true << qint64(9007199254740992);
    QTest::newRow("half") << 0.5 << false << qint64(-99);
    QTest::newRow("2^63") << 9223372036854775808.0 << false << qint64(-99);
    QTest::newRow("-2^63") << -9223372036854775808.0 << true << std::numeric_limits<qint64>::min();
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << false << qint64(-99);
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << false << qint64(-99);
}

void TstNumberFormats::integerFromDouble()
{
    QFETCH(double, in);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    qint64 actual = -99;
    QCOMPARE(N::integerFromDouble(in, &actual), ok);
    QCOMPARE(actual, value);
}

void TstNumberFormats::decimal_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<DecimalMark>("mark");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    const auto P = DecimalMark::Point;
    const auto C = DecimalMark::Comma;
    QTest::newRow("integer") << QByteArray("749") << P << true << 749.0;
    QTest::newRow("pandas amount") << QByteArray("749.0") << P << true << 749.0;
    QTest::newRow("cents") << QByteArray("12.50") << P << true << 12.5;
    QTest::newRow("grouped point") << QByteArray("1,234.56") << P << true << 1234.56;
    QTest::newRow("millions point") << QByteArray("1,234,567") << P << true << 1234567.0;
    QTest::newRow("point: 1,234 is a group") << QByteArray("1,234") << P << true << 1234.0;
    QTest::newRow("exponent") << QByteArray("1.0E3") << P << true << 1000.0;
    QTest::newRow("negative") << QByteArray(" -3.5 ") << P << true << -3.5;
    QTest::newRow("comma") << QByteArray("749,00") << C << true << 749.0;
    QTest::newRow("comma cents") << QByteArray("12,5") << C << true << 12.5;
    QTest::newRow("grouped comma") << QByteArray("1.234,56") << C << true << 1234.56;
    QTest::newRow("millions comma") << QByteArray("12.345.678,9") << C << true << 12345678.9;
    QTest::newRow("comma: 1,234 is decimal") << QByteArray("1,234") << C << true << 1.234;
    QTest::newRow("comma: 1.234 is a group") << QByteArray("1.234") << C << true << 1234.0;
    QTest::newRow("comma exponent") << QByteArray("1,5E2") << C << true << 150.0;
    QTest::newRow("comma integer") << QByteArray("235") << C << true << 235.0;
    QTest::newRow("point under comma") << QByteArray("12.50") << C << false << -99.0;
    QTest::newRow("comma under point") << QByteArray("12,50") << P << false << -99.0;
    QTest::newRow("bad group") << QByteArray("12,34.5") << P << false << -99.0;
    QTest::newRow("group of four") << QByteArray("1,2345") << P << false << -99.0;
    QTest::newRow("leading zero group") << QByteArray("0,123") << P << false << -99.0;
    QTest::newRow("trailing separator") << QByteArray("12,") << C << false << -99.0;
    QTest::newRow("leading separator") << QByteArray(",5") << C << false << -99.0;
    QTest::newRow("two decimals") << QByteArray("1,2,3") << C << false << -99.0;
    QTest::newRow("currency") << QByteArray("12 EUR") << P << false << -99.0;
    QTest::newRow("space group") << QByteArray("1 000") << P << false << -99.0;
    QTest::newRow("inf") << QByteArray("inf") << P << false << -99.0;
    QTest::newRow("hex") << QByteArray("0x10") << P << false << -99.0;
    QTest::newRow("empty") << QByteArray("") << C << false << -99.0;
    QTest::newRow("sign only") << QByteArray("-") << P << false << -99.0;
    QTest::newRow("two signs") << QByteArray("+-3") << P << false << -99.0;
    QTest::newRow("bare exponent") << QByteArray("1e") << P << false << -99.0;
}

void TstNumberFormats::decimal()
{
    QFETCH(QByteArray, in);
    QFETCH(DecimalMark, mark);
    QFETCH(bool, ok);
    QFETCH(double, value);
    double actual = -99.0;
    QCOMPARE(N::parseDecimal(in, mark, &actual), ok);
    QCOMPARE(actual, value);
}

void TstNumberFormats::evidence_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<DecimalEvidence>("evidence");
    QTest::newRow("integer") << QByteArray("749") << DecimalEvidence::None;
    QTest::newRow("pandas") << QByteArray("749.0") << DecimalEvidence::Point;
    QTest::newRow("cents") << QByteArray("12.50") << DecimalEvidence::Point;
    QTest::newRow("grouped point") << QByteArray("1,234.56") << DecimalEvidence::Point;
    QTest::newRow("thousands commas") << QByteArray("1,234,567") << DecimalEvidence::Point;
    QTest::newRow("four before point") << QByteArray("1234.567") << DecimalEvidence::Point;
    QTest::newRow("zero point three") << QByteArray("0.123") << DecimalEvidence::Point;
    QTest::newRow("european") << QByteArray("749,00") << DecimalEvidence::Comma;
    QTest::newRow("grouped comma") << QByteArray("1.234,56") << DecimalEvidence::Comma;
    QTest::newRow("thousands dots") << QByteArray("1.234.567") << DecimalEvidence::Comma;
    QTest::newRow("four before comma") << QByteArray("1234,567") << DecimalEvidence::Comma;
    QTest::newRow("zero comma three") << QByteArray("0,123") << DecimalEvidence::Comma;
    QTest::newRow("ambiguous") << QByteArray("1,234") << DecimalEvidence::Ambiguous;
    QTest::newRow("ambiguous negative") << QByteArray("-12,500") << DecimalEvidence::Ambiguous;
    QTest::newRow("dot three: as always") << QByteArray("1.234") << DecimalEvidence::None;
    QTest::newRow("text") << QByteArray("abc") << DecimalEvidence::Invalid;
    QTest::newRow("broken") << QByteArray("1.2.3,4") << DecimalEvidence::Invalid;
    QTest::newRow("empty") << QByteArray("") << DecimalEvidence::Invalid;
}

void TstNumberFormats::evidence()
{
    QFETCH(QByteArray, in);
    QFETCH(DecimalEvidence, evidence);
    QCOMPARE(N::decimalEvidence(in), evidence);
}

void TstNumberFormats::detector_data()
{
    QTest::addColumn<QByteArrayList>("values");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<DecimalMark>("mark");
    QTest::addColumn<bool>("settled");
    QTest::addColumn<bool>("ambiguous");
    QTest::addColumn<QString>("example");
    QTest::newRow("integers only") << QByteArrayList{"749", "235", "304"} << ',' << DecimalMark::Point << false << false
                                   << QString();
    QTest::newRow("pandas") << QByteArrayList{"749.0", "235.0"} << ',' << DecimalMark::Point << true << false
                            << QStringLiteral("749.0");
    QTest::newRow("european") << QByteArrayList{"749", "1,234", "12,50"} << ';' << DecimalMark::Comma << true << false
                              << QStringLiteral("12,50");
    QTest::newRow("grouped european") << QByteArrayList{"1.234,56", "7"} << ';' << DecimalMark::Comma << true << false
                                      << QStringLiteral("1.234,56");
    QTest::newRow("ambiguous comma file") << QByteArrayList{"1,234", "5", "2,500"} << ',' << DecimalMark::Point << false
                                          << true << QStringLiteral("1,234");
    QTest::newRow("ambiguous semicolon file") << QByteArrayList{"9", "1,234"} << ';' << DecimalMark::Comma << false << true
                                              << QStringLiteral("1,234");
    QTest::newRow("majority comma") << QByteArrayList{"1,5", "2,5", "3.5"} << ';' << DecimalMark::Comma << true << false
                                    << QStringLiteral("1,5");
    QTest::newRow("majority point") << QByteArrayList{"1.5", "2.5", "3,5"} << ',' << DecimalMark::Point << true << false
                                    << QStringLiteral("1.5");
}

void TstNumberFormats::detector()
{
    QFETCH(QByteArrayList, values);
    QFETCH(char, delimiter);
    QFETCH(DecimalMark, mark);
    QFETCH(bool, settled);
    QFETCH(bool, ambiguous);
    QFETCH(QString, example);
    DecimalMarkDetector detector;
    for (const QByteArray &value : values)
        detector.add(value);
    const DecimalMarkGuess guess = detector.result(delimiter);
    QCOMPARE(guess.mark, mark);
    QCOMPARE(guess.settled, settled);
    QCOMPARE(guess.ambiguous, ambiguous);
    QCOMPARE(guess.example, example);
    QVERIFY(!guess.forced);
}

void TstNumberFormats::card_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("last4");
    QTest::addColumn<WholeForm>("form");
    QTest::newRow("pandas float") << QByteArray("201433236787273.0") << QByteArray("7273") << WholeForm::Float;
    QTest::newRow("16 digits float") << QByteArray(" 4556596815473496.0 ") << QByteArray("3496") << WholeForm::Float;
    QTest::newRow("exact exponent") << QByteArray("2.01433236787273E+14") << QByteArray("7273") << WholeForm::Float;
    QTest::newRow("excel rounded") << QByteArray("2.01433E+14") << QByteArray() << WholeForm::Lossy;
    QTest::newRow("not whole") << QByteArray("201433236787273.5") << QByteArray() << WholeForm::Fraction;
    QTest::newRow("digits") << QByteArray("201433236787273") << QByteArray("7273") << WholeForm::Plain;
    QTest::newRow("spaced") << QByteArray("3477 282862 44521") << QByteArray("4521") << WholeForm::Plain;
    QTest::newRow("dotted groups") << QByteArray("4111.1111.1111.1234") << QByteArray("1234") << WholeForm::Plain;
    QTest::newRow("masked") << QByteArray("****4321") << QByteArray("4321") << WholeForm::Plain;
    QTest::newRow("empty") << QByteArray() << QByteArray() << WholeForm::Plain;
}

void TstNumberFormats::card()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, last4);
    QFETCH(WholeForm, form);
    QByteArray out("previous value");
    WholeForm actual = WholeForm::Invalid;
    N::maskCardNumber(in, &out, &actual);
    QCOMPARE(out, last4);
    QCOMPARE(actual, form);
    QCOMPARE(N::maskCardNumber(in), last4); // the one-argument form agrees
}

QTEST_APPLESS_MAIN(TstNumberFormats)
#include "tst_number_formats.moc"
