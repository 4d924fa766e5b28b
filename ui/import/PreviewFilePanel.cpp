// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/PreviewFilePanel.h"

#include "ImportPreviewModel.h"
#include "csv/TimestampParser.h"
#include "csv/ValueNormalizer.h"
#include "import/ImportSelection.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace cpm {

PreviewFilePanel::PreviewFilePanel(const FileInspection &inspection, ImportSelection *selection, QWidget *parent)
    : QWidget(parent), m_inspection(inspection), m_selection(selection), m_model(new ImportPreviewModel(this))
{
    setObjectName(QStringLiteral("previewPanel_") + roleName(inspection.role()));
    m_model->setInspection(inspection);
    setupUi();
}

void PreviewFilePanel::setupUi()
{
    auto *dialect = new QLabel(tr("Read as: %1 · %2 · about %3 rows")
                                   .arg(m_inspection.dialect.describe(),
                                        QLocale().formattedDataSize(m_inspection.fileSize),
                                        QLocale().toString(m_inspection.estimatedRows)),
                               this);
    dialect->setObjectName(QStringLiteral("dialectLabel"));

    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("previewTable"));
    table->setModel(m_model);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(dialect);
    layout->addWidget(table, 1);
    if (!m_inspection.timestampFormats.isEmpty())
        layout->addWidget(setupTimestamps());
    const DecimalMarkGuess &amounts = m_inspection.amountFormat;
    if (amounts.ambiguous || (amounts.settled && amounts.mark == DecimalMark::Comma))
        layout->addWidget(setupAmounts());
    if (!m_inspection.mapping.notes.isEmpty() || !m_inspection.mapping.ignoredColumns.isEmpty()) {
        QStringList notes = m_inspection.mapping.notes;
        if (!m_inspection.mapping.ignoredColumns.isEmpty())
            notes << tr("not loaded: %1").arg(m_inspection.mapping.ignoredColumns.join(QStringLiteral(", ")));
        auto *label = new QLabel(notes.join(QLatin1Char('\n')), this);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
}

QWidget *PreviewFilePanel::setupTimestamps()
{
    auto *box = new QGroupBox(tr("Timestamps"), this);
    auto *grid = new QGridLayout(box);
    grid->addWidget(new QLabel(tr("<b>Column</b>"), box), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Detected format</b>"), box), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Example → read as</b>"), box), 0, 2);
    grid->addWidget(new QLabel(tr("<b>Date order</b>"), box), 0, 3);
    int row = 1;
    for (auto it = m_inspection.timestampFormats.cbegin(); it != m_inspection.timestampFormats.cend(); ++it)
        addTimestampRow(grid, row++, it.key(), it.value());
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    return box;
}

void PreviewFilePanel::addTimestampRow(QGridLayout *grid, int row, const QString &column,
                                       const TimestampFormatGuess &guess)
{
    QWidget *box = grid->parentWidget();
    auto *format = new QLabel(guess.describe(), box);
    format->setWordWrap(true);
    auto *example = new QLabel(exampleText(column), box);
    example->setObjectName(QStringLiteral("example_") + column);
    grid->addWidget(new QLabel(column, box), row, 0, Qt::AlignTop);
    grid->addWidget(format, row, 1, Qt::AlignTop);
    grid->addWidget(example, row, 2, Qt::AlignTop);
    if (guess.ambiguous)
        grid->addWidget(makeOrderCombo(column, example), row, 3, Qt::AlignTop);
    else
        grid->addWidget(new QLabel(tr("as detected"), box), row, 3, Qt::AlignTop);
}

QComboBox *PreviewFilePanel::makeOrderCombo(const QString &column, QLabel *example)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(QStringLiteral("dateOrder_") + column);
    combo->addItem(tr("Month first (MM/DD)"), int(DateOrder::MonthFirst));
    combo->addItem(tr("Day first (DD/MM)"), int(DateOrder::DayFirst));
    combo->setToolTip(tr("No day or month in the sample is above 12, so the data cannot tell which comes first."));
    combo->setCurrentIndex(combo->findData(int(effectiveOrder(column))));
    const FileRole role = m_inspection.role();
    // Only a choice the user made becomes an override; untouched, the importer may still
    // correct its guess when a later row proves it wrong.
    connect(combo, QOverload<int>::of(&QComboBox::activated), this, [this, combo, column, example, role] {
        m_selection->setDateOrder(role, column, DateOrder(combo->currentData().toInt()));
        example->setText(exampleText(column));
    });
    return combo;
}

