/* SPDX-License-Identifier: MIT */
/* pcap_io.h — reading and writing Ethernet pcap files with libpcap, with one-line error messages
 * that name the file and the frame (numbered from 1, as Wireshark does). */
#ifndef TONIC_PCAP_IO_H
#define TONIC_PCAP_IO_H

#include <stddef.h>
#include <stdint.h>

struct tpcap_frame {
    uint8_t *data;
    uint32_t len;
};

struct tpcap_frames {
    struct tpcap_frame *f;
    size_t n;
};

/* Reads every frame; refuses non-Ethernet link types, frames cut short by the capture (caplen <
 * len) and damaged files. 0, or -1 with a message in err. */
int tpcap_read_all(const char *path, struct tpcap_frames *out, char *err, size_t errlen);
void tpcap_frames_free(struct tpcap_frames *fr);

struct tpcap_writer;
int tpcap_writer_open(const char *path, struct tpcap_writer **w, char *err, size_t errlen);
int tpcap_write(struct tpcap_writer *w, const void *data, uint32_t len, char *err, size_t errlen);
/* Flushes and closes; -1 if anything could not be written. */
int tpcap_writer_close(struct tpcap_writer *w, char *err, size_t errlen);

#endif /* TONIC_PCAP_IO_H */
