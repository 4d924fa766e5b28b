// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtEndian>
#include <QtGlobal>

#include <cstring>
#include <string>
#include <vector>

namespace cpm::columnar::codec {

/**
 * Checksum of the persisted snapshot: FNV-1a taken over 64-bit words instead of bytes, so it
 * runs at memory speed (one multiply per 8 bytes). Every change confined to one word is
 * always detected (xor then multiply by an odd number is a bijection); it guards against
 * damage, not against tampering.
 */
quint64 checksum(const char *data, std::size_t size);

/** Appends little-endian integers, LEB128 varints and length-prefixed strings. */
class Writer
{
public:
    void raw(const void *data, std::size_t size) { m_out.append(static_cast<const char *>(data), size); }
    void u8(quint8 v) { m_out.push_back(char(v)); }
    void u64(quint64 v);
    void varint(quint64 v);
    void svarint(qint64 v) { varint((quint64(v) << 1) ^ quint64(v >> 63)); } // zigzag: small |v|, few bytes
    void f64(double v) { quint64 bits; std::memcpy(&bits, &v, sizeof bits); u64(bits); }
    void bytes(const char *data, std::size_t size) { varint(size); raw(data, size); }
    void bytes(const QByteArray &b) { bytes(b.constData(), std::size_t(b.size())); }

    const std::string &data() const { return m_out; }
    std::string &data() { return m_out; }

private:
    std::string m_out;
};

/**
 * Reads what Writer wrote. Never reads past the end: a short or damaged input makes ok()
 * false and every later read return zero, so decoding garbage cannot crash.
 */
class Reader
{
public:
    Reader(const char *data, std::size_t size) : m_p(data), m_end(data + size) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    std::size_t left() const { return std::size_t(m_end - m_p); }
    const char *take(std::size_t size);
    quint8 u8() { const char *p = take(1); return p ? quint8(*p) : 0; }
    int peek() const { return m_ok && m_p != m_end ? quint8(*m_p) : -1; }
    quint64 u64();
    quint64 varint();
    qint64 svarint() { const quint64 z = varint(); return qint64(z >> 1) ^ -qint64(z & 1); }
    double f64() { const quint64 bits = u64(); double v; std::memcpy(&v, &bits, sizeof v); return v; }
    QByteArray bytes();
    /** A count that must not exceed @p limit (else the input is damaged). */
    std::size_t count(std::size_t limit);
    void fail() { m_ok = false; m_p = m_end; }
    /** The next length-prefixed block as a reader of its own (to decode it on another thread). */
    Reader block()
    {
        const std::size_t size = count(left());
        const char *p = take(size);
        Reader inner(p ? p : m_end, p ? size : 0);
        if (!p)
            inner.fail();
        return inner;
    }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

/**
 * An integer column, stored the cheapest of three ways (measured before writing):
 * bit-packed offsets from the minimum (dictionary indices), zigzag varint deltas from the
 * previous value (sorted times, ids that grow with time) or plain zigzag varints (lags).
 * All arithmetic wraps modulo 2^64, so any value (even kNoTime) survives exactly.
 */
void writeInts(Writer &out, const std::vector<qint64> &values);
bool readInts(Reader &in, std::size_t n, std::vector<qint64> *values);

/** Convenience for narrower columns: widens, writes; reads, checks the range, narrows. */
template<typename T>
void writeColumn(Writer &out, const std::vector<T> &column)
{
    writeInts(out, std::vector<qint64>(column.begin(), column.end()));
}

/** The Packed mode's tag: readColumn decodes it straight into the narrow column. */
constexpr quint8 kPackedMode = 0;

/** Bit-packed values straight into @p column: no 8-byte-per-row temporary to fill and free. */
template<typename T>
bool readPackedColumn(Reader &in, std::size_t n, qint64 lo, qint64 hi, std::vector<T> *column)
{
    const qint64 base = qint64(in.u64());
    const int width = in.u8();
    if (!in.ok() || width > 64 || base < lo || base > hi)
        return in.fail(), false;
    const std::size_t words = (n * std::size_t(width) + 63) / 64;
    const char *p = width == 0 ? "" : (words <= in.left() / 8 ? in.take(words * 8) : nullptr);
    if (!p)
        return in.fail(), false;
    const quint64 mask = width == 64 ? ~quint64(0) : (quint64(1) << width) - 1, top = quint64(hi) - quint64(base);
    column->resize(n);
    T *out = column->data();
    for (std::size_t i = 0; i < n; ++i) {
        quint64 v = 0;
        if (width > 0) {
            const std::size_t bit = i * std::size_t(width);
            const int shift = int(bit % 64);
            v = qFromLittleEndian<quint64>(p + bit / 64 * 8) >> shift;
            if (shift + width > 64)
                v |= qFromLittleEndian<quint64>(p + (bit / 64 + 1) * 8) << (64 - shift);
            v &= mask;
        }
        if (v > top)
            return in.fail(), false;
        out[i] = T(qint64(quint64(base) + v));
    }
    return true;
}

template<typename T>
bool readColumn(Reader &in, std::size_t n, qint64 lo, qint64 hi, std::vector<T> *column)
{
    if (in.peek() == kPackedMode && hi >= lo) {
        in.u8();
        return readPackedColumn(in, n, lo, hi, column);
    }
    std::vector<qint64> wide;
    if (!readInts(in, n, &wide))
        return false;
    column->resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (wide[i] < lo || wide[i] > hi)
            return in.fail(), false;
        (*column)[i] = T(wide[i]);
    }
    return true;
}

} // namespace cpm::columnar::codec
