"""Python baseline for the ledger actuals bench: the same group-by as `fn-model actuals`,
written the way an analyst would, with the standard csv module and decimal.Decimal.

    python3 bench/baseline.py LEDGER.csv MAP.csv  > totals.json

Prints {"lines": {"table|line": "pounds"}, "unmapped": "pounds", "total": "pounds", "rows": n}
with amounts as exact decimal strings (two places). Map precedence matches fn-model:
cost centre pattern first, then account; exact > range > prefix > *; then more specific.
"""
import csv
import json
import sys
from decimal import Decimal

RANK = {"exact": 3, "range": 2, "prefix": 1, "any": 0}


def pattern(text):
    text = text.strip()
    if text == "*":
        return ("any",)
    if text.endswith("*"):
        return ("prefix", text[:-1])
    if "-" in text:
        low, high = text.split("-", 1)
        if len(low) == len(high) and low and high:
            return ("range", low, high)
    return ("exact", text)


def matches(p, code):
    kind = p[0]
    if kind == "exact":
        return code == p[1]
    if kind == "range":
        return len(code) == len(p[1]) and p[1] <= code <= p[2]
    if kind == "prefix":
        return code.startswith(p[1])
    return True


def specificity(p):
    if p[0] == "prefix":
        return (RANK["prefix"], len(p[1]))
    if p[0] == "range":
        return (RANK["range"], -(int(p[2]) - int(p[1])) if p[1].isdigit() and p[2].isdigit() else 0)
    return (RANK[p[0]], 0)


def main():
    ledger_path, map_path = sys.argv[1], sys.argv[2]
    rules = []
    with open(map_path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            rules.append((pattern(row["cost_centre"]), pattern(row["account"]), row["table"], row["line"]))
    line_order = []
    for rule in rules:
        if (rule[2], rule[3]) not in line_order:
            line_order.append((rule[2], rule[3]))
    cache = {}

    def resolve(cc, account):
        best = None
        for rule in rules:
            if matches(rule[0], cc) and matches(rule[1], account):
                key = (specificity(rule[0]), specificity(rule[1]))
                if best is None or key > best[0]:
                    best = (key, (rule[2], rule[3]))
        return best[1] if best else None

    totals = {}
    rows = 0
    with open(ledger_path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader)]
        i_cc, i_account, i_amount = header.index("cost_centre"), header.index("account"), header.index("amount")
        for row in reader:
            if not row:
                continue
            key = (row[i_cc].strip(), row[i_account].strip())
            totals[key] = totals.get(key, Decimal(0)) + Decimal(row[i_amount])
            rows += 1
    lines = {f"{t}|{l}": Decimal(0) for t, l in line_order}
    unmapped = Decimal(0)
    for (cc, account), amount in totals.items():
        target = cache.get((cc, account)) or resolve(cc, account)
        if target is None:
            unmapped += amount
        else:
            lines[f"{target[0]}|{target[1]}"] += amount
    total = sum(totals.values(), Decimal(0))
    q = Decimal("0.01")
    json.dump({"rows": rows, "lines": {k: str(v.quantize(q)) for k, v in lines.items()}, "unmapped": str(unmapped.quantize(q)), "total": str(total.quantize(q))}, sys.stdout, indent=1)


main()
