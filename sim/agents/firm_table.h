// The firm population as a structure of arrays: one vector per attribute, indexed by row.
// Chosen over an array of structs because every phase sweeps one or two attributes over all
// firms (cache-friendly, vectorisable) and because floats where precision allows keep a firm
// near 150 bytes, so tens of millions fit in a few GiB. Rows stay sorted by `id` (entrants are
// appended with increasing ids; exits are removed by a stable compaction), which keeps every
// reduction in a fixed order and lets a firm be found by id with a binary search.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/scratch.h"

namespace innosim {

enum FirmFlag : std::uint32_t {
  kIndustrial = 1 << 0,       // counts toward above_scale when large enough
  kHighTech = 1 << 1,         // main products in the state-supported high-tech fields
  kRdActive = 1 << 2,         // performs R&D this year
  kTechSme = 1 << 3,          // registered tech SME this year
  kHnte = 1 << 4,             // holds a valid hnte certificate
  kAboveScale = 1 << 5,       // industrial and main revenue >= 20M CNY
  kSpecializedSme = 1 << 6,   // recognised 专精特新 SME (valid certificate)
  kGazelle = 1 << 7,          // high-growth young firm this year
  kListed = 1 << 8,           // listed on a stock exchange (permanent)
  kDemo = 1 << 9,             // provincial innovative demonstration enterprise (permanent)
  kEverHnte = 1 << 10,        // has been certified hnte before (first-certification awards)
  kEverAboveScale = 1 << 11,  // has been above scale before (first-time awards)
  kDemoCounted = 1 << 12,     // demo status already seen by the first-time award
  kInnovated = 1 << 13,       // had a successful innovation this year
  kVcBacked = 1 << 14,        // holds venture or guidance-fund equity
  kDead = 1 << 15,            // exited this year; moved out of the table at year end
  kFlyingRdCenter = 1 << 16,  // runs an R&D centre in the east hub (飞地研发中心)
  kSpinoff = 1 << 17,         // founded by a university, institute or R&D talent
};

inline constexpr int kHistoryYears = 3;  // the hnte rule looks at three years

// Firm ids are below 2^32 (kFirmIdLimit; the network's tie ends need them below 2^30 already):
// 4 bytes a firm instead of 8, 300 MB of a national run's 74 million firms.
inline constexpr std::uint64_t kFirmIdLimit = std::uint64_t{1} << 32;

struct FirmTable {
  std::vector<std::uint32_t> id;
  // Keys every random draw of the firm's life: its id for a base-year firm, and for an
  // entrant the (step, kind, index) it entered as, so that the same entrant of two scenarios
  // lives on the same draws even when earlier entries gave it another id.
  std::vector<std::uint64_t> stream_key;
  std::vector<std::uint32_t> flags;
  std::vector<std::uint8_t> sector;  // index into the preset's sectors
  std::vector<std::int32_t> birth_step;
  std::vector<std::uint16_t> hnte_expiry;  // last year the hnte certificate is valid
  std::vector<std::uint16_t>
      specialized_expiry;                      // last year the specialized_sme recognition is valid
  std::vector<double> revenue;                 // CNY/yr, current annual rate
  std::vector<float> productivity;             // log productivity
  std::vector<float> high_tech_revenue_share;  // share of revenue from high-tech products
  std::vector<float> latent_intensity;         // R&D/revenue wanted at the reference user cost
  std::vector<float> intensity;                // real R&D/revenue this year
  std::vector<float> relabel;        // other costs reported as R&D, over revenue, this year
  std::vector<float> grant_rd;       // grant money to be spent on R&D this year, CNY
  std::vector<float> cash;           // liquid funds, CNY
  std::vector<float> knowledge;      // R&D capital (perpetual inventory), CNY
  std::vector<float> profit_last;    // pre-tax profit of the last complete year, CNY
  std::vector<float> margin;         // operating margin before R&D, share of revenue
  std::vector<float> loss_carried;   // tax losses carried forward, CNY
  std::vector<float> subsidy_year;   // lever cash received this year (income), CNY
  std::vector<double> revenue_year;  // revenue booked so far this year, CNY
  std::vector<double> rd_year;       // reported R&D so far this year (real + relabelled), CNY
  std::vector<double> rd_real_year;  // real R&D so far this year, CNY
  std::vector<float> support_year;   // lever money received this year, CNY
  std::vector<std::uint32_t> applications_year;           // invention patent applications this year
  std::array<std::vector<float>, kHistoryYears> rd_hist;  // [0] = last complete year
  std::array<std::vector<float>, kHistoryYears> revenue_hist;  // [0] = last complete year
  std::vector<std::uint32_t> patents;                          // granted invention patents held
  // The ecosystem around the firm.
  std::vector<std::uint32_t> carrier;     // id of the carrier it is a tenant of, 0 = none
  std::vector<std::int32_t> tenancy_end;  // step at which it graduates
  std::vector<float> loan;                // tech loan balance, CNY
  std::vector<std::uint32_t> rd_staff;    // R&D persons employed (talent agents)
  std::vector<std::uint8_t> leading;      // leading talents employed

