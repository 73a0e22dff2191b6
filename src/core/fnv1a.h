/* fnv1a: the 64-bit FNV-1a hash, for hash tables and change signatures
 * (the text cache's keys, the MIDI port list's signature). Fast and
 * well spread for short keys; not for anything an attacker chooses. */
#ifndef SOUNDBOARD_FNV1A_H
#define SOUNDBOARD_FNV1A_H

#include <stddef.h>
#include <stdint.h>

/* The offset basis: the hash of nothing, and where a new hash starts. */
#define FNV1A_INIT 14695981039346656037ULL

/* Hashes the n bytes at data, continuing from h (FNV1A_INIT to start), so
 * that several pieces hash as if they were one run of bytes. */
uint64_t fnv1a(uint64_t h, const void *data, size_t n);
/* The same over the bytes of the NUL-terminated s, without the NUL. */
uint64_t fnv1a_str(uint64_t h, const char *s);

#endif
