#!/usr/bin/env python3
"""Labels TWCS customer tweets with the brand that answered them, for the evaluation command.

TWCS (../shared/data/twcs-customer-support-on-twitter, CC BY-NC-SA 4.0: used to measure only) has no labels; the
brand whose support account replied is a meaningful one (what the complaint is about). Keeps inbound tweets answered
by exactly one brand within the file. Usage:
    python3 feedback-service/tools/twcs-brand-labels.py \
        ../shared/data/twcs-customer-support-on-twitter/twcs-first5000.csv > feedback-service/target/twcs-brand.csv
"""
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
by_id = {row["tweet_id"]: row for row in rows}
out = csv.writer(sys.stdout)
out.writerow(["tweet_id", "created_at", "text", "brand"])
for row in rows:
    if row["inbound"] != "True":
        continue
    brands = set()
    for reply_id in (row["response_tweet_id"] or "").split(","):
        reply = by_id.get(reply_id.strip())
        if reply is not None and reply["inbound"] == "False":
            brands.add(reply["author_id"])
    if len(brands) == 1:
        out.writerow([row["tweet_id"], row["created_at"], row["text"], brands.pop()])
