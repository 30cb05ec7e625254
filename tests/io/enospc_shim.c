// A fault-injecting write layer for the full-disk tests (issue 17 item 2): preloaded into
// innosim, it makes every write(2) and pwrite(2) to a file under $INNOSIM_FULL_DISK fail with
// ENOSPC, as a full file system does. Writes elsewhere (the terminal, pipes) go through unchanged.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int on_full_disk(int fd) {
  const char* full = getenv("INNOSIM_FULL_DISK");
  if (!full || !*full) return 0;
  char link[64], target[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof target - 1);
  if (n <= 0) return 0;
  target[n] = '\0';
  return strncmp(target, full, strlen(full)) == 0;
}

ssize_t write(int fd, const void* buf, size_t count) {
  static ssize_t (*real_write)(int, const void*, size_t) = NULL;
  if (!real_write) real_write = (ssize_t(*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
  if (count > 0 && on_full_disk(fd)) {
    errno = ENOSPC;
    return -1;
  }
  return real_write(fd, buf, count);
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
  static ssize_t (*real_pwrite)(int, const void*, size_t, off_t) = NULL;
  if (!real_pwrite)
    real_pwrite = (ssize_t(*)(int, const void*, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
  if (count > 0 && on_full_disk(fd)) {
    errno = ENOSPC;
    return -1;
  }
  return real_pwrite(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off_t offset) {
  return pwrite(fd, buf, count, offset);
}
