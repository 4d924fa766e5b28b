// SPDX-License-Identifier: GPL-3.0-or-later
// Expected epoch seconds were computed independently with `date -u -d '<date>' +%s`.
#include "csv/TimestampDetector.h"
#include "csv/TimestampParser.h"

#include <QtTest>

using namespace cpm;
using Status = TimestampParser::Status;

Q_DECLARE_METATYPE(cpm::DateOrder)
Q_DECLARE_METATYPE(cpm::TimestampParser::Status)

class TstTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void toIso_data();
    void toIso();
    void civilRoundTrip();
    void civilAnchors();
    void expectedText();
    void detect_data();
    void detect();
    void patterns();
    void describe_data();
    void describe();
};

static void okRow(const char *text, DateOrder order, qint64 seconds)
{
    QTest::addRow("%s", text) << QByteArray(text) << order << Status::Ok << seconds;
}

static void badRow(const char *text, DateOrder order, Status status)
{
    QTest::addRow("%s", text) << QByteArray(text) << order << status << qint64(0);
}

void TstTimestamp::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<DateOrder>("order");
    QTest::addColumn<Status>("status");
    QTest::addColumn<qint64>("seconds");
    const auto MF = DateOrder::MonthFirst;
    const auto DF = DateOrder::DayFirst;
    const auto YF = DateOrder::YearFirst;
    const auto UK = DateOrder::Unknown;

    // Month first, short and padded fields, every separator.
    okRow("1/1/2019 0:00", MF, 1546300800);
    okRow("3/4/2019 5:06", MF, 1551675960);
    okRow("03/04/2019 05:06:07", MF, 1551675967);
    okRow("03-04-2019 5:06:07", MF, 1551675967);
    okRow("3.4.2019 5:06:07", MF, 1551675967);
    okRow("3/4/2019", MF, 1551657600);
    okRow("  1/1/2019 0:00  ", MF, 1546300800);
    okRow("3/4/2019  5:06", MF, 1551675960);
    // Day first.
    okRow("3/4/2019 5:06", DF, 1554267960);
    okRow("04.03.2019 05:06", MF, 1554267960);
    okRow("03.04.2019 05:06", DF, 1554267960);
    okRow("4-3-2019", DF, 1551657600);
    // ISO year first, whatever order is asked for (a 4-digit year cannot be misread).
    okRow("2019-03-04 05:06:07", YF, 1551675967);
    okRow("2019-03-04T05:06:07", UK, 1551675967);
    okRow("2019-03-04T05:06", YF, 1551675960);
    okRow("2019-03-04", YF, 1551657600);
    okRow("2019/03/04 05:06:07", YF, 1551675967);
    okRow("2019-03-04 05:06:07", MF, 1551675967);
    okRow("2019-03-04 05:06:07", DF, 1551675967);
    okRow("2019-03-04T05:06:07.123456", YF, 1551675967);
    okRow("2019-03-04T05:06:07,9", YF, 1551675967);
    okRow("2019-03-04T05:06:07Z", YF, 1551675967);
    okRow("2019-03-04T05:06:07.5Z", YF, 1551675967);
    okRow("2019-03-04T05:06:07+02:00", YF, 1551675967);
    okRow("2019-03-04T05:06:07-0530", YF, 1551675967);
    okRow("2019-03-04 05:06:07 +00:00", YF, 1551675967);
    // AM/PM: 12 AM is midnight, 12 PM is noon.
    okRow("12/31/2019 1:45:30 PM", MF, 1577799930);
    okRow("7/15/2019 12:30 AM", MF, 1563150600);
    okRow("7/15/2019 12:30 PM", MF, 1563193800);
    okRow("7/15/2019 1:05 pm", MF, 1563195900);
    okRow("7/15/2019 11:59PM", MF, 1563235140);
    okRow("15/07/2019 12:30 am", DF, 1563150600);
    // Leap years and far dates.
    okRow("2/29/2020 23:59:59", MF, 1583020799);
    okRow("2020-02-29", YF, 1582934400);
    okRow("2000-02-29 12:00:00", YF, 951825600);
    okRow("1600-02-29", YF, -11670998400);
    okRow("1969-12-31 23:59:59", YF, -1);
    okRow("1970-01-01 00:00:00", YF, 0);
    okRow("1900-03-01", YF, -2203891200);
    okRow("0001-01-01", YF, -62135596800);
    okRow("9999-12-31 23:59:59", YF, 253402300799);

    badRow("", MF, Status::Empty);
    badRow("   ", DF, Status::Empty);

    badRow("abc", MF, Status::BadSyntax);
    badRow("2019/03", YF, Status::BadSyntax);
    badRow("1/1/19", MF, Status::BadSyntax);
    badRow("123/1/2019", MF, Status::BadSyntax);
    badRow("1-1/2019", MF, Status::BadSyntax);
    badRow("1/1/2019 5", MF, Status::BadSyntax);
    badRow("1/1/2019 5:6", MF, Status::BadSyntax);
    badRow("1/1/2019 5:06:7", MF, Status::BadSyntax);
    badRow("1/1/2019 105:06", MF, Status::BadSyntax);
    badRow("1/1/2019T", MF, Status::BadSyntax);
    badRow("1/1/2019 AM", MF, Status::BadSyntax);
    badRow("1/1/2019 5:06 XM", MF, Status::BadSyntax);
    badRow("1/1/2019x", MF, Status::BadSyntax);
    badRow("3/4/2019", YF, Status::BadSyntax);
    badRow("3/4/2019", UK, Status::BadSyntax);
    badRow("2019-03-04 05:06:07 +5", YF, Status::BadSyntax);
    badRow("2019-03-04 05:06:07+05:", YF, Status::BadSyntax);
    badRow("2019-03-04 05:06:07+05:300", YF, Status::BadSyntax);
    badRow("2019-03-04 05:06:07 junk", YF, Status::BadSyntax);
    badRow("20190-03-04", YF, Status::BadSyntax);

    badRow("13/1/2019 0:00", MF, Status::BadDate);
    badRow("1/13/2019 0:00", DF, Status::BadDate);
    badRow("0/10/2019", MF, Status::BadDate);
    badRow("2/30/2019", MF, Status::BadDate);
    badRow("2/29/2019", MF, Status::BadDate);
    badRow("2019-02-29", YF, Status::BadDate);
    badRow("1900-02-29", YF, Status::BadDate);
    badRow("2019-13-01", YF, Status::BadDate);
    badRow("2019-00-10", YF, Status::BadDate);
    badRow("2019-04-31", YF, Status::BadDate);
    badRow("31/04/2019", DF, Status::BadDate);
    badRow("0000-01-01", YF, Status::BadDate);

    badRow("1/1/2019 24:00", MF, Status::BadTime);
    badRow("1/1/2019 23:60", MF, Status::BadTime);
    badRow("1/1/2019 23:59:60", MF, Status::BadTime);
    badRow("1/1/2019 13:00 PM", MF, Status::BadTime);
    badRow("1/1/2019 0:30 AM", MF, Status::BadTime);
    badRow("2019-01-01T99:00:00", YF, Status::BadTime);
}

