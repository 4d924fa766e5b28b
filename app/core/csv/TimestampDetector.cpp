// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/TimestampDetector.h"

#include "csv/TimestampFields.h"
#include "csv/ValueNormalizer.h"

#include <QStringList>

namespace cpm {

namespace {

using TimestampFields::Fields;

// A free-text column could otherwise grow the pattern map without bound.
constexpr int kMaxPatterns = 32;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/** The value with every digit replaced by 9 and AM/PM spelled "AM/PM", so rows group by shape. */
QString shapeOf(QByteArrayView value, bool hasMeridiem)
{
    QByteArray shape(value.size(), '9');
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (!isDigit(value[i]))
            shape[i] = value[i];
    }
    if (hasMeridiem) {
        const qsizetype at = shape.toUpper().lastIndexOf('M') - 1;
        if (at >= 0)
            shape.replace(at, 2, "AM/PM");
    }
    return QString::fromUtf8(shape);
}

/** Names for the date runs of a shape: a 4-digit first run is always the ISO year. */
QString dateRunName(int run, DateOrder order, bool yearFirst)
{
    static const char *const names[3][3] = {{"Y", "M", "D"}, {"D", "M", "Y"}, {"M", "D", "Y"}};
    const int row = yearFirst ? 0 : order == DateOrder::DayFirst ? 1 : 2;
    return QLatin1String(names[row][run]);
}

/** Tracks which clock field the next digit run is, from the character in front of it. */
struct ClockRuns
{
    bool seconds = false;
    bool offset = false;

    QString next(int run, QChar before)
    {
        if (run == 3)
            return QStringLiteral("H");
        if (run == 4)
            return QStringLiteral("M");
        if (before == QLatin1Char('.') || before == QLatin1Char(','))
            return QStringLiteral("f");
        if (before == QLatin1Char('+') || before == QLatin1Char('-') || (!offset && seconds)) {
            offset = true;
            return QStringLiteral("h");
        }
        if (offset)
            return QStringLiteral("m");
        seconds = true;
        return QStringLiteral("S");
    }
};

/** "9/99/9999 99:99" read as month-first becomes "M/DD/YYYY HH:MM". */
QString humanPattern(const QString &shape, DateOrder order)
{
    const bool yearFirst = shape.startsWith(QLatin1String("9999"));
    ClockRuns clock;
    QString out;
    QString name;
    int run = -1;
    QChar before;
    for (const QChar c : shape) {
        if (c != QLatin1Char('9')) {
            out += c;
            before = c;
            name.clear();
            continue;
        }
        if (name.isEmpty()) {
            ++run;
            name = run < 3 ? dateRunName(run, order, yearFirst) : clock.next(run, before);
        }
        out += name;
    }
    return out;
}

QString orderName(DateOrder order)
{
    switch (order) {
    case DateOrder::MonthFirst:
        return QStringLiteral("month first");
    case DateOrder::DayFirst:
        return QStringLiteral("day first");
    case DateOrder::YearFirst:
        return QStringLiteral("year first (ISO)");
    case DateOrder::Unknown:
        break;
    }
    return QStringLiteral("unknown order");
}

QString dominantPattern(const QMap<QString, qint64> &patterns)
{
    QString best;
    qint64 count = -1;
    for (auto it = patterns.cbegin(); it != patterns.cend(); ++it) {
        if (it.value() > count) {
            best = it.key();
            count = it.value();
        }
    }
    return best;
}

/** Whether the date part is separated by dots: "16.10.2022 8:10". */
bool writtenWithDots(QByteArrayView value)
{
    for (const char c : value) {
        if (c < '0' || c > '9')
            return c == '.';
    }
    return false;
}

} // namespace

