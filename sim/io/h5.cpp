#include "io/h5.h"

#include <hdf5.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <type_traits>

#include "core/errors.h"
#include "io/atomic_file.h"

namespace innosim::h5 {
namespace {

// Silences HDF5's own error printing: failures surface as IoError with our context. The
// setting is per thread in a thread-safe libhdf5, so every thread that opens a file sets it.
void quiet_errors() {
  thread_local const bool quiet = [] {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    return true;
  }();
  (void)quiet;
}

Handle checked(hid_t id, const std::string& file, const std::string& what) {
  if (id < 0) throw IoError(file, what);
  return Handle(id);
}

// Strings are fixed-length UTF-8 (null-padded, as wide as the longest value): they live in
// the dataset or attribute itself, whose object header is checksummed, never in the
// unchecked global heap that variable-length strings use (a corrupted heap crashed readers).
Handle string_type(const std::vector<std::string>& values) {
  std::size_t width = 1;
  for (const auto& v : values) width = std::max(width, v.size());
  Handle t(H5Tcopy(H5T_C_S1));
  H5Tset_size(t.id(), width);
  H5Tset_strpad(t.id(), H5T_STR_NULLPAD);
  H5Tset_cset(t.id(), H5T_CSET_UTF8);
  return t;
}

std::vector<char> packed(const std::vector<std::string>& values, std::size_t width) {
  std::vector<char> buf(values.size() * width, '\0');
  for (std::size_t k = 0; k < values.size(); ++k)
    std::copy(values[k].begin(), values[k].end(), buf.begin() + static_cast<long>(k * width));
  return buf;
}

// Reads `count` fixed-length strings of the stored type `stored` through `read` (into a
// buffer of the type's width); anything but a fixed-length string type is refused, not read.
template <class Read>
std::vector<std::string> read_fixed_strings(hid_t stored, std::size_t count, Read read,
                                            const std::function<void(const std::string&)>& fail) {
  if (H5Tget_class(stored) != H5T_STRING || H5Tis_variable_str(stored) != 0)
    fail("expected fixed-length strings");
  const std::size_t width = H5Tget_size(stored);
  if (width == 0 || width > (std::size_t{1} << 20)) fail("implausible string width");
  Handle memory(H5Tcopy(stored));
  std::vector<char> buf(count * width);
  if (count && read(memory.id(), buf.data()) < 0) fail("cannot read strings");
  std::vector<std::string> out;
  out.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    const char* p = buf.data() + k * width;
    out.emplace_back(p, std::find(p, p + width, '\0'));
  }
  return out;
}

// Every chunk carries a Fletcher-32 checksum, so a corrupted chunk fails to read instead of
// reading as numbers.
void compressed_and_checked(hid_t props) {
  H5Pset_fletcher32(props);
  H5Pset_shuffle(props);
  H5Pset_deflate(props, 4);
}

// Creation properties that keep every attribute and link in its object's header (compact
// storage), never in a fractal heap: libhdf5 reads a damaged dense store past its buffers
// (fuzzed run and state files overflowed the heap in H5HF__huge_op), while object headers
// carry checksums in the 1.8 format. An attribute over 64 KiB would still go dense, so long
// texts are datasets (Group::create_text).
Handle compact_props(hid_t property_class) {
  constexpr unsigned kMostCompact = 65535, kFewestDense = 65535;  // libhdf5's limits
  Handle props(H5Pcreate(property_class));
  if (props.id() < 0 || H5Pset_attr_phase_change(props.id(), kMostCompact, kFewestDense) < 0)
    throw IoError("HDF5", "cannot set up compact attribute storage");
  if (property_class != H5P_DATASET_CREATE &&
      H5Pset_link_phase_change(props.id(), kMostCompact, kFewestDense) < 0)
    throw IoError("HDF5", "cannot set up compact link storage");
  return props;
}

std::string join(const std::string& base, const std::string& name) {
  return base == "/" ? "/" + name : base + "/" + name;
}

}  // namespace

Handle& Handle::operator=(Handle&& o) noexcept {
  if (this != &o) {
    this->~Handle();
    id_ = o.id_;
    o.id_ = -1;
  }
  return *this;
}