void TstTimestamp::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(DateOrder, order);
    QFETCH(Status, status);
    QFETCH(qint64, seconds);
    qint64 actual = 42;
    QCOMPARE(TimestampParser::parse(text, order, &actual), status);
    if (status == Status::Ok)
        QCOMPARE(actual, seconds);
}

void TstTimestamp::toIso_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("iso");
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00");
    QTest::newRow("before epoch") << qint64(-1) << QStringLiteral("1969-12-31T23:59:59");
    QTest::newRow("2019") << qint64(1577799930) << QStringLiteral("2019-12-31T13:45:30");
    QTest::newRow("leap day") << qint64(951825600) << QStringLiteral("2000-02-29T12:00:00");
    QTest::newRow("year 1") << qint64(-62135596800) << QStringLiteral("0001-01-01T00:00:00");
    QTest::newRow("year 9999") << qint64(253402300799) << QStringLiteral("9999-12-31T23:59:59");
}

void TstTimestamp::toIso()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, iso);
    QCOMPARE(TimestampParser::toIso(seconds), iso);
}

// Every day from 1600 to 2400 converts both ways and follows the previous day by one.
void TstTimestamp::civilRoundTrip()
{
    qint64 previous = TimestampParser::daysFromCivil(1599, 12, 31);
    for (qint64 days = previous + 1; days <= TimestampParser::daysFromCivil(2400, 12, 31); ++days) {
        int y = 0;
        int m = 0;
        int d = 0;
        TimestampParser::civilFromDays(days, &y, &m, &d);
        if (TimestampParser::daysFromCivil(y, m, d) != days || days != previous + 1)
            QFAIL(qPrintable(QStringLiteral("day %1 -> %2-%3-%4").arg(days).arg(y).arg(m).arg(d)));
        previous = days;
    }
}

