#include "io/atomic_file.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "core/errors.h"

namespace innosim {
namespace {

std::string folder_of(const std::string& path) {
  const auto dir = std::filesystem::path(path).parent_path();
  return dir.empty() ? "." : dir.string();
}

std::string system_error() { return std::strerror(errno); }

// The temporary file a signal must remove (one output is written at a time). A fixed buffer,
// since the handler may only call async-signal-safe functions.
char g_pending[PATH_MAX + 1];
std::atomic<bool> g_has_pending{false};

extern "C" void remove_pending_and_exit(int sig) {
  if (g_has_pending.load()) ::unlink(g_pending);
  ::_exit(128 + sig);
}

void track(const std::string& temp) {
  std::strncpy(g_pending, temp.c_str(), PATH_MAX);
  g_pending[PATH_MAX] = '\0';
  g_has_pending.store(true);
  static const bool installed = [] {
    struct sigaction action {};
    action.sa_handler = remove_pending_and_exit;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    return true;
  }();
  (void)installed;
}

void untrack() { g_has_pending.store(false); }

}  // namespace

void check_writable(const std::string& final_path) {
  const std::string folder = folder_of(final_path);
  if (final_path.empty() || final_path.back() == '/')
    throw IoError(final_path, "expected a file name, not a folder");
  const std::string name = std::filesystem::path(final_path).filename().string();
  const long name_max = ::pathconf(folder.c_str(), _PC_NAME_MAX);
  if (!std::filesystem::is_directory(folder))
    throw IoError(final_path, "no such directory " + folder);
  // Room for the temporary suffix as well.
  if (name_max > 0 && static_cast<long>(name.size() + std::strlen(".tmp-XXXXXX")) > name_max)
    throw IoError(final_path, "file name too long (at most " + std::to_string(name_max - 11) +
                                  " characters here)");
  if (::access(folder.c_str(), W_OK) != 0)
    throw IoError(final_path, "cannot write in directory " + folder + ": " + system_error());
  struct stat st {};
  if (::stat(final_path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
    throw IoError(final_path, S_ISDIR(st.st_mode)
                                  ? "is a directory"
                                  : "is not a regular file (a device, fifo or socket): refused");
}

void check_not_input(const std::string& final_path, const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const auto& input : inputs)
    if (std::filesystem::exists(final_path, ec) &&
        std::filesystem::equivalent(final_path, input, ec))
      throw IoError(final_path, "is an input of this run (" + input + "): refused");
}

AtomicFile::AtomicFile(std::string final_path) : final_(std::move(final_path)) {
  check_writable(final_);
  std::string pattern = final_ + ".tmp-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw IoError(final_, "cannot create a temporary file: " + system_error());
  // mkstemp creates mode 0600; an output gets what the user's umask gives any new file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  struct stat st {};
  ::fstat(fd, &st);
  fd_ = fd;
  temp_ = pattern;
  dev_ = st.st_dev;
  ino_ = st.st_ino;
  track(temp_);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (committed_) return;
  // Remove only our own file: never through a link someone put in its place.
  struct stat st {};
  if (::lstat(temp_.c_str(), &st) == 0 && st.st_dev == dev_ && st.st_ino == ino_)
    ::unlink(temp_.c_str());
  untrack();
}

void AtomicFile::write(const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd_, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw IoError(final_, "cannot write: " + system_error());
    p += n;
    size -= static_cast<std::size_t>(n);
  }
}

void AtomicFile::commit() {
  // The data, then the name, reach the disk before the run reports success. A full disk may
  // only show at fsync or close (delayed allocation, network file systems).
  if (::fsync(fd_) != 0) throw IoError(final_, "cannot write: " + system_error());
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw IoError(final_, "cannot write: " + system_error());
  struct stat st {};
  if (::lstat(temp_.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_dev != dev_ ||
      st.st_ino != ino_)
    throw IoError(final_, "the temporary file " + temp_ +
                              " was replaced while it was written: refused to move it into place");
  if (std::rename(temp_.c_str(), final_.c_str()) != 0)
    throw IoError(final_, "cannot move the finished file into place: " + system_error());
  committed_ = true;
  untrack();
  const int dir = ::open(folder_of(final_).c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace innosim
