// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>
#include <QString>

#include <vector>

namespace cpm {

/**
 * The one thing import needs from styles.xml: which cell styles (the s="N" of a cell, an
 * index into cellXfs) show their number as a date or time, so that serial becomes a timestamp.
 */
class XlsxStyles
{
public:
    /** Reads styles.xml from @p device; false with errorString() on malformed XML. */
    bool read(QIODevice *device);
    const QString &errorString() const { return m_error; }

    /** Whether cell style @p index has a date or time number format (false when unknown). */
    bool isDateStyle(int index) const { return index >= 0 && std::size_t(index) < m_dateStyles.size() && m_dateStyles[index]; }

    /**
     * Whether a number format is a date or time: the built-in ids 14–22 and 45–47 (and the
     * East Asian date ids 27–36, 50–58), or a custom @p code with d, m, y, h or s outside
     * quoted text, [brackets] (colours, conditions, locales) and escaped characters.
     */
    static bool isDateFormat(int numFmtId, const QString &code);

private:
    std::vector<bool> m_dateStyles;
    QString m_error;
};

} // namespace cpm
