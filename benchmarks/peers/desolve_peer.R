# The B12Dosing pool model as an ODE system for deSolve::lsoda, integrated piecewise between doses.
#
# Usage: Rscript desolve_peer.R <dir> <patients>
# Reads the scenario the library exported (scenario.csv, patients.csv, doses.csv: rate constants, initial pools and
# each dose's retained amount, nothing retyped) and writes <dir>/desolve.csv (patient, day, stores_ug, plasma_ug at
# every output day, taken just before any dose on that day) and <dir>/desolve_timing.csv (seconds per patient-year;
# the integration only, in CPU time).
#
#   dP/dt = -k_t P + r S        dS/dt = k_t P - k_s S        at a dose: P += retained
suppressPackageStartupMessages(library(deSolve))

args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
limit <- as.integer(args[2])
RTOL <- 1e-8
ATOL <- 1e-9 # µg, as the scipy peer

scenario <- read.csv(file.path(dir, "scenario.csv"))
patients <- head(read.csv(file.path(dir, "patients.csv")), limit)
doses <- read.csv(file.path(dir, "doses.csv"))
output_days <- seq(0, scenario$days, by = scenario$step_days)

f <- function(t, y, p) list(c(-p[1] * y[1] + p[2] * y[2], p[1] * y[1] - p[3] * y[2]))
jac <- function(t, y, p) matrix(c(-p[1], p[1], p[2], -p[3]), 2, 2)

simulate <- function(p, y0, d) {
  out <- matrix(NA_real_, length(output_days), 2)
  out[1, ] <- y0
  y <- y0
  t <- 0
  horizon <- output_days[length(output_days)]
  events <- rbind(d[order(d$day), c("day", "retained_ug")], data.frame(day = horizon, retained_ug = 0))
  for (e in seq_len(nrow(events))) {
    day <- events$day[e]
    if (day > t) {
      idx <- which(output_days > t & output_days <= day)
      times <- unique(c(t, output_days[idx], day))
      sol <- lsoda(y, times, f, p, rtol = RTOL, atol = ATOL, jacfunc = jac, jactype = "fullusr")
      rows <- match(output_days[idx], sol[, 1])
      out[idx, ] <- sol[rows, 2:3]
      y <- sol[nrow(sol), 2:3]
      t <- day
    }
    y[1] <- y[1] + events$retained_ug[e]
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
  if (is.null(d)) d <- data.frame(day = numeric(0), retained_ug = numeric(0))
  results[[i]] <- simulate(c(row$transit_per_day, row$reabsorption_per_day, row$store_exit_per_day), c(row$plasma0_ug, row$stores0_ug), d)
}
elapsed <- cpu() - start
per_patient_year <- elapsed / nrow(patients) / (scenario$days / 365)

lines <- unlist(lapply(seq_len(nrow(patients)), function(i) {
  sprintf("%d,%.17g,%.17g,%.17g", patients$patient[i], output_days, results[[i]][, 2], results[[i]][, 1])
}))
writeLines(c("patient,day,stores_ug,plasma_ug", lines), file.path(dir, "desolve.csv"))
writeLines(c("seconds_per_patient_year", sprintf("%.17g", per_patient_year)), file.path(dir, "desolve_timing.csv"))
cat(sprintf("deSolve %s lsoda: %d patients in %.2f s of CPU, %.2f ms per patient-year\n", as.character(packageVersion("deSolve")), nrow(patients), elapsed, per_patient_year * 1e3))
