# R's forecast package on the M3 monthly series, for bench/m3.ts (run only when Rscript and the
# forecast package are installed). Usage: Rscript bench/r/m3.R m3_monthly.csv OUT.csv [methods]
# Writes one row per series: series, method, space-separated forecasts h1..h18; and prints the
# 90% lag-12 autocorrelation test's count of seasonal series (the M3/Theta practice).
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
methods <- if (length(args) >= 3) strsplit(args[3], ",")[[1]] else c("thetaf", "ets")
out <- file(args[2], "w")
seasonal <- 0
for (i in seq_len(nrow(d))) {
  v <- as.numeric(strsplit(trimws(d$values[i]), "\\s+")[[1]])
  h <- d$nf[i]
  y <- ts(v[1:(length(v) - h)], frequency = 12)
  r <- acf(y, lag.max = 12, plot = FALSE)$acf[-1]
  lim <- qnorm(0.95) * sqrt((1 + 2 * sum(r[1:11]^2)) / length(y))
  if (abs(r[12]) > lim) seasonal <- seasonal + 1
  for (m in methods) {
    f <- switch(m,
      thetaf = thetaf(y, h = h)$mean,
      ets = forecast(ets(y), h = h)$mean,
      arima = forecast(auto.arima(y), h = h)$mean)
    writeLines(paste(d$series[i], m, paste(sprintf("%.15g", as.numeric(f)), collapse = " "), sep = ","), out)
  }
}
close(out)
cat("lag-12 autocorrelation test (90%) seasonal:", seasonal, "of", nrow(d), "\n")
