// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <vector>

class QXmlStreamReader;

namespace cpm {

/**
 * The workbook's shared string table (sharedStrings.xml), streamed in and kept as UTF-8,
 * the form every cell that points into it is handed on in; plain and rich-text items alike.
 */
class XlsxSharedStrings
{
public:
    /** Reads the table from @p device; false with errorString() on malformed XML. */
    bool read(QIODevice *device);
    const QString &errorString() const { return m_error; }

    qsizetype size() const { return qsizetype(m_strings.size()); }
    /** Item @p index (shares its bytes: no copy), or null when out of range. */
    QByteArray at(qint64 index) const
    {
        return index >= 0 && std::size_t(index) < m_strings.size() ? m_strings[std::size_t(index)] : QByteArray();
    }

    /**
     * Reads a string item from @p xml, positioned on its start element (<si> or a cell's
     * <is>), to its end: the <t> text, or every run's <t> joined for rich text, leaving out
     * phonetic (<rPh>) runs; "_x000D_"-style escapes decoded.
     */
    static QString readItem(QXmlStreamReader &xml);

private:
    std::vector<QByteArray> m_strings;
    QString m_error;
};

} // namespace cpm
