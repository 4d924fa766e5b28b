// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the timestamp parser in every date order and the per-column format detector.
// Whatever parses must survive a round trip through toIso(): the stored seconds and the
// text the reports print have to agree.
#include "csv/TimestampDetector.h"
#include "csv/TimestampParser.h"

#include <cstdint>
#include <cstdlib>

using namespace cpm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    TimestampDetector detector;
    for (const QByteArrayView line : QByteArray::fromRawData(input.data(), input.size()).split('\n')) {
        detector.add(line);
        for (const DateOrder order : {DateOrder::Unknown, DateOrder::MonthFirst, DateOrder::DayFirst, DateOrder::YearFirst}) {
            qint64 seconds = 0;
            if (TimestampParser::parse(line, order, &seconds) != TimestampParser::Status::Ok)
                continue;
            const QByteArray iso = TimestampParser::toIso(seconds).toLatin1();
            qint64 again = 0;
            if (TimestampParser::parse(iso, DateOrder::YearFirst, &again) != TimestampParser::Status::Ok || again != seconds)
                abort();
            int year = 0, month = 0, day = 0;
            const qint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
            TimestampParser::civilFromDays(days, &year, &month, &day);
            if (TimestampParser::daysFromCivil(year, month, day) != days)
                abort();
        }
    }
    const TimestampFormatGuess guess = detector.result();
    (void)guess.describe();
    if (guess.contradicting > guess.unparsable || guess.unparsable > guess.samples)
        abort();
    return 0;
}
