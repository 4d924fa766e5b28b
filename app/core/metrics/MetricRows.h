// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariantList>
#include <QVector>

#include <initializer_list>
#include <iterator>
#include <memory>

namespace cpm {

/**
 * Rows kept in typed columns (integers, indices into shared labels) that make a QVariant only
 * for the cell asked for. Immutable once handed to a MetricRows, so copies of a snapshot share
 * it across threads.
 */
class RowSource
{
public:
    virtual ~RowSource() = default;
    virtual qsizetype rowCount() const = 0;
    virtual int columnCount() const = 0;
    /** The cell at a valid (@p row, @p column). */
    virtual QVariant cell(qsizetype row, int column) const = 0;
};

/**
 * The rows of a MetricTable, read like a QVector<QVariantList>. Small and hand-made tables hold
 * QVariant rows; the per-store tables of metric 5 (100k rows at 10M transactions) hold a
 * RowSource instead, because making 100k QVariant rows was most of a filter change. Reading
 * never converts (rows and cells are made on demand); editing typed rows turns them into
 * QVariant rows first.
 */
class MetricRows
{
public:
    /** Yields each row by value (made on demand for typed rows). */
    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = QVariantList;
        using difference_type = qsizetype;
        using pointer = void;
        using reference = QVariantList;

        const_iterator(const MetricRows *rows, qsizetype at) : m_rows(rows), m_at(at) {}
        QVariantList operator*() const { return m_rows->row(m_at); }
        const_iterator &operator++() { ++m_at; return *this; }
        const_iterator operator++(int) { const_iterator before = *this; ++m_at; return before; }
        bool operator==(const const_iterator &other) const { return m_at == other.m_at; }
        bool operator!=(const const_iterator &other) const { return m_at != other.m_at; }

    private:
        const MetricRows *m_rows;
        qsizetype m_at;
    };

    MetricRows() = default;
    MetricRows(std::initializer_list<QVariantList> rows) : m_plain(rows) {}
    explicit MetricRows(QVector<QVariantList> rows) : m_plain(std::move(rows)) {}
    explicit MetricRows(std::shared_ptr<const RowSource> source) : m_source(std::move(source)) {}

    qsizetype size() const { return m_source ? m_source->rowCount() : m_plain.size(); }
    qsizetype count() const { return size(); }
    bool isEmpty() const { return size() == 0; }
    /** Whether the rows are kept in typed columns (see RowSource). */
    bool isTyped() const { return bool(m_source); }

    /** One cell; a null QVariant outside the table (like QVariantList::value). */
    QVariant cell(qsizetype row, int column) const;
    /** One row; empty outside the table. */
    QVariantList row(qsizetype row) const;
    QVariantList operator[](qsizetype at) const { return row(at); }
    QVariantList at(qsizetype at) const { return row(at); }
    QVariantList value(qsizetype at) const { return row(at); }
    QVariantList first() const { return row(0); }
    QVariantList last() const { return row(size() - 1); }
    /** Rows [@p pos, @p pos + @p length) as QVariant rows; @p length -1: to the end. */
    MetricRows mid(qsizetype pos, qsizetype length = -1) const;

    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, size()); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }

    MetricRows &operator<<(const QVariantList &row);
    void append(const QVariantList &row) { *this << row; }
    void resize(qsizetype size);
    void clear();
    /** The rows as a plain vector for in-place edits and sorting (typed rows are converted). */
    QVector<QVariantList> &editable();

    /** Same rows, cell by cell (QVariant equality), however each side keeps them. */
    bool operator==(const MetricRows &other) const;
    bool operator!=(const MetricRows &other) const { return !(*this == other); }

private:
    QVector<QVariantList> m_plain;
    std::shared_ptr<const RowSource> m_source; ///< when set, m_plain is empty
};

} // namespace cpm
