/* The C reference for the mining rate: how many SHA-256 hashes of short messages one core computes with OpenSSL's
 * libcrypto: 8 bytes by default (like the text's "100" followed by a proof), or the length given, such as 40 (the
 * header's digest and an 8-byte proof, from step 13 on). Up to 55 bytes, a message is one SHA-256 block.
 * It uses the low-level SHA256_Init/Update/Final: the one-shot SHA256() of OpenSSL 3 looks the algorithm up
 * again on every call and measures that look-up rather than the hash.
 *
 *   gcc -O2 -Wno-deprecated-declarations -o /tmp/sha256-rate tools/sha256-rate.c -lcrypto && /tmp/sha256-rate [40]
 */
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
    unsigned char digest[SHA256_DIGEST_LENGTH], message[64], seen = 0;
    long length = argc > 1 ? atol(argv[1]) : 8;
    if (length < 2 || length > 64) {
        fprintf(stderr, "the message length is 2 to 64 bytes, not %s\n", argv[1]);
        return 2;
    }
    memset(message, '1', sizeof message);
    long count = 50000000;
    SHA256_CTX context;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < count; i++) {
        message[length - 1] = '0' + i % 10;   /* a different message each time, as a miner's guesses are */
        message[length - 2] = '0' + (i / 10) % 10;
        SHA256_Init(&context);
        SHA256_Update(&context, message, length);
        SHA256_Final(digest, &context);
        seen ^= digest[0];
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("one core, C libcrypto: %.2f Mhash/s (%ld hashes of %ld bytes in %.2f s, checksum %d)\n",
           count / seconds / 1e6, count, length, seconds, seen);
    return 0;
}