bool PreviewFilePanel::needsDecimalChoice() const
{
    const DecimalMarkGuess &amounts = m_inspection.amountFormat;
    return amounts.ambiguous && !amounts.settled && m_selection->decimalMark(m_inspection.role()) == DecimalMark::Auto;
}

QWidget *PreviewFilePanel::setupAmounts()
{
    auto *box = new QGroupBox(tr("Amounts"), this);
    auto *row = new QHBoxLayout(box);
    const DecimalMarkGuess &amounts = m_inspection.amountFormat;
    auto *label = new QLabel(box);
    label->setObjectName(QStringLiteral("decimalLabel"));
    label->setWordWrap(true);
    row->addWidget(label, 1);
    if (!amounts.ambiguous || amounts.settled) {
        label->setText(tr("The amounts use a decimal comma (e.g. %1): read as such, so 1.234,56 is 1234.56.")
                           .arg(amounts.example));
        return box;
    }
    label->setText(tr("The amounts can be read two ways: is '%1' a number with a decimal comma (%2) or with a "
                      "thousands separator (%3)? Nothing in the sample tells.")
                       .arg(amounts.example, exampleReading(DecimalMark::Comma), exampleReading(DecimalMark::Point)));
    row->addWidget(makeDecimalCombo());
    return box;
}

QString PreviewFilePanel::exampleReading(DecimalMark mark) const
{
    double value = 0;
    const QByteArray example = m_inspection.amountFormat.example.toUtf8();
    return ValueNormalizer::parseDecimal(example, mark, &value) ? QString::number(value, 'g', 15) : QStringLiteral("?");
}

QComboBox *PreviewFilePanel::makeDecimalCombo()
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(QStringLiteral("decimalMark"));
    combo->addItem(tr("Choose…"), int(DecimalMark::Auto));
    combo->addItem(tr("Decimal comma: 1,234 = 1.234"), int(DecimalMark::Comma));
    combo->addItem(tr("Thousands separator: 1,234 = 1234"), int(DecimalMark::Point));
    combo->setToolTip(tr("No amount in the sample has a separator only one reading allows, like 749,00 or 12.50."));
    combo->setCurrentIndex(combo->findData(int(m_selection->decimalMark(m_inspection.role()))));
    const FileRole role = m_inspection.role();
    connect(combo, QOverload<int>::of(&QComboBox::activated), this, [this, combo, role] {
        m_selection->setDecimalMark(role, DecimalMark(combo->currentData().toInt()));
        emit decimalChoiceChanged();
    });
    return combo;
}

DateOrder PreviewFilePanel::effectiveOrder(const QString &column) const
{
    const DateOrder chosen = m_selection->dateOrder(m_inspection.role(), column);
    if (chosen != DateOrder::Unknown)
        return chosen;
    const DateOrder detected = m_inspection.timestampFormats.value(column).order;
    // The importer's own default for an undecided column.
    return detected == DateOrder::Unknown ? DateOrder::MonthFirst : detected;
}

QString PreviewFilePanel::exampleText(const QString &column) const
{
    const QString example = m_inspection.timestampFormats.value(column).example;
    if (example.isEmpty())
        return tr("(no values)");
    qint64 seconds = 0;
    const QByteArray bytes = example.toUtf8();
    if (TimestampParser::parse(bytes, effectiveOrder(column), &seconds) != TimestampParser::Status::Ok)
        return tr("%1 → not readable").arg(example);
    return QStringLiteral("%1 → %2").arg(example, TimestampParser::toIso(seconds).replace(QLatin1Char('T'), QLatin1Char(' ')));
}

} // namespace cpm
