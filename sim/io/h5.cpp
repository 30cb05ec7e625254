#include "io/h5.h"

#include <hdf5.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <atomic>

#include "core/errors.h"
#include "io/atomic_file.h"

namespace innosim::h5 {
namespace {

// Silences HDF5's own error printing: failures surface as IoError with our context.
struct QuietErrors {
  QuietErrors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }
};
const QuietErrors quiet;

Handle checked(hid_t id, const std::string& file, const std::string& what) {
  if (id < 0) throw IoError(file, what);
  return Handle(id);
}

Handle string_type() {
  Handle t(H5Tcopy(H5T_C_S1));
  H5Tset_size(t.id(), H5T_VARIABLE);
  H5Tset_cset(t.id(), H5T_CSET_UTF8);
  return t;
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
  if (id_ >= 0) H5Idec_ref(id_);
}

void Object::fail(const std::string& what) const { throw IoError(file_, path_ + ": " + what); }

void Object::set_attribute(const std::string& name, const std::string& value) {
  Handle type = string_type();
  Handle space(H5Screate(H5S_SCALAR));
  Handle a(H5Acreate2(id(), name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT));
  const char* p = value.c_str();
  if (a.id() < 0 || H5Awrite(a.id(), type.id(), &p) < 0) fail("cannot write attribute " + name);
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
  Handle type = string_type();
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr));
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  Handle a(H5Acreate2(id(), name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT));
  if (a.id() < 0 || H5Awrite(a.id(), type.id(), ptrs.data()) < 0)
    fail("cannot write attribute " + name);
}

bool Object::has_attribute(const std::string& name) const {
  return H5Aexists(id(), name.c_str()) > 0;
}

std::string Object::string_attribute(const std::string& name) const {
  Handle a(H5Aopen(id(), name.c_str(), H5P_DEFAULT));
  if (a.id() < 0) fail("no attribute " + name);
  Handle type = string_type();
  char* p = nullptr;
  if (H5Aread(a.id(), type.id(), &p) < 0) fail("cannot read attribute " + name + " as a string");
  std::string out(p ? p : "");
  H5free_memory(p);
  return out;
}

