#!/usr/bin/env python3
"""Turns a Pattern subjectivity lexicon (CLiPS, PDDL) into the TSV that routing-service ships.

    python3 tools/pattern_lexicon.py ../../shared/data/pattern-sentiment-lexicons/nl-sentiment.xml \
        src/main/resources/sentiment/pattern-nl.tsv

Like Pattern itself, the senses of a word form are averaged. Words that are mostly objective (averaged subjectivity
below 0.6, such as "first", "other", "available") or whose averaged polarity is near 0 are dropped. Output columns:
form, polarity (-1..1), subjectivity.
"""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

source, target = sys.argv[1], sys.argv[2]
root = ET.parse(source).getroot()
senses = defaultdict(list)
for word in root.iter("word"):
    form = word.get("form", "").strip().lower()
    if not form or " " in form:
        continue
    senses[form].append((float(word.get("polarity", "0")), float(word.get("subjectivity", "0"))))

with open(target, "w", encoding="utf-8") as out:
    out.write("# Processed from the Pattern subjectivity lexicon (%s), De Smedt & Daelemans, CLiPS.\n" % root.get("language"))
    out.write("# Licence: PDDL (Open Data Commons Public Domain Dedication). Senses averaged; columns: form, polarity, subjectivity.\n")
    for form in sorted(senses):
        values = senses[form]
        polarity = sum(p for p, _ in values) / len(values)
        subjectivity = sum(i for _, i in values) / len(values)
        if abs(polarity) < 0.1 or subjectivity < 0.6:
            continue
        out.write("%s\t%.3f\t%.2f\n" % (form, polarity, subjectivity))
