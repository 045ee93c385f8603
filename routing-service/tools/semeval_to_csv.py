#!/usr/bin/env python3
"""Writes the sentences of a SemEval-2016 ABSA file with one unambiguous polarity as a CSV (text,polarity).

    python3 tools/semeval_to_csv.py ../../shared/data/semeval2016-absa-dutch-restaurants/DU_REST_SB1_TEST.xml.gold /tmp/semeval-test.csv

Sentence level: a sentence whose opinions all share one polarity gets it; sentences without opinions or with mixed
polarities are left out. (The official Slot 3 task scores each aspect opinion, so these figures are not comparable.)
Research data: write the CSV outside the project.
"""
import csv
import sys
import xml.etree.ElementTree as ET

source, target = sys.argv[1], sys.argv[2]
with open(target, "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    writer.writerow(["text", "polarity"])
    for sentence in ET.parse(source).getroot().iter("sentence"):
        polarities = {o.get("polarity") for o in sentence.iter("Opinion")}
        if len(polarities) == 1:
            writer.writerow([sentence.findtext("text"), polarities.pop()])
