#include "app/mpi_world.h"

#include <cstdlib>
#include <initializer_list>

#ifdef INNOSIM_HAVE_MPI
#define OMPI_SKIP_MPICXX 1  // the C API only: Open MPI's C++ bindings are not linked
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#endif

namespace innosim {
namespace {

// Set by Open MPI's mpirun, by MPICH/Hydra and by Slurm's PMI/PMIx.
bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"})
    if (std::getenv(v)) return true;
  return false;
}

}  // namespace

MpiWorld::MpiWorld() {
#ifndef INNOSIM_HAVE_MPI
  const char* ranks = std::getenv("OMPI_COMM_WORLD_SIZE");
  if (!ranks) ranks = std::getenv("PMI_SIZE");
  launched_without_mpi_ = ranks && std::atoi(ranks) > 1;
#else
  if (!launched_by_mpi()) return;
  int already = 0;
  MPI_Initialized(&already);
  if (!already) {
    MPI_Init(nullptr, nullptr);
    initialised_ = true;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
#endif
}

MpiWorld::~MpiWorld() {
#ifdef INNOSIM_HAVE_MPI
  if (initialised_) MPI_Finalize();
#endif
}

void MpiWorld::barrier() const {
#ifdef INNOSIM_HAVE_MPI
  if (size_ > 1) MPI_Barrier(MPI_COMM_WORLD);
#endif
}

void MpiWorld::abort(int code) const {
#ifdef INNOSIM_HAVE_MPI
  if (size_ > 1) MPI_Abort(MPI_COMM_WORLD, code);
#endif
  std::exit(code);
}

}  // namespace innosim
