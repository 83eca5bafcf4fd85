# Peer (d): deSolve::lsoda with a compiled C model (desolve_model.c, built with R CMD SHLIB), all patients in one
# banded system, the intakes as compiled events.
#
# Usage (run.sh's driver starts it): Rscript desolve_peer.R <dir> <patients> <desolve_model.so>
# One lsoda call for the whole horizon: output times the plan's rows, event times the intake instants (the event
# applies the store limit to every patient), the Jacobian supplied in banded form (jactype "bandusr", 2 below and 3
# above the diagonal), rtol 1e-10, atol 1e-12 µg. The rows' statistics (log histograms of stores and serum, the
# count below the serum threshold) are vectorised over the patients. Writes <dir>/desolve.f64 (the first `agree`
# patients' stores and serum), prints "ready desolve <n>", then answers each "run R" line with the process CPU
# seconds of R runs (proc.time(): user + system).
suppressPackageStartupMessages(library(deSolve))

args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
so <- args[3]
RTOL <- 1e-10
ATOL <- 1e-12
SUB_BITS <- 7L
BINS <- 40L * 128L

meta <- read.csv(file.path(dir, "scenario.csv"), stringsAsFactors = FALSE)
value <- function(key) meta$value[meta$key == key]
exported <- as.integer(value("patients"))
n <- min(as.integer(args[2]), exported)
rows <- as.integer(value("rows"))
intakes <- as.integer(value("intakes"))
kinds <- max(as.integer(value("kinds")), 1L)
threshold <- as.numeric(value("threshold_pg_ml"))
agree <- min(as.integer(value("agree")), n)
read_bin <- function(name, what, size, count) {
  con <- file(file.path(dir, name), "rb")
  on.exit(close(con))
  readBin(con, what, n = count, size = size, endian = "little")
}
intervals <- read_bin("intervals.f64", "double", 8, as.integer(value("intervals")))
steps <- matrix(read_bin("steps.i32", "integer", 4, 2 * as.integer(value("steps"))), nrow = 2)
p <- matrix(read_bin("patients.f64", "double", 8, 17 * exported), nrow = 17)[, seq_len(n), drop = FALSE]
outcomes <- read_bin("outcomes.f64", "double", 8, 6 * kinds * exported)[seq_len(6 * kinds * n)]
outcome_index <- read_bin("outcome_index.u8", "integer", 1, intakes * exported)
outcome_index <- if (intakes > 0) outcome_index[seq_len(intakes * n)] else integer(0)

# The plan's steps as times: the rows' and the intakes' instants, days.
time <- cumsum(ifelse(steps[1, ] >= 0, intervals[pmax(steps[1, ], 0) + 1], 0))
action <- steps[2, ]
# (R reads the "no action" marker, INT_MIN, as NA.)
row_times <- time[!is.na(action) & action < 0]
intake_times <- time[!is.na(action) & action >= 0]

dyn.load(so)
scenario <- function(count) {
  kT <- p[1, 1:count]; phi <- p[2, 1:count]; kH <- p[3, 1:count]; eH <- p[4, 1:count]; eT <- p[5, 1:count]
  r <- p[6, 1:count]; ks <- p[7, 1:count]; kB <- p[8, 1:count]; theta <- p[9, 1:count]
  coef <- rbind(-kT, r + eT, (1 - theta) * kB, phi * kT, -kH, eH, theta * kB, (1 - phi) * kT, kH, -(ks + eH + eT), -kB, -p[10, 1:count], -p[11, 1:count])
  invisible(.C("set_scenario", as.integer(count), as.integer(kinds), as.integer(intakes), as.double(coef), as.double(p[12, 1:count]),
               as.double(outcomes[seq_len(6 * kinds * count)]), as.integer(outcome_index[seq_len(intakes * count)]), as.double(intake_times)))
}

key_low <- bitwShiftR(readBin(writeBin(2^-16, raw(), endian = "little"), "integer", n = 2, size = 4, endian = "little")[2], 13L)
keys <- function(x) {
  high <- readBin(writeBin(x, raw(), endian = "little"), "integer", n = 2 * length(x), size = 4, endian = "little")[c(FALSE, TRUE)]
  pmin(pmax(bitwShiftR(high, 13L) - key_low, 0L), BINS - 1L) + 1L
}

run <- function(count, keep = 0) {
  scenario(count)
  .C("reset_events")
  y0 <- as.vector(rbind(p[13, 1:count], p[14, 1:count], p[15, 1:count], 0, 0, 0))
  out <- lsoda(y0, row_times, func = "derivs", parms = NULL, dllname = sub("\\.so$", "", basename(so)), initfunc = "initmod",
               jacfunc = "jac", jactype = "bandusr", bandup = 3, banddown = 2, rtol = RTOL, atol = ATOL, maxsteps = 1e6,
               events = list(func = "event", time = unique(intake_times)))
  pools <- out[, -1, drop = FALSE]
  stores <- pools[, seq(3, 6 * count, by = 6), drop = FALSE]
  serum <- (pools[, seq(1, 6 * count, by = 6), drop = FALSE] + pools[, seq(2, 6 * count, by = 6), drop = FALSE] + pools[, seq(4, 6 * count, by = 6), drop = FALSE]) *
    rep(p[16, 1:count], each = nrow(pools)) + pools[, seq(5, 6 * count, by = 6), drop = FALSE] * rep(p[17, 1:count], each = nrow(pools))
  stores_hist <- matrix(0L, BINS, rows)
  serum_hist <- matrix(0L, BINS, rows)
  below <- integer(rows)
  for (k in seq_len(rows)) {
    stores_hist[, k] <- tabulate(keys(stores[k, ]), BINS)
    serum_hist[, k] <- tabulate(keys(serum[k, ]), BINS)
    below[k] <- sum(serum[k, ] < threshold)
  }
  if (keep > 0) list(stores = stores[, 1:keep, drop = FALSE], serum = serum[, 1:keep, drop = FALSE]) else below
}

series <- run(agree, agree)
con <- file(file.path(dir, "desolve.f64"), "wb")
writeBin(as.vector(rbind(as.vector(series$stores), as.vector(series$serum))), con, size = 8, endian = "little")
close(con)
source("peer_server.R")
serve("desolve", n, function() run(n), sum)
