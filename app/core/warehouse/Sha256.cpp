// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/Sha256.h"

#ifdef CPM_HAVE_OPENSSL
#include <openssl/evp.h>
#else
#include <QCryptographicHash>
#endif

namespace cpm {

#ifdef CPM_HAVE_OPENSSL
struct Sha256::State
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    ~State() { EVP_MD_CTX_free(context); }
};

Sha256::Sha256() : m_state(std::make_unique<State>())
{
    EVP_DigestInit_ex(m_state->context, EVP_sha256(), nullptr);
}

void Sha256::add(const char *data, qsizetype size)
{
    EVP_DigestUpdate(m_state->context, data, std::size_t(size));
}

QByteArray Sha256::hex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_state->context, digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), qsizetype(length)).toHex();
}
#else
struct Sha256::State
{
    QCryptographicHash hash{QCryptographicHash::Sha256};
};

Sha256::Sha256() : m_state(std::make_unique<State>()) {}

void Sha256::add(const char *data, qsizetype size)
{
    m_state->hash.addData(QByteArrayView(data, size));
}

QByteArray Sha256::hex()
{
    return m_state->hash.result().toHex();
}
#endif

Sha256::~Sha256() = default;

} // namespace cpm
