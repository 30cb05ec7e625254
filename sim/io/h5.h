// A thin RAII layer over the HDF5 C API, one small type per HDF5 concept (after HighFive's
// design). Every handle closes itself; every failure raises IoError naming the file and the
// object. Nothing outside sim/io includes hdf5.h.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace innosim::h5 {

using hid = std::int64_t;  // hid_t, without exposing hdf5.h

// Owns one HDF5 identifier.
class Handle {
 public:
  Handle() = default;
  explicit Handle(hid id) : id_(id) {}
  Handle(Handle&& o) noexcept : id_(o.id_) { o.id_ = -1; }
  Handle& operator=(Handle&& o) noexcept;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle();
  hid id() const { return id_; }
  // Gives up ownership (for a close whose result must be checked).
  hid release() {
    const hid id = id_;
    id_ = -1;
    return id;
  }

 private:
  hid id_ = -1;
};

class Object {
 public:
  Object(Handle h, std::string path, std::string file)
      : h_(std::move(h)), path_(std::move(path)), file_(std::move(file)) {}
  hid id() const { return h_.id(); }
  const std::string& path() const { return path_; }

  void set_attribute(const std::string& name, const std::string& value);
  void set_attribute(const std::string& name, double value);
  void set_attribute(const std::string& name, std::int64_t value);
  void set_attribute(const std::string& name, const std::vector<std::string>& values);
  std::string string_attribute(const std::string& name) const;
  std::vector<std::string> string_list_attribute(const std::string& name) const;
  double double_attribute(const std::string& name) const;
  std::int64_t int_attribute(const std::string& name) const;
  bool has_attribute(const std::string& name) const;

 protected:
  [[noreturn]] void fail(const std::string& what) const;
  Handle h_;
  std::string path_;
  std::string file_;
};

class Dataset : public Object {
 public:
  using Object::Object;
  std::vector<std::uint64_t> dims() const;
  void write(const std::vector<double>& values);
  std::vector<double> read_doubles() const;
  std::vector<std::int64_t> read_ints() const;
  std::vector<std::string> read_strings() const;
  // A 1-D array stored as exactly T's type (class, size and sign), or IoError: the simulation
  // state is read back in the types it was written in, never converted.
  template <class T>
  std::vector<T> read_array() const;
  // A text written by Group::create_text.
  std::string read_text() const;
  // Makes this 1-D dataset a dimension scale named `name`.
  void make_scale(const std::string& name);
  // Attaches `scale` to dimension `dim` of this dataset.
  void attach_scale(const Dataset& scale, unsigned dim);

 private:
  // Before any read: a chunk whose filter mask says its compression was skipped must be
  // stored at its full size. A damaged mask makes libhdf5 copy a short chunk as a whole one,
  // past its own buffer (a fuzzer finding); such a dataset is refused.
  void check_chunks() const;
};

class Group : public Object {
 public:
  using Object::Object;
  Group create_group(const std::string& name);
  Group open_group(const std::string& name) const;
  bool exists(const std::string& name) const;
  // Float64, chunked (`chunk` empty = the whole array, capped) and deflate-compressed.
  Dataset create_doubles(const std::string& name, const std::vector<std::uint64_t>& dims,
                         const std::vector<double>& values, std::vector<std::uint64_t> chunk = {});
  Dataset create_ints(const std::string& name, const std::vector<std::int64_t>& values);
  // A 1-D array in T's own type (an integer or floating type of the simulation state),
  // chunked, lightly compressed and checksummed.
  template <class T>
  Dataset create_array(const std::string& name, const std::vector<T>& values);
  // A long UTF-8 text as a checksummed byte array: an attribute of over 64 KiB would go to
  // HDF5's dense attribute storage, whose reader libhdf5 does not harden against a damaged
  // file (a fuzzed state file overflowed the heap in H5HF__huge_op).
  Dataset create_text(const std::string& name, const std::string& text);
  // Fixed-length UTF-8 strings, padded to the longest (h5py reads them as bytes).
  Dataset create_strings(const std::string& name, const std::vector<std::string>& values);
  // Variable-length UTF-8 strings, for the labels of an axis: R's ncdf4 crashes on a
  // fixed-length string dimension scale. innosim's own readers never read them back (they
  // refuse variable-length strings, whose unchecked heap can crash libhdf5): what they need is
  // also written as fixed-length attributes.
  Dataset create_labels(const std::string& name, const std::vector<std::string>& values);
  Dataset open_dataset(const std::string& name) const;

 private:
  // A 1-D dataset of `count` elements of `type`, written from `data`.
  Dataset create_1d(const std::string& name, hid type, std::size_t count, const void* data);
};

struct ImageCapture;

class File : public Group {
 public:
  // A file built in memory (HDF5's core driver, no backing store): HDF5 never touches the disk,
  // so a full disk cannot leave the library half-closed. `name` labels messages only.
  static File create_in_memory(const std::string& name);
  static File open_read(const std::string& path);
  // Opens a copy of bytes in memory as a read-only file (the fuzz targets read this way).
  // `name` labels messages only.
  static File open_image(const void* data, std::size_t size, const std::string& name);
  // Closes an in-memory file and writes its bytes to `path` through an AtomicFile
  // (io/atomic_file.h): complete or not at all, and a failed write names `path` and the reason.
  void save(const std::string& path);
  // Closes now; any error is reported here rather than lost in a destructor.
  void close();

 private:
  using Group::Group;
  std::shared_ptr<ImageCapture> capture_;  // the in-memory file's bytes, once closed
};

}  // namespace innosim::h5