void TstTimestamp::civilAnchors()
{
    QCOMPARE(TimestampParser::daysFromCivil(1970, 1, 1), qint64(0));
    QCOMPARE(TimestampParser::daysFromCivil(2000, 3, 1), qint64(11017));
    QCOMPARE(TimestampParser::daysFromCivil(1900, 3, 1), qint64(-25508));
    QCOMPARE(TimestampParser::daysFromCivil(1600, 2, 29), qint64(-135081));
    QCOMPARE(TimestampParser::daysFromCivil(1, 1, 1), qint64(-719162));
    int y = 0;
    int m = 0;
    int d = 0;
    TimestampParser::civilFromDays(17959, &y, &m, &d);
    QCOMPARE(QList<int>({y, m, d}), QList<int>({2019, 3, 4}));
}

void TstTimestamp::expectedText()
{
    QVERIFY(TimestampParser::expectedText(DateOrder::MonthFirst).contains(QLatin1String("MM/DD/YYYY")));
    QVERIFY(TimestampParser::expectedText(DateOrder::DayFirst).contains(QLatin1String("DD/MM/YYYY")));
    QVERIFY(TimestampParser::expectedText(DateOrder::YearFirst).contains(QLatin1String("YYYY-MM-DD")));
    QVERIFY(TimestampParser::expectedText(DateOrder::Unknown).contains(QLatin1String("YYYY-MM-DD")));
}

static TimestampFormatGuess detectAll(const QByteArrayList &values)
{
    TimestampDetector detector;
    for (const QByteArray &value : values)
        detector.add(value);
    return detector.result();
}

void TstTimestamp::detect_data()
{
    QTest::addColumn<QByteArrayList>("values");
    QTest::addColumn<DateOrder>("order");
    QTest::addColumn<bool>("ambiguous");
    QTest::addColumn<bool>("hoursOnly1To12");
    QTest::addColumn<bool>("hasAmPm");
    QTest::addColumn<qint64>("samples");
    QTest::addColumn<qint64>("unparsable");
    QTest::addColumn<qint64>("contradicting");

    QTest::newRow("day first") << QByteArrayList{"13/01/2019 10:00", "05/02/2019 14:00", "01/03/2019 9:00"}
                               << DateOrder::DayFirst << false << false << false << qint64(3) << qint64(0) << qint64(0);
    QTest::newRow("month first") << QByteArrayList{"1/13/2019 0:00", "2/5/2019 23:00"} << DateOrder::MonthFirst
                                 << false << false << false << qint64(2) << qint64(0) << qint64(0);
    QTest::newRow("ambiguous") << QByteArrayList{"1/2/2019 0:00", "3/4/2019 13:00", "12/12/2019 15:00"}
                               << DateOrder::MonthFirst << true << false << false << qint64(3) << qint64(0)
                               << qint64(0);
    // Dots are the day-first convention (no locale writes M.D.Y): 02.01.2022 is 2 January.
    QTest::newRow("ambiguous dotted") << QByteArrayList{"01.01.2022 00:00:00", "02.01.2022 00:00:00"}
                                      << DateOrder::DayFirst << true << false << false << qint64(2) << qint64(0)
                                      << qint64(0);
    QTest::newRow("iso") << QByteArrayList{"2019-01-01T00:00:00Z", "2019-12-31 23:59:59"} << DateOrder::YearFirst
                         << false << false << false << qint64(2) << qint64(0) << qint64(0);
    QTest::newRow("iso and day first") << QByteArrayList{"2019-01-01 00:00", "31/12/2019 23:00"}
                                       << DateOrder::DayFirst << false << false << false << qint64(2) << qint64(0)
                                       << qint64(0);
    QTest::newRow("lost am/pm") << QByteArrayList{"1/13/2019 1:00", "1/14/2019 12:59", "1/15/2019 7:30"}
                                << DateOrder::MonthFirst << false << true << false << qint64(3) << qint64(0)
                                << qint64(0);
    QTest::newRow("am/pm") << QByteArrayList{"1/13/2019 1:00 PM", "1/14/2019 12:59 AM"} << DateOrder::MonthFirst
                           << false << false << true << qint64(2) << qint64(0) << qint64(0);
    QTest::newRow("contradiction") << QByteArrayList{"13/01/2019 1:00", "14/01/2019 2:00", "01/13/2019 3:00"}
                                   << DateOrder::DayFirst << false << true << false << qint64(3) << qint64(1)
                                   << qint64(1);
    QTest::newRow("tie goes month first") << QByteArrayList{"13/01/2019 0:00", "01/13/2019 0:00"}
                                          << DateOrder::MonthFirst << false << false << false << qint64(2)
                                          << qint64(1) << qint64(1);
    QTest::newRow("unparsable") << QByteArrayList{"", "garbage", "2/30/2019 1:00", "1/2/2019 25:00", "5/1/2019 0:00"}
                                << DateOrder::MonthFirst << true << false << false << qint64(4) << qint64(3)
                                << qint64(0);
    QTest::newRow("nothing readable") << QByteArrayList{"foo", " "} << DateOrder::Unknown << false << false << false
                                      << qint64(1) << qint64(1) << qint64(0);
    QTest::newRow("empty") << QByteArrayList{} << DateOrder::Unknown << false << false << false << qint64(0)
                           << qint64(0) << qint64(0);
    QTest::newRow("date only") << QByteArrayList{"31.12.2019", "01.01.2020"} << DateOrder::DayFirst << false
                               << false << false << qint64(2) << qint64(0) << qint64(0);
}

