// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/TableWriters.h"

namespace cpm {

namespace {

bool isNumeric(ValueKind kind)
{
    return kind != ValueKind::Text && kind != ValueKind::Timestamp;
}

// A store or product name such as "=HYPERLINK(...)" would run as a formula when the CSV is
// opened in a spreadsheet; a leading apostrophe makes it inert text (OWASP's advice).
QString guarded(const QString &text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        return QLatin1Char('\'') + text;
    return text;
}

} // namespace

QString csvField(const QString &text, QChar delimiter)
{
    const bool needsQuotes = text.contains(delimiter) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString toCsv(const MetricTable &table, const CsvOptions &options)
{
    QString out;
    QStringList fields;
    for (const MetricColumn &column : table.columns)
        fields << csvField(options.humanHeaders ? column.header : column.key, options.delimiter);
    out += fields.join(options.delimiter) + QStringLiteral("\r\n");
    for (const QVariantList &row : table.rows) {
        fields.clear();
        for (int i = 0; i < table.columns.size(); ++i) {
            const ValueKind kind = table.columns[i].kind;
            QString text = exportText(row.value(i), kind);
            if (kind == ValueKind::Text && options.guardFormulas)
                text = guarded(text);
            fields << csvField(text, options.delimiter);
        }
        out += fields.join(options.delimiter) + QStringLiteral("\r\n");
    }
    return out;
}

QString toTextTable(const MetricTable &table)
{
    QVector<QStringList> cells;
    QVector<int> widths;
    QStringList header;
    for (const MetricColumn &column : table.columns) {
        header << column.header;
        widths << column.header.size();
    }
    for (const QVariantList &row : table.rows) {
        QStringList line;
        for (int i = 0; i < table.columns.size(); ++i) {
            line << displayText(row.value(i), table.columns[i].kind);
            widths[i] = std::max(widths[i], int(line.back().size()));
        }
        cells << line;
    }
    auto render = [&](const QStringList &line) {
        QStringList padded;
        for (int i = 0; i < line.size(); ++i) {
            const bool right = isNumeric(table.columns[i].kind);
            padded << (right ? line[i].rightJustified(widths[i]) : line[i].leftJustified(widths[i]));
        }
        QString text = padded.join(QStringLiteral("  "));
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1); // keep the leading padding that right-aligns numbers
        return text + QLatin1Char('\n');
    };
    QString out = table.title + QLatin1Char('\n') + render(header);
    for (const QStringList &line : cells)
        out += render(line);
    if (table.rows.isEmpty())
        out += QStringLiteral("(no matching transactions)\n");
    for (const QString &note : table.notes)
        out += QStringLiteral("note: ") + note + QLatin1Char('\n');
    return out;
}

} // namespace cpm
