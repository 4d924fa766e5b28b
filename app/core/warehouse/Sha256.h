// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <memory>

namespace cpm {

/**
 * SHA-256 of the extract files (the re-import check). Uses OpenSSL's libcrypto when the
 * build found it: its vectorised code hashes about 2.5× faster than QCryptographicHash,
 * which matters because a 10M-row extract is 1.3 GB. Falls back to Qt otherwise.
 */
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(const char *data, qsizetype size);
    /** Lower-case hex digest; the hash cannot be extended afterwards. */
    QByteArray hex();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace cpm