void TstTimestamp::detect()
{
    QFETCH(QByteArrayList, values);
    QFETCH(DateOrder, order);
    QFETCH(bool, ambiguous);
    QFETCH(bool, hoursOnly1To12);
    QFETCH(bool, hasAmPm);
    QFETCH(qint64, samples);
    QFETCH(qint64, unparsable);
    QFETCH(qint64, contradicting);
    const TimestampFormatGuess guess = detectAll(values);
    QCOMPARE(guess.order, order);
    QCOMPARE(guess.ambiguous, ambiguous);
    QCOMPARE(guess.hoursOnly1To12, hoursOnly1To12);
    QCOMPARE(guess.hasAmPm, hasAmPm);
    QCOMPARE(guess.samples, samples);
    QCOMPARE(guess.unparsable, unparsable);
    QCOMPARE(guess.contradicting, contradicting);
    QVERIFY(!guess.describe().isEmpty());
}

void TstTimestamp::patterns()
{
    const TimestampFormatGuess guess = detectAll({" 1/13/2019 1:00", "12/14/2019 12:59", "1/15/2019 7:30", "1/15/2019 7:30 pm"});
    QCOMPARE(guess.example, QStringLiteral("1/13/2019 1:00"));
    QCOMPARE(guess.patterns.size(), 3);
    QCOMPARE(guess.patterns.value(QStringLiteral("9/99/9999 9:99")), qint64(2));
    QCOMPARE(guess.patterns.value(QStringLiteral("99/99/9999 99:99")), qint64(1));
    QCOMPARE(guess.patterns.value(QStringLiteral("9/99/9999 9:99 AM/PM")), qint64(1));
}

void TstTimestamp::describe_data()
{
    QTest::addColumn<QByteArrayList>("values");
    QTest::addColumn<QStringList>("fragments");
    QTest::newRow("month first") << QByteArrayList{"1/13/2019 1:00:05"}
                                 << QStringList{QStringLiteral("M/DD/YYYY H:MM:SS (month first")};
    QTest::newRow("day first") << QByteArrayList{"13.01.2019 14:00"}
                               << QStringList{QStringLiteral("DD.MM.YYYY HH:MM (day first")};
    QTest::newRow("iso") << QByteArrayList{"2019-01-01T00:00:00.123Z"}
                         << QStringList{QStringLiteral("YYYY-MM-DDTHH:MM:SS.fffZ (year first")};
    QTest::newRow("offset") << QByteArrayList{"2019-01-01 10:00+02:00"}
                            << QStringList{QStringLiteral("YYYY-MM-DD HH:MM+hh:mm")};
    QTest::newRow("am/pm") << QByteArrayList{"1/13/2019 1:00 PM"} << QStringList{QStringLiteral("M/DD/YYYY H:MM AM/PM")};
    QTest::newRow("ambiguous") << QByteArrayList{"1/2/2019 13:00"}
                               << QStringList{QStringLiteral("ambiguous"), QStringLiteral("month first")};
    QTest::newRow("lost am/pm") << QByteArrayList{"1/13/2019 1:00"} << QStringList{QStringLiteral("AM/PM")};
    QTest::newRow("contradiction") << QByteArrayList{"13/01/2019 1:00", "14/01/2019 1:00", "01/13/2019 1:00"}
                                   << QStringList{QStringLiteral("contradictory"), QStringLiteral("1 of 3")};
    QTest::newRow("unreadable") << QByteArrayList{"soon"} << QStringList{QStringLiteral("\"soon\"")};
    QTest::newRow("nothing") << QByteArrayList{} << QStringList{QStringLiteral("no timestamps")};
}

void TstTimestamp::describe()
{
    QFETCH(QByteArrayList, values);
    QFETCH(QStringList, fragments);
    const QString text = detectAll(values).describe();
    for (const QString &fragment : fragments) {
        if (!text.contains(fragment))
            QFAIL(qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(text, fragment)));
    }
}

QTEST_APPLESS_MAIN(TstTimestamp)
#include "tst_timestamp.moc"
