"""Writes a deterministic orders CSV of N rows (the benchmark input)."""
import random
import sys

rows = int(sys.argv[1])
path = sys.argv[2]
random.seed(7)
statuses = ["paid", "pending", "refunded", "shipped"]
currencies = ["USD", "EUR", "GBP"]
with open(path, "w", buffering=1 << 20) as out:
    out.write("order_id,customer_email,amount,currency,status,created_at\n")
    base = 1735689600  # 2025-01-01T00:00:00Z
    for i in range(1, rows + 1):
        t = base + i * 7
        day, rem = divmod(t - base, 86400)
        out.write(
            f"{i},customer{random.randint(1, 900000)}@example.com,{random.randint(100, 999999) / 100:.2f},"
            f"{currencies[i % 3]},{statuses[i % 4]},2025-{1 + (day // 28) % 12:02d}-{1 + day % 28:02d}T"
            f"{rem // 3600:02d}:{(rem // 60) % 60:02d}:{rem % 60:02d}Z\n"
        )