std::vector<std::string> Object::string_list_attribute(const std::string& name) const {
  Handle a(H5Aopen(id(), name.c_str(), H5P_DEFAULT));
  if (a.id() < 0) fail("no attribute " + name);
  Handle space(H5Aget_space(a.id()));
  const hssize_t n = H5Sget_simple_extent_npoints(space.id());
  Handle type = string_type();
  std::vector<char*> ptrs(static_cast<std::size_t>(std::max<hssize_t>(0, n)), nullptr);
  if (n > 0 && H5Aread(a.id(), type.id(), ptrs.data()) < 0)
    fail("cannot read attribute " + name + " as strings");
  std::vector<std::string> out;
  for (char* p : ptrs) {
    out.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return out;
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

std::vector<double> Dataset::read_doubles() const {
  std::uint64_t n = 1;
  for (auto d : dims()) n *= d;
  std::vector<double> out(n);
  if (n && H5Dread(id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
    fail("cannot read");
  return out;
}

std::vector<std::int64_t> Dataset::read_ints() const {
  std::uint64_t n = 1;
  for (auto d : dims()) n *= d;
  std::vector<std::int64_t> out(n);
  if (n && H5Dread(id(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
    fail("cannot read");
  return out;
}

std::vector<std::string> Dataset::read_strings() const {
  std::uint64_t n = 1;
  for (auto d : dims()) n *= d;
  Handle type = string_type();
  std::vector<char*> ptrs(n, nullptr);
  if (n && H5Dread(id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) < 0)
    fail("cannot read strings");
  std::vector<std::string> out;
  for (char* p : ptrs) {
    out.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return out;
}

void Dataset::make_scale(const std::string& name) {
  if (H5DSset_scale(id(), name.c_str()) < 0) fail("cannot make a dimension scale");
}

void Dataset::attach_scale(const Dataset& scale, unsigned dim) {
  if (H5DSattach_scale(id(), scale.id(), dim) < 0) fail("cannot attach scale " + scale.path());
}

Group Group::create_group(const std::string& name) {
  const std::string p = join(path_, name);
  return Group(checked(H5Gcreate2(id(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), file_,
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
  Handle props(H5Pcreate(H5P_DATASET_CREATE));
  if (n > 0) {
    if (chunk.empty()) chunk = dims;
    std::vector<hsize_t> hc(chunk.size());
    for (std::size_t k = 0; k < chunk.size(); ++k)
      hc[k] = std::max<hsize_t>(1, std::min<hsize_t>(chunk[k], hd[k]));
    H5Pset_chunk(props.id(), static_cast<int>(hc.size()), hc.data());
    H5Pset_shuffle(props.id());
    H5Pset_deflate(props.id(), 4);
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
  Handle props(H5Pcreate(H5P_DATASET_CREATE));
  if (n > 0) {
    const hsize_t chunk = std::min<hsize_t>(n, 1 << 16);
    H5Pset_chunk(props.id(), 1, &chunk);
    H5Pset_shuffle(props.id());
    H5Pset_deflate(props.id(), 4);
  }
  Dataset d(checked(H5Dcreate2(id(), name.c_str(), H5T_STD_I64LE, space.id(), H5P_DEFAULT,
                               props.id(), H5P_DEFAULT),
                    file_, "cannot create dataset " + p),
            p, file_);
  if (n && H5Dwrite(d.id(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
    fail("cannot write " + p);
  return d;
}

Dataset Group::create_strings(const std::string& name, const std::vector<std::string>& values) {
  const std::string p = join(path_, name);
  Handle type = string_type();
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr));
  Dataset d(checked(H5Dcreate2(id(), name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT,
                               H5P_DEFAULT),
                    file_, "cannot create dataset " + p),
            p, file_);
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  if (n && H5Dwrite(d.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) < 0)
    fail("cannot write " + p);
  return d;
}

Dataset Group::open_dataset(const std::string& name) const {
  const std::string p = join(path_, name);
  return Dataset(checked(H5Dopen2(id(), name.c_str(), H5P_DEFAULT), file_, "no dataset " + p), p,
                 file_);
}

File File::create_in_memory(const std::string& name) {
  Handle access(H5Pcreate(H5P_FILE_ACCESS));
  constexpr std::size_t kIncrement = 1 << 20;  // grow the image a MiB at a time
  if (access.id() < 0 || H5Pset_fapl_core(access.id(), kIncrement, false) < 0)
    throw IoError(name, "cannot set up an in-memory HDF5 file");
  // The name must be unique among open core files, not meaningful.
  static std::atomic<unsigned> counter{0};
  const std::string internal = "innosim-memory-" + std::to_string(counter++);
  return File(checked(H5Fcreate(internal.c_str(), H5F_ACC_EXCL, H5P_DEFAULT, access.id()), name,
                      "cannot create file"),
              "/", name);
}

File File::open_read(const std::string& path) {
  return File(checked(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), path, "cannot open file"),
              "/", path);
}

std::vector<unsigned char> File::image() {
  if (H5Fflush(id(), H5F_SCOPE_GLOBAL) < 0) fail("cannot flush");
  const ssize_t size = H5Fget_file_image(id(), nullptr, 0);
  if (size < 0) fail("cannot take the file image");
  std::vector<unsigned char> out(static_cast<std::size_t>(size));
  if (H5Fget_file_image(id(), out.data(), out.size()) != size) fail("cannot take the file image");
  return out;
}

void File::save(const std::string& path) {
  AtomicFile out(path);
  const std::vector<unsigned char> bytes = image();
  close();
  out.write(bytes.data(), bytes.size());
  out.commit();
}

void File::close() {
  if (id() < 0) return;
  if (H5Fclose(h_.release()) < 0) fail("cannot close");
}

}  // namespace innosim::h5
