// The MPI world of a run started by mpirun (or srun): this process's rank and the number of
// ranks. Without MPI in the build, or when the program was not started by an MPI launcher, the
// world is one rank and MPI is never initialised. MPI is finalised when the object goes.
#pragma once

namespace innosim {

class MpiWorld {
 public:
  MpiWorld();
  ~MpiWorld();
  MpiWorld(const MpiWorld&) = delete;
  MpiWorld& operator=(const MpiWorld&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  // Started by an MPI launcher with several ranks, but built without MPI: every rank would run
  // the whole job.
  bool launched_without_mpi() const { return launched_without_mpi_; }
  void barrier() const;
  // Ends every rank at once (an error on one rank must not leave the others waiting).
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0, size_ = 1;
  bool initialised_ = false;
  bool launched_without_mpi_ = false;
};

}  // namespace innosim
