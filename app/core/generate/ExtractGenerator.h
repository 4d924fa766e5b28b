// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QString>

#include <functional>

namespace cpm {

/**
 * The shape of the data. Standard: a few hundred products, card numbers in spaced groups.
 * Wide: the high-cardinality shape other exports have (one product per 20 transactions, so
 * 50,000 distinct names and SKUs at 1M; long names with quotes and commas; card numbers also
 * dashed), to check that speed does not depend on our own generator's friendly data.
 */
enum class GeneratorProfile { Standard, Wide };

/** What to generate; the same options and seed always give byte-identical files. */
struct GeneratorOptions
{
    qint64 transactions = 1000;
    int stores = 0;          ///< 0: derived from transactions (at least 20)
    int devices = 0;         ///< 0: about two per store
    quint64 seed = 20221001;
    bool cardData = true;    ///< add card_number and cvv columns, like real extracts do
    qint64 firstId = 1;      ///< the first transaction id (a later extract continues the ids)
    GeneratorProfile profile = GeneratorProfile::Standard;
};

/**
 * Writes deterministic synthetic stores.csv, devices.csv and transactions.csv with the real
 * extracts' schema and quirks (UTF-8 BOM, CRLF, RFC 4180 quoting of commas, MM/DD/YYYY
 * H:MM:SS timestamps, SKUs with a 'v' prefix, card numbers in spaced groups, CVVs, a few
 * stores without devices). Streams to disk: memory does not grow with the row count.
 */
class ExtractGenerator
{
public:
    /** Progress: (rows written, rows total); return false to cancel (files are removed). */
    using Progress = std::function<bool(qint64, qint64)>;

    bool write(const QString &directory, const GeneratorOptions &options, const Progress &progress = {});
    const Error &error() const { return m_error; }

private:
    Error m_error;
};

} // namespace cpm
