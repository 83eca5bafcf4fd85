# Model 3's deSolve peer: deSolve::lsoda with a compiled C model (desolve3_model.c, built with R CMD SHLIB): the 18
# entries of scenario3.py, the right-hand side and the full Jacobian in C (jactype "fullusr"), the deposits as
# deSolve's data events (method "add": the IF-mediated part into gut1, the rest into its site).
#
# Usage (bench3.py starts it): Rscript desolve3_peer.R <dir> <desolve3_model.so>
# One lsoda call for the patient-year: output times the rows (hours), events the deposits; rtol 1e-7, atol 1e-12 µg
# (the library's own tolerances; lsoda switches to BDF where the free pool makes the system stiff). Writes
# <dir>/desolve.f64 (the series, 6 values a row as b12dosing.f64), prints "ready desolve 1", then answers each
# "run R" line with the process CPU seconds of R runs (proc.time(): user + system).
suppressPackageStartupMessages(library(deSolve))

args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
so <- args[2]
RTOL <- 1e-7
ATOL <- 1e-12
RATE_NAMES <- c("injC", "injH", "mucosal", "nasal", "gut", "renal", "renalH", "proteinH", "vt", "kt", "bind", "bindH", "capT", "capH",
                "kT", "phi", "kH", "eH", "eT", "r", "ks", "kB", "theta", "kL", "max", "kP", "psi", "apoH", "kS", "sRef")
STATE <- 18L

meta <- read.csv(file.path(dir, "scenario.csv"), stringsAsFactors = FALSE)
rates <- read.csv(file.path(dir, "rates.csv"), stringsAsFactors = FALSE)
if (!all(RATE_NAMES %in% rates$name) || meta$value[meta$key == "entries"] != "23") stop("the export does not match this peer")
parms <- rates$value[match(RATE_NAMES, rates$name)]
rows <- as.integer(meta$value[meta$key == "rows"])
read_f64 <- function(name, count) {
  con <- file(file.path(dir, name), "rb")
  on.exit(close(con))
  readBin(con, "double", n = count, size = 8, endian = "little")
}
y0 <- setNames(read_f64("initial.f64", 23)[seq_len(STATE)], strsplit(meta$value[meta$key == "layout"], " ")[[1]][seq_len(STATE)])
steps <- matrix(read_f64("steps.f64", 5 * as.integer(meta$value[meta$key == "steps"])), nrow = 5)
time <- cumsum(steps[1, ])
deposit <- steps[2, ] == 1
row <- steps[2, ] == 2
row_times <- time[row][order(steps[3, row])]
# Two events a deposit: the IF-mediated part into gut1 (entry 7 in R's 1-based numbering), the rest into its site.
events <- data.frame(var = c(rep(7L, sum(deposit)), as.integer(steps[4, deposit]) + 1L),
                     time = rep(time[deposit], 2), value = c(steps[3, deposit], steps[5, deposit]), method = "add")
events <- events[order(events$time, events$var), ]
events <- events[events$value != 0, ]

dyn.load(so)
model <- sub("\\.so$", "", basename(so))
run <- function() {
  lsoda(y0, row_times, func = "derivs", parms = parms, dllname = model, initfunc = "initmod", jacfunc = "jac",
        jactype = "fullusr", rtol = RTOL, atol = ATOL, maxsteps = 1e6, events = list(data = events))
}

out <- run()
y <- out[, -1, drop = FALSE]
series <- cbind(y[, 14] + y[, 17], y[, 12], y[, 13], y[, 15], y[, 10] + y[, 11], y[, 18])
con <- file(file.path(dir, "desolve.f64"), "wb")
writeBin(as.vector(t(series)), con, size = 8, endian = "little")
close(con)
source("peer_server.R")
serve("desolve", 1L, run, function(result) result[nrow(result), "S"])