Handle::~Handle() {
  // A file closed with its objects (H5F_CLOSE_STRONG, File::save) has already closed this id.
  if (id_ >= 0 && H5Iis_valid(id_) > 0) H5Idec_ref(id_);
}

void Object::fail(const std::string& what) const { throw IoError(file_, path_ + ": " + what); }

void Object::set_attribute(const std::string& name, const std::string& value) {
  Handle type = string_type({value});
  Handle space(H5Screate(H5S_SCALAR));
  Handle a(H5Acreate2(id(), name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT));
  std::vector<char> buf(H5Tget_size(type.id()), '\0');
  std::copy(value.begin(), value.end(), buf.begin());
  if (a.id() < 0 || H5Awrite(a.id(), type.id(), buf.data()) < 0)
    fail("cannot write attribute " + name);
}

void Object::set_attribute(const std::string& name, double value) {
  Handle space(H5Screate(H5S_SCALAR));
  Handle a(H5Acreate2(id(), name.c_str(), H5T_IEEE_F64LE, space.id(), H5P_DEFAULT, H5P_DEFAULT));
  if (a.id() < 0 || H5Awrite(a.id(), H5T_NATIVE_DOUBLE, &value) < 0)
    fail("cannot write attribute " + name);
}

void Object::set_attribute(const std::string& name, std::int64_t value) {
  Handle space(H5Screate(H5S_SCALAR));
  Handle a(H5Acreate2(id(), name.c_str(), H5T_STD_I64LE, space.id(), H5P_DEFAULT, H5P_DEFAULT));
  if (a.id() < 0 || H5Awrite(a.id(), H5T_NATIVE_INT64, &value) < 0)
    fail("cannot write attribute " + name);
}

void Object::set_attribute(const std::string& name, const std::vector<std::string>& values) {
  Handle type = string_type(values);
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr));
  const std::vector<char> buf = packed(values, H5Tget_size(type.id()));
  Handle a(H5Acreate2(id(), name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT));
  if (a.id() < 0 || (n && H5Awrite(a.id(), type.id(), buf.data()) < 0))
    fail("cannot write attribute " + name);
}

bool Object::has_attribute(const std::string& name) const {
  return H5Aexists(id(), name.c_str()) > 0;
}

std::string Object::string_attribute(const std::string& name) const {
  const std::vector<std::string> v = string_list_attribute(name);
  if (v.size() != 1) fail("attribute " + name + " is not one string");
  return v[0];
}

std::vector<std::string> Object::string_list_attribute(const std::string& name) const {
  Handle a(H5Aopen(id(), name.c_str(), H5P_DEFAULT));
  if (a.id() < 0) fail("no attribute " + name);
  Handle space(H5Aget_space(a.id()));
  const hssize_t n = H5Sget_simple_extent_npoints(space.id());
  if (n < 0) fail("cannot read the shape of attribute " + name);
  Handle stored(H5Aget_type(a.id()));
  return read_fixed_strings(
      stored.id(), static_cast<std::size_t>(n),
      [&](hid_t memory, char* buf) { return H5Aread(a.id(), memory, buf); },
      [&](const std::string& why) { fail("attribute " + name + ": " + why); });
}

double Object::double_attribute(const std::string& name) const {
  Handle a(H5Aopen(id(), name.c_str(), H5P_DEFAULT));
  double v = 0;
  if (a.id() < 0 || H5Aread(a.id(), H5T_NATIVE_DOUBLE, &v) < 0)
    fail("cannot read attribute " + name);
  return v;
}

std::int64_t Object::int_attribute(const std::string& name) const {
  Handle a(H5Aopen(id(), name.c_str(), H5P_DEFAULT));
  std::int64_t v = 0;
  if (a.id() < 0 || H5Aread(a.id(), H5T_NATIVE_INT64, &v) < 0)
    fail("cannot read attribute " + name);
  return v;
}

std::vector<std::uint64_t> Dataset::dims() const {
  Handle space(H5Dget_space(id()));
  const int rank = H5Sget_simple_extent_ndims(space.id());
  if (rank < 0) fail("cannot read the shape");
  std::vector<hsize_t> d(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.id(), d.data(), nullptr);
  return {d.begin(), d.end()};
}

