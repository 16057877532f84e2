#!/bin/sh
# Benchmark ordex against pdftotext -layout. Usage: bench/run.sh [CORPUS_DIR] [RUNS]
# Needs python3 (3.11+, standard library only), cargo, poppler-utils and qpdf.
exec python3 "$(dirname "$0")/bench.py" "$@"
