// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/CsvSniffer.h"

#include <array>
#include <vector>

namespace cpm {

namespace {

constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
constexpr int kSniffRecords = 100;
using Counts = std::array<int, kCandidates.size()>;

/** Drops a multi-byte sequence cut off by the end of the sample, so it is not judged invalid. */
QByteArrayView withoutCutSequence(QByteArrayView sample)
{
    const qsizetype size = sample.size();
    for (qsizetype i = size - 1; i >= 0 && i >= size - 4; --i) {
        const auto byte = static_cast<unsigned char>(sample[i]);
        if ((byte & 0xC0) == 0x80)
            continue; // continuation byte: keep looking for the lead byte
        const int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return size - i < length ? sample.first(i) : sample;
    }
    return sample;
}

/** Delimiter counts outside quotes, one entry per non-blank record. */
std::vector<Counts> countDelimiters(QByteArrayView sample, bool complete)
{
    std::vector<Counts> records;
    Counts current{};
    bool inQuotes = false;
    bool content = false;
    for (const char c : sample) {
        if (c == '"') {
            inQuotes = !inQuotes; // a doubled quote toggles twice: no net change, as wanted
            content = true;
        } else if (inQuotes) {
            continue;
        } else if (c == '\n') {
            if (content)
                records.push_back(current);
            if (int(records.size()) == kSniffRecords)
                return records;
            current = {};
            content = false;
        } else if (c != '\r') {
            content = true;
            for (size_t k = 0; k < kCandidates.size(); ++k)
                current[k] += c == kCandidates[k];
        }
    }
    // The last line of a cut sample may be a partial record whose counts would mislead.
    if (complete && content)
        records.push_back(current);
    return records;
}

/**
 * The candidate that appears in the header and whose count repeats in most records; ties go
 * to the one with more columns, then to the order comma, semicolon, tab.
 */
char chooseDelimiter(const std::vector<Counts> &records)
{
    char best = ',';
    int bestMatches = -1;
    int bestColumns = 0;
    if (records.empty())
        return best;
    for (size_t k = 0; k < kCandidates.size(); ++k) {
        const int header = records.front()[k];
        if (header == 0)
            continue;
        int matches = 0;
        for (size_t r = 1; r < records.size(); ++r)
            matches += records[r][k] == header;
        if (matches > bestMatches || (matches == bestMatches && header > bestColumns)) {
            best = kCandidates[k];
            bestMatches = matches;
            bestColumns = header;
        }
    }
    return best;
}

bool firstLineEndIsCrlf(QByteArrayView sample)
{
    const qsizetype lf = sample.indexOf('\n');
    return lf > 0 && sample[lf - 1] == '\r';
}

} // namespace

CsvDialect sniffDialect(QByteArrayView sample, bool complete)
{
    CsvDialect dialect;
    if (sample.startsWith(kUtf8Bom)) {
        dialect.encoding = TextEncoding::Utf8Bom;
        sample = sample.sliced(kUtf8Bom.size());
    } else if (!(complete ? sample : withoutCutSequence(sample)).isValidUtf8()) {
        dialect.encoding = TextEncoding::Windows1252;
    }
    dialect.crlf = firstLineEndIsCrlf(sample);
    dialect.delimiter = chooseDelimiter(countDelimiters(sample, complete));
    return dialect;
}

} // namespace cpm
