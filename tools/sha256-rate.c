/* The C reference for step03's mining rate: how many SHA-256 hashes of short messages (like the proof of
 * work's "100" followed by a proof, 8 bytes here) one core computes with OpenSSL's libcrypto.
 * It uses the low-level SHA256_Init/Update/Final: the one-shot SHA256() of OpenSSL 3 looks the algorithm up
 * again on every call and measures that look-up rather than the hash.
 *
 *   gcc -O2 -Wno-deprecated-declarations -o /tmp/sha256-rate tools/sha256-rate.c -lcrypto && /tmp/sha256-rate
 */
#include <openssl/sha.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(void) {
    unsigned char digest[SHA256_DIGEST_LENGTH], message[] = "10000000", seen = 0;
    long count = 50000000;
    SHA256_CTX context;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < count; i++) {
        message[7] = '0' + i % 10;            /* a different message each time, as a miner's guesses are */
        message[6] = '0' + (i / 10) % 10;
        SHA256_Init(&context);
        SHA256_Update(&context, message, 8);
        SHA256_Final(digest, &context);
        seen ^= digest[0];
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("one core, C libcrypto: %.2f Mhash/s (%ld hashes in %.2f s, checksum %d)\n",
           count / seconds / 1e6, count, seconds, seen);
    return 0;
}
