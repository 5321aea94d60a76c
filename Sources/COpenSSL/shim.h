#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
/* CloudFrontSigning: d2i_PUBKEY, RSA/ECDSA keys, the error queue. */
#include <openssl/x509.h>
#include <openssl/err.h>
#endif