  std::size_t size() const { return id.size(); }
  bool has(std::size_t i, FirmFlag f) const { return (flags[i] & f) != 0; }
  void set(std::size_t i, FirmFlag f, bool on) {
    flags[i] = on ? (flags[i] | f) : (flags[i] & ~static_cast<std::uint32_t>(f));
  }

  // Appends a default firm and returns its row. ModelError for an id of kFirmIdLimit or more.
  std::size_t add(std::uint64_t new_id);
  // Appends `n` default firms with ids first_id, first_id + 1, ... (the base year's table).
  // ModelError if the last id is kFirmIdLimit or more.
  void add_rows(std::uint64_t first_id, std::size_t n);
  // Moves rows flagged kDead to the end of `exited`, keeping the order of the rest.
  void move_dead_to(FirmTable& exited);
  // Removes rows flagged kDead, keeping the order of the rest.
  void drop_dead();
  // Rolls the year's flows into the three-year history and zeroes them for the next year.
  void open_year();
  void clear();
  // Row of the firm with this id, or -1.
  std::int64_t find(std::uint64_t firm_id) const;
  // The row of every id from 0 to the last (-1: none), for many lookups at once: one read
  // each instead of a binary search that leaves the caches on a large table.
  Scratch<std::int32_t> rows_by_id() const;
  void reserve(std::size_t n);
};

// Applies f(name, column of a, column of b) to the same column of two tables, for every
// column: the one list of columns, so that adding a column cannot miss a structural
// operation or the saved state (io/state_file.cpp). `Table` may be const.
template <class Table, class F>
void for_each_column_pair(Table& a, Table& b, F f) {
  static constexpr const char* kRdHist[kHistoryYears] = {"rd_hist_0", "rd_hist_1", "rd_hist_2"};
  static constexpr const char* kRevenueHist[kHistoryYears] = {"revenue_hist_0", "revenue_hist_1",
                                                              "revenue_hist_2"};
#define INNOSIM_COLUMN(c) f(#c, a.c, b.c)
  INNOSIM_COLUMN(id);
  INNOSIM_COLUMN(stream_key);
  INNOSIM_COLUMN(flags);
  INNOSIM_COLUMN(sector);
  INNOSIM_COLUMN(birth_step);
  INNOSIM_COLUMN(hnte_expiry);
  INNOSIM_COLUMN(specialized_expiry);
  INNOSIM_COLUMN(revenue);
  INNOSIM_COLUMN(productivity);
  INNOSIM_COLUMN(high_tech_revenue_share);
  INNOSIM_COLUMN(latent_intensity);
  INNOSIM_COLUMN(intensity);
  INNOSIM_COLUMN(relabel);
  INNOSIM_COLUMN(grant_rd);
  INNOSIM_COLUMN(cash);
  INNOSIM_COLUMN(knowledge);
  INNOSIM_COLUMN(profit_last);
  INNOSIM_COLUMN(margin);
  INNOSIM_COLUMN(loss_carried);
  INNOSIM_COLUMN(subsidy_year);
  INNOSIM_COLUMN(revenue_year);
  INNOSIM_COLUMN(rd_year);
  INNOSIM_COLUMN(rd_real_year);
  INNOSIM_COLUMN(support_year);
  INNOSIM_COLUMN(applications_year);
  INNOSIM_COLUMN(patents);
  INNOSIM_COLUMN(carrier);
  INNOSIM_COLUMN(tenancy_end);
  INNOSIM_COLUMN(loan);
  INNOSIM_COLUMN(rd_staff);
  INNOSIM_COLUMN(leading);
#undef INNOSIM_COLUMN
  for (int h = 0; h < kHistoryYears; ++h) {
    f(kRdHist[h], a.rd_hist[h], b.rd_hist[h]);
    f(kRevenueHist[h], a.revenue_hist[h], b.revenue_hist[h]);
  }
}

}  // namespace innosim
