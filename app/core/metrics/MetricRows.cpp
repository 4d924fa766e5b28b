// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricRows.h"

namespace cpm {

QVariant MetricRows::cell(qsizetype row, int column) const
{
    if (row < 0 || row >= size())
        return QVariant();
    if (!m_source)
        return m_plain[row].value(column);
    if (column < 0 || column >= m_source->columnCount())
        return QVariant();
    return m_source->cell(row, column);
}

QVariantList MetricRows::row(qsizetype at) const
{
    if (at < 0 || at >= size())
        return QVariantList();
    if (!m_source)
        return m_plain[at];
    const int columns = m_source->columnCount();
    QVariantList out;
    out.reserve(columns);
    for (int c = 0; c < columns; ++c)
        out.append(m_source->cell(at, c));
    return out;
}

MetricRows MetricRows::mid(qsizetype pos, qsizetype length) const
{
    if (!m_source)
        return MetricRows(m_plain.mid(pos, length));
    const qsizetype begin = qBound(qsizetype(0), pos, size());
    const qsizetype end = length < 0 ? size() : qBound(begin, begin + length, size());
    QVector<QVariantList> out;
    out.reserve(end - begin);
    for (qsizetype r = begin; r < end; ++r)
        out.append(row(r));
    return MetricRows(std::move(out));
}

MetricRows &MetricRows::operator<<(const QVariantList &row)
{
    editable().append(row);
    return *this;
}

void MetricRows::resize(qsizetype size)
{
    editable().resize(size);
}

void MetricRows::clear()
{
    m_source.reset();
    m_plain.clear();
}

QVector<QVariantList> &MetricRows::editable()
{
    if (m_source) {
        QVector<QVariantList> plain;
        plain.reserve(size());
        for (qsizetype r = 0; r < size(); ++r)
            plain.append(row(r));
        m_source.reset();
        m_plain = std::move(plain);
    }
    return m_plain;
}

bool MetricRows::operator==(const MetricRows &other) const
{
    if (!m_source && !other.m_source)
        return m_plain == other.m_plain;
    if (size() != other.size())
        return false;
    for (qsizetype r = 0; r < size(); ++r) {
        if (row(r) != other.row(r))
            return false;
    }
    return true;
}

} // namespace cpm
