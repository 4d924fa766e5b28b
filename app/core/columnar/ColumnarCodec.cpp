// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/ColumnarCodec.h"

#include <QtEndian>

#include <algorithm>

namespace cpm::columnar::codec {

using namespace detail;

namespace {

bool readPacked(Reader &in, std::size_t n, std::vector<qint64> *values)
{
    const quint64 base = in.u64();
    const int width = in.u8();
    if (!in.ok() || width > 64)
        return in.fail(), false;
    reserveHugePages(*values, n);
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

namespace {
constexpr quint64 kChecksumPrime = 0x100000001b3ULL;
}

void Checksum::add(const char *data, std::size_t size)
{
    m_size += size;
    if (m_carried > 0) {
        const std::size_t take = std::min(size, 8 - m_carried);
        std::memcpy(m_carry + m_carried, data, take);
        m_carried += take;
        data += take;
        size -= take;
        if (m_carried < 8)
            return;
        m_hash = (m_hash ^ qFromLittleEndian<quint64>(m_carry)) * kChecksumPrime;
        m_carried = 0;
    }
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8)
        m_hash = (m_hash ^ qFromLittleEndian<quint64>(data + i)) * kChecksumPrime;
    m_carried = size - i;
    std::memcpy(m_carry, data + i, m_carried);
}

quint64 Checksum::value() const
{
    quint64 h = m_hash;
    for (std::size_t i = 0; i < m_carried; ++i)
        h = (h ^ quint8(m_carry[i])) * kChecksumPrime;
    return (h ^ m_size) * kChecksumPrime; // a truncated tail of zero bytes still changes the sum
}

quint64 checksum(const char *data, std::size_t size)
{
    Checksum sum;
    sum.add(data, size);
    return sum.value();
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
    reserveHugePages(*values, n);
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
