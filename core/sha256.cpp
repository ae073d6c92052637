// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sha256.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace Tillbridge::Core {

namespace {
const EVP_MD *sha256Algorithm()
{
    // Fetched once: looking the algorithm up by name on every call would cost more than hashing a small message.
    static const EVP_MD *const algorithm = [] {
        EVP_MD *fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        if (!fetched)
            std::abort(); // libcrypto without SHA-256 is a broken installation; no digest can be trusted
        return fetched;
    }();
    return algorithm;
}

[[noreturn]] void digestFailed()
{
    // EVP digest calls fail only on allocation failure or a broken provider. A wrong or empty hash would let a changed
    // order pass as unchanged or break the audit chain silently, so there is no result to return.
    std::abort();
}
} // namespace

struct Sha256::Context
{
    EVP_MD_CTX *ctx = nullptr;
};

Sha256::Sha256()
    : m_context(new Context)
{
    m_context->ctx = EVP_MD_CTX_new();
    if (!m_context->ctx || EVP_DigestInit_ex(m_context->ctx, sha256Algorithm(), nullptr) != 1)
        digestFailed();
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context->ctx);
    delete m_context;
}

void Sha256::addData(QByteArrayView data)
{
    if (!data.isEmpty() && EVP_DigestUpdate(m_context->ctx, data.data(), size_t(data.size())) != 1)
        digestFailed();
}

QByteArray Sha256::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_context->ctx, reinterpret_cast<unsigned char *>(digest.data()), &length) != 1
        || EVP_DigestInit_ex(m_context->ctx, sha256Algorithm(), nullptr) != 1)
        digestFailed();
    digest.resize(qsizetype(length));
    return digest;
}

QByteArray Sha256::hash(QByteArrayView data)
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(digest.data()), &length,
                   sha256Algorithm(), nullptr)
        != 1)
        digestFailed();
    digest.resize(qsizetype(length));
    return digest;
}

QByteArray Sha256::hexHash(QByteArrayView data)
{
    return hash(data).toHex();
}

} // namespace Tillbridge::Core
