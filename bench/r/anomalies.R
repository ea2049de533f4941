# Reference anomaly detector for bench/anomalies.ts: robust STL with a periodic seasonal window
# (stats::stl, s.window = "periodic", robust = TRUE), then Rosner's (1983) generalized ESD test on
# the remainder (mean and standard deviation, two-sided, alpha), at most max_share of the points.
# Usage: Rscript bench/r/anomalies.R IN.csv OUT.csv period alpha max_share
# IN: one series per line, space-separated values. OUT: one line per series, the flagged 0-based indices.
args <- commandArgs(trailingOnly = TRUE)
period <- as.numeric(args[3]); alpha <- as.numeric(args[4]); share <- as.numeric(args[5])
gesd <- function(x, alpha, r) {
  n <- length(x); idx <- seq_len(n); out <- integer(0); found <- 0
  for (i in seq_len(r)) {
    m <- mean(x[idx]); s <- sd(x[idx])
    if (s == 0) break
    d <- abs(x[idx] - m); j <- which.max(d)
    R <- d[j] / s
    nn <- n - i + 1
    p <- 1 - alpha / (2 * nn)
    t <- qt(p, nn - 2)
    lambda <- (nn - 1) * t / sqrt((nn - 2 + t^2) * nn)
    out <- c(out, idx[j]); idx <- idx[-j]
    if (R > lambda) found <- i
  }
  if (found == 0) integer(0) else out[seq_len(found)]
}
lines <- readLines(args[1])
res <- character(length(lines))
for (k in seq_along(lines)) {
  y <- as.numeric(strsplit(lines[k], " ")[[1]])
  fit <- stl(ts(y, frequency = period), s.window = "periodic", robust = TRUE)
  rem <- as.numeric(fit$time.series[, "remainder"])
  res[k] <- paste(sort(gesd(rem, alpha, floor(share * length(y))) - 1), collapse = " ")
}
writeLines(res, args[2])
