# What the R peers (desolve_peer.R, desolve3_peer.R) share: the server loop run.sh's drivers talk to. Says
# "ready <name> <n>", then answers each "run R" line on standard input with the process CPU seconds (proc.time():
# user + system) of R calls of run() and value(the last call's result).
serve <- function(name, n, run, value) {
  cat(sprintf("ready %s %d\n", name, n))
  flush(stdout())
  cpu <- function() { t <- proc.time(); t[["user.self"]] + t[["sys.self"]] }
  input <- file("stdin")
  open(input)
  while (length(line <- readLines(input, n = 1)) > 0) {
    parts <- strsplit(trimws(line), " +")[[1]]
    if (length(parts) == 0 || parts[1] != "run") next
    repeats <- if (length(parts) > 1) as.integer(parts[2]) else 1L
    start <- cpu()
    for (k in seq_len(repeats)) result <- run()
    cat(sprintf("%.17g %.17g\n", cpu() - start, value(result)))
    flush(stdout())
  }
}