void TimestampDetector::add(QByteArrayView raw)
{
    const QByteArrayView value = ValueNormalizer::trimmed(raw);
    if (value.isEmpty())
        return;
    if (++m_guess.samples == 1)
        m_guess.example = QString::fromUtf8(value);
    Fields f;
    if (TimestampFields::scan(value.data(), value.data() + value.size(), &f) != TimestampFields::Scan::Ok
        || TimestampFields::secondsOfDay(f) < 0) {
        ++m_guess.unparsable;
        return;
    }
    const bool fitsMonthFirst = f.yearFirst ? TimestampFields::validDate(f.part[0], f.part[1], f.part[2])
                                            : TimestampFields::validDate(f.part[2], f.part[0], f.part[1]);
    const bool fitsDayFirst = !f.yearFirst && TimestampFields::validDate(f.part[2], f.part[1], f.part[0]);
    if (!fitsMonthFirst && !fitsDayFirst) {
        ++m_guess.unparsable;
        return;
    }
    // Only a value that fits exactly one order is evidence; "5/6/2019" fits both.
    if (f.yearFirst)
        m_yearFirst = true;
    else if (fitsDayFirst && !fitsMonthFirst)
        ++m_firstOver12;
    else if (fitsMonthFirst && !fitsDayFirst)
        ++m_secondOver12;
    else {
        ++m_undecided;
        m_undecidedDotted += writtenWithDots(value);
    }
    recordClock(f.hasTime, f.hour, f.meridiem != TimestampFields::Meridiem::None);
    const QString shape = shapeOf(value, f.meridiem != TimestampFields::Meridiem::None);
    if (m_guess.patterns.size() < kMaxPatterns || m_guess.patterns.contains(shape))
        ++m_guess.patterns[shape];
    else
        ++m_guess.patterns[QStringLiteral("(other)")];
}

void TimestampDetector::recordClock(bool hasTime, int hour, bool hasMeridiem)
{
    if (!hasTime)
        return;
    m_guess.hasAmPm = m_guess.hasAmPm || hasMeridiem;
    m_minHour = qMin(m_minHour, hour);
    m_maxHour = qMax(m_maxHour, hour);
}

TimestampFormatGuess TimestampDetector::result() const
{
    TimestampFormatGuess g = m_guess;
    if (m_firstOver12 > 0 && m_secondOver12 > 0) {
        // Rows disagree. Trust the majority (month first on a tie, the common default) and
        // count the other side as unparsable: those rows cannot be read with one order.
        g.contradicting = qMin(m_firstOver12, m_secondOver12);
        g.unparsable += g.contradicting;
        g.order = m_firstOver12 > m_secondOver12 ? DateOrder::DayFirst : DateOrder::MonthFirst;
    } else if (m_firstOver12 > 0) {
        g.order = DateOrder::DayFirst;
    } else if (m_secondOver12 > 0) {
        g.order = DateOrder::MonthFirst;
    } else if (m_undecided > 0) {
        // No value tells the order. Dots are the day-first convention (16.10.2022: Germany,
        // Poland, Russia, ...; no locale writes M.D.Y), slashes most often the US month-first
        // one. Either way the import says it assumed, and the order can be overridden.
        g.order = 2 * m_undecidedDotted > m_undecided ? DateOrder::DayFirst : DateOrder::MonthFirst;
        g.ambiguous = true;
    } else if (m_yearFirst) {
        g.order = DateOrder::YearFirst;
    }
    g.hoursOnly1To12 = !g.hasAmPm && m_maxHour >= 0 && m_minHour >= 1 && m_maxHour <= 12;
    return g;
}

QString TimestampFormatGuess::describe() const
{
    if (samples == 0)
        return QStringLiteral("no timestamps in the sample");
    if (order == DateOrder::Unknown)
        return QStringLiteral("no recognisable timestamps (%1 of %2 unreadable, e.g. \"%3\")")
            .arg(unparsable)
            .arg(samples)
            .arg(example);
    QStringList notes;
    if (ambiguous)
        notes << (order == DateOrder::DayFirst ? QStringLiteral("ambiguous: no day or month above 12, assumed day first (dots)")
                                               : QStringLiteral("ambiguous: no day or month above 12, assumed month first"));
    if (contradicting > 0)
        notes << QStringLiteral("contradictory: %1 value(s) only fit the other date order").arg(contradicting);
    if (hoursOnly1To12)
        notes << QStringLiteral("hours only 1-12 without AM/PM: AM/PM was probably lost");
    if (unparsable > 0)
        notes << QStringLiteral("%1 of %2 unreadable").arg(unparsable).arg(samples);
    QString text = humanPattern(dominantPattern(patterns), order) + QStringLiteral(" (") + orderName(order);
    for (const QString &note : notes)
        text += QStringLiteral("; ") + note;
    return text + QLatin1Char(')');
}

} // namespace cpm
