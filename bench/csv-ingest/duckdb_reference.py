"""The reference: DuckDB converting the same CSV to Parquet (what users would otherwise pick)."""
import sys
import time

import duckdb

csv, parquet = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute("SET threads TO 2")
start = time.perf_counter()
con.execute(f"COPY (SELECT * FROM read_csv('{csv}', header=true)) TO '{parquet}' (FORMAT parquet, COMPRESSION zstd)")
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f}")
