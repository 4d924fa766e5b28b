// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/ColumnarCodec.h"

#include <QtEndian>

#include <algorithm>

namespace cpm::columnar::codec {

namespace {

enum Mode : quint8 { Packed = 0, Delta = 1, Plain = 2, PackedDelta = 3 };

quint64 zigzag(quint64 v) { return (v << 1) ^ quint64(qint64(v) >> 63); }

std::size_t varintSize(quint64 v)
{
    std::size_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++n;
    }
    return n;
}

int bitWidth(quint64 range)
{
    int width = 0;
    while (width < 64 && (range >> width) != 0)
        ++width;
    return width;
}

void writePacked(Writer &out, const std::vector<qint64> &values, qint64 base, int width)
{
    out.u64(quint64(base));
    out.u8(quint8(width));
    if (width == 0)
        return;
    quint64 word = 0;
    int used = 0;
    for (const qint64 value : values) {
        const quint64 v = quint64(value) - quint64(base);
        word |= v << used;
        used += width;
        if (used >= 64) {
            out.u64(word);
            used -= 64;
            // The bits of v that did not fit start the next word.
            word = used == 0 ? 0 : v >> (width - used);
        }
    }
    if (used > 0)
        out.u64(word);
}

bool readPacked(Reader &in, std::size_t n, std::vector<qint64> *values)
{
    const quint64 base = in.u64();
    const int width = in.u8();
    if (!in.ok() || width > 64)
        return in.fail(), false;
    values->assign(n, qint64(base));
    if (width == 0)
        return true;
    const std::size_t words = (n * std::size_t(width) + 63) / 64;
    if (words > in.left() / 8)
        return in.fail(), false;
    const char *p = in.take(words * 8);
    const quint64 mask = width == 64 ? ~quint64(0) : (quint64(1) << width) - 1;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t bit = i * std::size_t(width);
        const std::size_t at = bit / 64;
        const int shift = int(bit % 64);
        quint64 v = qFromLittleEndian<quint64>(p + at * 8) >> shift;
        if (shift + width > 64)
            v |= qFromLittleEndian<quint64>(p + (at + 1) * 8) << (64 - shift);
        (*values)[i] = qint64(base + (v & mask));
    }
    return true;
}

} // namespace

quint64 checksum(const char *data, std::size_t size)
{
    constexpr quint64 prime = 0x100000001b3ULL;
    quint64 h = 0xcbf29ce484222325ULL;
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8)
        h = (h ^ qFromLittleEndian<quint64>(data + i)) * prime;
    for (; i < size; ++i)
        h = (h ^ quint8(data[i])) * prime;
    return (h ^ size) * prime; // a truncated tail of zero bytes still changes the sum
}

void Writer::u64(quint64 v)
{
    char b[8];
    qToLittleEndian(v, b);
    raw(b, 8);
}

void Writer::varint(quint64 v)
{
    while (v >= 0x80) {
        u8(quint8(v | 0x80));
        v >>= 7;
    }
    u8(quint8(v));
}

const char *Reader::take(std::size_t size)
{
    if (!m_ok || size > left()) {
        fail();
        return nullptr;
    }
    const char *p = m_p;
    m_p += size;
    return p;
}

quint64 Reader::u64()
{
    const char *p = take(8);
    return p ? qFromLittleEndian<quint64>(p) : 0;
}

quint64 Reader::varint()
{
    quint64 v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        const char *p = take(1);
        if (!p)
            return 0;
        v |= quint64(quint8(*p) & 0x7f) << shift;
        if ((quint8(*p) & 0x80) == 0)
            return v;
    }
    fail();
    return 0;
}

QByteArray Reader::bytes()
{
    const std::size_t size = count(left());
    const char *p = take(size);
    return p ? QByteArray(p, qsizetype(size)) : QByteArray();
}

std::size_t Reader::count(std::size_t limit)
{
    const quint64 n = varint();
    if (n > limit)
        fail();
    return m_ok ? std::size_t(n) : 0;
}

void writeInts(Writer &out, const std::vector<qint64> &values)
{
    qint64 lo = values.empty() ? 0 : values.front(), hi = lo;
    std::size_t deltaBytes = 0, plainBytes = 0;
    quint64 previous = 0;
    for (const qint64 v : values) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        deltaBytes += varintSize(zigzag(quint64(v) - previous));
        plainBytes += varintSize(zigzag(quint64(v)));
        previous = quint64(v);
    }
    const int width = bitWidth(quint64(hi) - quint64(lo));
    const std::size_t packedBytes = (values.size() * std::size_t(width) + 63) / 64 * 8;
    // Sorted times: their deltas bit-packed beat varints (a few bits each at 10M rows).
    std::vector<qint64> deltas(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        deltas[i] = qint64(quint64(values[i]) - (i ? quint64(values[i - 1]) : 0));
    const auto [dlo, dhi] = deltas.size() > 1 ? std::minmax_element(deltas.begin() + 1, deltas.end())
                                              : std::make_pair(deltas.begin(), deltas.begin());
    const int deltaWidth = deltas.size() > 1 ? bitWidth(quint64(*dhi) - quint64(*dlo)) : 64;
    const std::size_t packedDeltaBytes = 9 + (values.size() * std::size_t(deltaWidth) + 63) / 64 * 8;
    if (packedDeltaBytes < std::min({packedBytes, deltaBytes, plainBytes})) {
        out.u8(PackedDelta);
        out.u64(quint64(values.front()));
        deltas.erase(deltas.begin());
        writePacked(out, deltas, *std::min_element(deltas.begin(), deltas.end()), deltaWidth);
        return;
    }
    deltas = {};
    if (packedBytes <= deltaBytes && packedBytes <= plainBytes) {
        out.u8(Packed);
        writePacked(out, values, lo, width);
        return;
    }
    const bool delta = deltaBytes < plainBytes;
    out.u8(delta ? Delta : Plain);
    previous = 0;
    for (const qint64 v : values) {
        out.varint(zigzag(quint64(v) - (delta ? previous : 0)));
        previous = quint64(v);
    }
}

bool readInts(Reader &in, std::size_t n, std::vector<qint64> *values)
{
    const quint8 mode = in.u8();
    if (mode == Packed)
        return readPacked(in, n, values);
    if (mode == PackedDelta) {
        const quint64 first = in.u64();
        if (n < 2 || !readPacked(in, n - 1, values))
            return in.fail(), false;
        values->insert(values->begin(), qint64(first));
        for (std::size_t i = 1; i < n; ++i)
            (*values)[i] = qint64(quint64((*values)[i]) + quint64((*values)[i - 1]));
        return true;
    }
    if (mode != Delta && mode != Plain)
        return in.fail(), false;
    values->resize(n);
    quint64 previous = 0;
    for (std::size_t i = 0; i < n && in.ok(); ++i) {
        const quint64 z = in.varint();
        const quint64 v = (z >> 1) ^ (~(z & 1) + 1); // undo the zigzag
        previous = (mode == Delta ? previous : 0) + v;
        (*values)[i] = qint64(previous);
    }
    return in.ok();
}

} // namespace cpm::columnar::codec
