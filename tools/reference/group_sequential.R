# Critical values of one-sided Lan-DeMets group-sequential designs (alpha = 0.05, equally spaced
# stages), computed once with Debian's r-cran-rpact (`Rscript tools/reference/group_sequential.R`);
# pinned in specs/stats/groupSequential.test.ts. Nothing in `npm test` runs it.
library(rpact)
cat("rpact", as.character(packageVersion("rpact")), "\n")
for (type in c("asOF", "asP")) {
  for (k in 2:5) {
    d <- getDesignGroupSequential(kMax = k, alpha = 0.05, sided = 1, typeOfDesign = type)
    cat(type, k, sprintf("%.6f", d$criticalValues), "\n")
  }
}