void Dataset::write(const std::vector<double>& values) {
  if (H5Dwrite(id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
    fail("cannot write");
}

void Dataset::check_chunks() const {
  Handle plist(H5Dget_create_plist(id()));
  if (plist.id() < 0) fail("cannot read the storage layout");
  if (H5Pget_layout(plist.id()) != H5D_CHUNKED) return;
  constexpr int kMaxRank = 32;  // H5S_MAX_RANK
  hsize_t chunk[kMaxRank];
  const int rank = H5Pget_chunk(plist.id(), kMaxRank, chunk);
  Handle stored(H5Dget_type(id()));
  const std::size_t element = stored.id() < 0 ? 0 : H5Tget_size(stored.id());
  if (rank <= 0 || element == 0) fail("damaged: no chunk shape or element size");
  std::uint64_t full = element;
  for (int k = 0; k < rank; ++k) full *= chunk[k];
  // Which filters change the stored size: deflate shrinks it, fletcher32 adds 4 bytes.
  int deflate = -1, fletcher = -1;
  const int filters = H5Pget_nfilters(plist.id());
  for (int k = 0; k < filters; ++k) {
    unsigned flags = 0, config = 0;
    std::size_t cd_n = 0;
    const H5Z_filter_t f = H5Pget_filter2(plist.id(), static_cast<unsigned>(k), &flags, &cd_n,
                                          nullptr, 0, nullptr, &config);
    if (f == H5Z_FILTER_DEFLATE) deflate = k;
    if (f == H5Z_FILTER_FLETCHER32) fletcher = k;
  }
  Handle space(H5Dget_space(id()));
  hsize_t chunks = 0;
  if (space.id() < 0 || H5Dget_num_chunks(id(), space.id(), &chunks) < 0)
    fail("cannot count the chunks");
  for (hsize_t c = 0; c < chunks; ++c) {
    unsigned mask = 0;
    haddr_t address = 0;
    hsize_t size = 0;
    if (H5Dget_chunk_info(id(), space.id(), c, nullptr, &mask, &address, &size) < 0)
      fail("cannot read chunk " + std::to_string(c));
    const auto applied = [&](int k) { return k >= 0 && !(mask & (1u << k)); };
    if (!applied(deflate) && size < full + (applied(fletcher) ? 4 : 0))
      fail("damaged: chunk " + std::to_string(c) + " is stored uncompressed in " +
           std::to_string(size) + " bytes, short of the " + std::to_string(full) + " it holds");
  }
}

std::vector<double> Dataset::read_doubles() const {
  std::uint64_t n = 1;
  for (auto d : dims()) n *= d;
  check_chunks();
  std::vector<double> out(n);
  if (n && H5Dread(id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
    fail("cannot read");
  return out;
}

std::vector<std::int64_t> Dataset::read_ints() const {
  std::uint64_t n = 1;
  for (auto d : dims()) n *= d;
  check_chunks();
  std::vector<std::int64_t> out(n);
  if (n && H5Dread(id(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
    fail("cannot read");
  return out;
}

std::vector<std::string> Dataset::read_strings() const {
  std::uint64_t n = 1;
  for (auto d : dims()) n *= d;
  Handle stored(H5Dget_type(id()));
  return read_fixed_strings(
      stored.id(), n,
      [&](hid_t memory, char* buf) {
        return H5Dread(id(), memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf);
      },
      [&](const std::string& why) { fail(why); });
}

void Dataset::make_scale(const std::string& name) {
  if (H5DSset_scale(id(), name.c_str()) < 0) fail("cannot make a dimension scale");
}

void Dataset::attach_scale(const Dataset& scale, unsigned dim) {
  if (H5DSattach_scale(id(), scale.id(), dim) < 0) fail("cannot attach scale " + scale.path());
}

Group Group::create_group(const std::string& name) {
  const std::string p = join(path_, name);
  const Handle props = compact_props(H5P_GROUP_CREATE);
  return Group(checked(H5Gcreate2(id(), name.c_str(), H5P_DEFAULT, props.id(), H5P_DEFAULT), file_,
                       "cannot create group " + p),
               p, file_);
}

Group Group::open_group(const std::string& name) const {
  const std::string p = join(path_, name);
  return Group(checked(H5Gopen2(id(), name.c_str(), H5P_DEFAULT), file_, "no group " + p), p,
               file_);
}

bool Group::exists(const std::string& name) const {
  return H5Lexists(id(), name.c_str(), H5P_DEFAULT) > 0;
}

Dataset Group::create_doubles(const std::string& name, const std::vector<std::uint64_t>& dims,
                              const std::vector<double>& values, std::vector<std::uint64_t> chunk) {
  const std::string p = join(path_, name);
  std::uint64_t n = 1;
  for (auto d : dims) n *= d;
  if (n != values.size()) fail(name + ": shape and data size differ");
  std::vector<hsize_t> hd(dims.begin(), dims.end());
  Handle space(H5Screate_simple(static_cast<int>(hd.size()), hd.data(), nullptr));
  Handle props = compact_props(H5P_DATASET_CREATE);
  if (n > 0) {
    if (chunk.empty()) chunk = dims;
    std::vector<hsize_t> hc(chunk.size());
    for (std::size_t k = 0; k < chunk.size(); ++k)
      hc[k] = std::max<hsize_t>(1, std::min<hsize_t>(chunk[k], hd[k]));
    H5Pset_chunk(props.id(), static_cast<int>(hc.size()), hc.data());
    compressed_and_checked(props.id());
  }
  Dataset d(checked(H5Dcreate2(id(), name.c_str(), H5T_IEEE_F64LE, space.id(), H5P_DEFAULT,
                               props.id(), H5P_DEFAULT),
                    file_, "cannot create dataset " + p),
            p, file_);
  if (n > 0) d.write(values);
  return d;
}

Dataset Group::create_ints(const std::string& name, const std::vector<std::int64_t>& values) {
  const std::string p = join(path_, name);
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr));
  Handle props = compact_props(H5P_DATASET_CREATE);
  if (n > 0) {
    const hsize_t chunk = std::min<hsize_t>(n, 1 << 16);
    H5Pset_chunk(props.id(), 1, &chunk);
    compressed_and_checked(props.id());
  }
  Dataset d(checked(H5Dcreate2(id(), name.c_str(), H5T_STD_I64LE, space.id(), H5P_DEFAULT,
                               props.id(), H5P_DEFAULT),
                    file_, "cannot create dataset " + p),
            p, file_);
  if (n && H5Dwrite(d.id(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
    fail("cannot write " + p);
  return d;
}

Dataset Group::create_1d(const std::string& name, hid type, std::size_t count, const void* data) {
  const std::string p = join(path_, name);
  const hsize_t n = count;
  Handle space(H5Screate_simple(1, &n, nullptr));
  const Handle props = compact_props(H5P_DATASET_CREATE);
  Dataset d(checked(H5Dcreate2(id(), name.c_str(), type, space.id(), H5P_DEFAULT, props.id(),
                               H5P_DEFAULT),
                    file_, "cannot create dataset " + p),
            p, file_);
  if (n && H5Dwrite(d.id(), type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
    fail("cannot write " + p);
  return d;
}

namespace {

template <class T>
hid_t native_type() {
  if constexpr (std::is_same_v<T, double>) return H5T_NATIVE_DOUBLE;
  if constexpr (std::is_same_v<T, float>) return H5T_NATIVE_FLOAT;
  if constexpr (std::is_same_v<T, std::uint8_t>) return H5T_NATIVE_UINT8;
  if constexpr (std::is_same_v<T, std::uint16_t>) return H5T_NATIVE_UINT16;
  if constexpr (std::is_same_v<T, std::uint32_t>) return H5T_NATIVE_UINT32;
  if constexpr (std::is_same_v<T, std::int32_t>) return H5T_NATIVE_INT32;
  if constexpr (std::is_same_v<T, std::uint64_t>) return H5T_NATIVE_UINT64;
  if constexpr (std::is_same_v<T, std::int64_t>) return H5T_NATIVE_INT64;
}

}  // namespace

template <class T>
Dataset Group::create_array(const std::string& name, const std::vector<T>& values) {
  const std::string p = join(path_, name);
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr));
  Handle props = compact_props(H5P_DATASET_CREATE);
  if (n > 0) {
    const hsize_t chunk = std::min<hsize_t>(n, 1 << 18);
    H5Pset_chunk(props.id(), 1, &chunk);
    H5Pset_fletcher32(props.id());
    H5Pset_shuffle(props.id());
    H5Pset_deflate(props.id(), 1);  // fast: a national state is gigabytes
  }
  Dataset d(checked(H5Dcreate2(id(), name.c_str(), native_type<T>(), space.id(), H5P_DEFAULT,
                               props.id(), H5P_DEFAULT),
                    file_, "cannot create dataset " + p),
            p, file_);
  if (n && H5Dwrite(d.id(), native_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
    fail("cannot write " + p);
  return d;
}

template <class T>
std::vector<T> Dataset::read_array() const {
  const std::vector<std::uint64_t> d = dims();
  if (d.size() != 1) fail("expected a 1-D array");
  Handle stored(H5Dget_type(id()));
  if (stored.id() < 0 || H5Tequal(stored.id(), native_type<T>()) <= 0)
    fail("stored in another type than expected");
  check_chunks();
  std::vector<T> out(d[0]);
  if (d[0] && H5Dread(id(), native_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
    fail("cannot read");
  return out;
}

Dataset Group::create_text(const std::string& name, const std::string& text) {
  Dataset d = create_array(name, std::vector<std::uint8_t>(text.begin(), text.end()));
  d.set_attribute("encoding", std::string("UTF-8"));
  return d;
}

std::string Dataset::read_text() const {
  const std::vector<std::uint8_t> bytes = read_array<std::uint8_t>();
  return {bytes.begin(), bytes.end()};
}

#define INNOSIM_H5_ARRAY(T)                                                           \
  template Dataset Group::create_array<T>(const std::string&, const std::vector<T>&); \
  template std::vector<T> Dataset::read_array<T>() const;
INNOSIM_H5_ARRAY(double)
INNOSIM_H5_ARRAY(float)
INNOSIM_H5_ARRAY(std::uint8_t)
INNOSIM_H5_ARRAY(std::uint16_t)
INNOSIM_H5_ARRAY(std::uint32_t)
INNOSIM_H5_ARRAY(std::int32_t)
INNOSIM_H5_ARRAY(std::uint64_t)
INNOSIM_H5_ARRAY(std::int64_t)
#undef INNOSIM_H5_ARRAY

Dataset Group::create_labels(const std::string& name, const std::vector<std::string>& values) {
  Handle type(H5Tcopy(H5T_C_S1));
  H5Tset_size(type.id(), H5T_VARIABLE);
  H5Tset_cset(type.id(), H5T_CSET_UTF8);
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  return create_1d(name, type.id(), values.size(), ptrs.data());
}

Dataset Group::create_strings(const std::string& name, const std::vector<std::string>& values) {
  Handle type = string_type(values);
  const std::vector<char> buf = packed(values, H5Tget_size(type.id()));
  return create_1d(name, type.id(), values.size(), buf.data());
}

Dataset Group::open_dataset(const std::string& name) const {
  const std::string p = join(path_, name);
  return Dataset(checked(H5Dopen2(id(), name.c_str(), H5P_DEFAULT), file_, "no dataset " + p), p,
                 file_);
}

// The core driver's memory, through callbacks, so that the buffer can be taken when the file
// closes: only then are the superblock's status flags cleared and its checksum recomputed.
// (H5Fget_file_image on an open file clears the flags without the checksum before HDF5 2.0,
// HDFGroup/hdf5#5489, and the image fails to open.)
struct ImageCapture {
  std::size_t allocated = 0;
  std::vector<unsigned char> image;
  bool closed = false;
};

namespace {

void* image_malloc(std::size_t size, H5FD_file_image_op_t, void* udata) {
  static_cast<ImageCapture*>(udata)->allocated = size;
  return std::malloc(size);
}
void* image_memcpy(void* dest, const void* src, std::size_t size, H5FD_file_image_op_t, void*) {
  return std::memcpy(dest, src, size);
}
void* image_realloc(void* ptr, std::size_t size, H5FD_file_image_op_t, void* udata) {
  void* grown = std::realloc(ptr, size);
  if (grown) static_cast<ImageCapture*>(udata)->allocated = size;
  return grown;
}
herr_t image_free(void* ptr, H5FD_file_image_op_t op, void* udata) {
  auto* capture = static_cast<ImageCapture*>(udata);
  if (op == H5FD_FILE_IMAGE_OP_FILE_CLOSE && ptr && !capture->closed) {
    const auto* bytes = static_cast<const unsigned char*>(ptr);
    capture->image.assign(bytes, bytes + capture->allocated);
    capture->closed = true;
  }
  std::free(ptr);
  return 0;
}
void* udata_copy(void* udata) { return udata; }  // one capture per file, owned by File
herr_t udata_free(void*) { return 0; }

// The file's length, from its version-2 superblock (8-byte addresses): the "end of file
// address" field, at byte 28. The core driver's buffer is larger by up to one increment.
std::size_t end_of_file(const std::vector<unsigned char>& image) {
  constexpr std::size_t kEofField = 28, kSuperblockV2Size = 48;
  if (image.size() < kSuperblockV2Size || image[8] != 2 || image[9] != 8) return image.size();
  std::uint64_t eof = 0;
  for (int k = 7; k >= 0; --k) eof = (eof << 8) | image[kEofField + static_cast<std::size_t>(k)];
  return static_cast<std::size_t>(std::min<std::uint64_t>(eof, image.size()));
}

}  // namespace

File File::create_in_memory(const std::string& name) {
  quiet_errors();
  auto capture = std::make_shared<ImageCapture>();
  Handle access(H5Pcreate(H5P_FILE_ACCESS));
  constexpr std::size_t kIncrement = 1 << 20;  // grow the image a MiB at a time
  H5FD_file_image_callbacks_t callbacks{image_malloc, image_memcpy, image_realloc, image_free,
                                        udata_copy,   udata_free,   capture.get()};
  // The 1.8 format: the superblock, object headers and B-trees carry checksums, so a reader
  // detects corrupted metadata. Readable by HDF5 1.8 and later (h5py, R's hdf5r, xarray).
  if (access.id() < 0 || H5Pset_fapl_core(access.id(), kIncrement, false) < 0 ||
      H5Pset_file_image_callbacks(access.id(), &callbacks) < 0 ||
      // save() closes the file while the writer's groups and datasets may still be open.
      H5Pset_fclose_degree(access.id(), H5F_CLOSE_STRONG) < 0 ||
      H5Pset_libver_bounds(access.id(), H5F_LIBVER_V18, H5F_LIBVER_V18) < 0)
    throw IoError(name, "cannot set up an in-memory HDF5 file");
  // The name must be unique among open core files, not meaningful.
  static std::atomic<unsigned> counter{0};
  const std::string internal = "innosim-memory-" + std::to_string(counter++);
  const Handle creation = compact_props(H5P_FILE_CREATE);  // the root group's
  File f(checked(H5Fcreate(internal.c_str(), H5F_ACC_EXCL, creation.id(), access.id()), name,
                 "cannot create file"),
         "/", name);
  f.capture_ = std::move(capture);
  return f;
}

File File::open_read(const std::string& path) {
  quiet_errors();
  return File(checked(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), path, "cannot open file"),
              "/", path);
}

File File::open_image(const void* data, std::size_t size, const std::string& name) {
  quiet_errors();
  // The core driver over a copy of the bytes (H5LTopen_file_image leaks when the open fails).
  Handle access(H5Pcreate(H5P_FILE_ACCESS));
  if (access.id() < 0 || H5Pset_fapl_core(access.id(), 1 << 20, false) < 0 ||
      H5Pset_file_image(access.id(), const_cast<void*>(data), size) < 0)
    throw IoError(name, "cannot set up an in-memory HDF5 file");
  static std::atomic<unsigned> counter{0};
  const std::string internal = "innosim-image-" + std::to_string(counter++);
  return File(
      checked(H5Fopen(internal.c_str(), H5F_ACC_RDONLY, access.id()), name, "cannot open file"),
      "/", name);
}

void File::save(const std::string& path) {
  if (!capture_) fail("not an in-memory file");
  AtomicFile out(path);
  close();
  if (!capture_->closed) fail("the in-memory file left no image");
  out.write(capture_->image.data(), end_of_file(capture_->image));
  out.commit();
}

void File::close() {
  if (id() < 0) return;
  if (H5Fclose(h_.release()) < 0) fail("cannot close");
}

}  // namespace innosim::h5
