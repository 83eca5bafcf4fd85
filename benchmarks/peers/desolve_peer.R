# The B12Dosing pool model as an ODE system for deSolve::lsoda, integrated piecewise between doses.
#
# Usage: Rscript desolve_peer.R <dir> <patients>
# Reads the scenario the library exported (scenario.csv, patients.csv, doses.csv: rate constants, initial pools and
# where each dose goes, nothing retyped) and writes <dir>/desolve.csv (patient, day, stores_ug, plasma_ug at every
# output day, taken just before any dose on that day) and <dir>/desolve_timing.csv (seconds per patient-year; the
# integration only, in CPU time).
#
#   T holotranscobalamin, H holohaptocorrin, S stores, B protein-bound OHCbl, E free (to urine), L labile excess:
#   dT/dt = -kT T + (r + eT) S + (1-theta) kB B     dH/dt = phi kT T - kH H + eH S + theta kB B
#   dS/dt = (1-phi) kT T + kH H - (ks + eH + eT) S  dB/dt = -kB B     dE/dt = -kE E     dL/dt = -kL L
#   at a dose: of the kept amount R the body (M = T + H + S + B) takes up
#   Mmax t (1 - x^2) / (1 + x t), x = M/Mmax, t = tanh(R/Mmax), in proportion to where R goes; the rest joins L.
suppressPackageStartupMessages(library(deSolve))

args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
limit <- as.integer(args[2])
RTOL <- 1e-10
ATOL <- 1e-12 # µg, as the scipy peer

scenario <- read.csv(file.path(dir, "scenario.csv"))
patients <- head(read.csv(file.path(dir, "patients.csv")), limit)
doses <- read.csv(file.path(dir, "doses.csv"))
output_days <- seq(0, scenario$days, by = scenario$step_days)

generator <- function(p) {
  a <- matrix(0, 6, 6)
  a[1, 1] <- -p$tc_per_day; a[1, 3] <- p$reabsorption_per_day + p$tc_release_per_day; a[1, 4] <- (1 - p$hc_share) * p$protein_per_day
  a[2, 1] <- p$tc_to_hc * p$tc_per_day; a[2, 2] <- -p$hc_per_day; a[2, 3] <- p$hc_release_per_day; a[2, 4] <- p$hc_share * p$protein_per_day
  a[3, 1] <- (1 - p$tc_to_hc) * p$tc_per_day; a[3, 2] <- p$hc_per_day; a[3, 3] <- -(p$store_exit_per_day + p$hc_release_per_day + p$tc_release_per_day)
  a[4, 4] <- -p$protein_per_day; a[5, 5] <- -p$free_per_day; a[6, 6] <- -p$labile_per_day
  a
}

f <- function(t, y, a) list(as.vector(a %*% y))
jac <- function(t, y, a) a

apply_dose <- function(y, d, mmax) {
  kept <- d$tc_ug + d$hc_ug + d$tissue_ug + d$protein_ug
  x <- (y[1] + y[2] + y[3] + y[4]) / mmax
  accepted <- 0
  if (x < 1 && kept > 0) {
    t <- tanh(kept / mmax)
    accepted <- min(kept, mmax * t * (1 - x * x) / (1 + x * t))
  }
  share <- if (kept > 0) accepted / kept else 0
  y + c(share * d$tc_ug, share * d$hc_ug, share * d$tissue_ug, share * d$protein_ug, d$urine_ug, kept - accepted)
}

simulate <- function(a, mmax, y0, d) {
  out <- matrix(NA_real_, length(output_days), 6)
  out[1, ] <- y0
  y <- y0
  t <- 0
  horizon <- output_days[length(output_days)]
  d <- d[order(d$day), ]
  days <- c(d$day, horizon)
  for (e in seq_along(days)) {
    day <- days[e]
    if (day > t) {
      idx <- which(output_days > t & output_days <= day)
      times <- unique(c(t, output_days[idx], day))
      sol <- lsoda(y, times, f, a, rtol = RTOL, atol = ATOL, jacfunc = jac, jactype = "fullusr")
      rows <- match(output_days[idx], sol[, 1])
      out[idx, ] <- sol[rows, 2:7]
      y <- sol[nrow(sol), 2:7]
      t <- day
    }
    if (e <= nrow(d)) y <- apply_dose(y, d[e, ], mmax)
  }
  out
}

by_patient <- split(doses, doses$patient)
results <- vector("list", nrow(patients))
cpu <- function() { t <- proc.time(); t[["user.self"]] + t[["sys.self"]] }
start <- cpu()
for (i in seq_len(nrow(patients))) {
  row <- patients[i, ]
  d <- by_patient[[as.character(row$patient)]]
  if (is.null(d)) d <- data.frame(day = numeric(0), tc_ug = numeric(0), hc_ug = numeric(0), tissue_ug = numeric(0), protein_ug = numeric(0), urine_ug = numeric(0))
  results[[i]] <- simulate(generator(row), row$max_body_ug, c(row$tc0_ug, row$hc0_ug, row$stores0_ug, 0, 0, 0), d)
}
elapsed <- cpu() - start
per_patient_year <- elapsed / nrow(patients) / (scenario$days / 365)

lines <- unlist(lapply(seq_len(nrow(patients)), function(i) {
  r <- results[[i]]
  sprintf("%d,%.17g,%.17g,%.17g", patients$patient[i], output_days, r[, 3], r[, 1] + r[, 2] + r[, 4] + r[, 5])
}))
writeLines(c("patient,day,stores_ug,plasma_ug", lines), file.path(dir, "desolve.csv"))
writeLines(c("seconds_per_patient_year", sprintf("%.17g", per_patient_year)), file.path(dir, "desolve_timing.csv"))
cat(sprintf("deSolve %s lsoda: %d patients in %.2f s of CPU, %.2f ms per patient-year\n", as.character(packageVersion("deSolve")), nrow(patients), elapsed, per_patient_year * 1e3))
