#!/usr/bin/env python3
"""Reference chrF / chrF++ values computed by sacrebleu, for culturekit's own implementation (src/translate/chrf.ts).

Usage: .culturekit/venv/bin/python scripts/make-chrf-fixture.py > test/fixtures/sacrebleu-chrf.json

Each case has hypotheses and one or more reference streams (refs[k][i] is reference k of segment i). For every case
the fixture holds sacrebleu's corpus score (CHRF().corpus_score) and each segment's sentence score
(CHRF().sentence_score with that segment's references), for chrF (word_order=0) and chrF++ (word_order=2), with the
default settings: char_order 6, beta 2, case-sensitive, whitespace removed, effective order.
"""

import json
import sys

import sacrebleu
from sacrebleu.metrics import CHRF

CASES = [
    {
        "name": "check values (ADAPTATION.md)",
        "hyps": ["Der Hund bellt laut.", "猫は寝ている"],
        "refs": [["Der Hund bellt sehr laut.", "猫が寝ている"]],
    },
    {
        "name": "ascii",
        "hyps": ["The cat sat on the mat.", "It is raining today, isn't it?", "Hello world"],
        "refs": [["The cat is sitting on the mat.", "Today it rains, doesn't it?", "Hello, world!"]],
    },
    {
        "name": "german",
        "hyps": ["Die Straße ist nass, weil es geregnet hat.", "Größere Äpfel schmecken süßer."],
        "refs": [["Die Straße ist naß, da es regnete.", "Grössere Äpfel schmecken süsser."]],
    },
    {
        "name": "cjk",
        "hyps": ["今日は天気がいいですね。", "我今天去了商店买东西。", "한국어 문장입니다"],
        "refs": [["今日はいい天気ですね。", "我今天去商店买了东西。", "한국어 문장이에요"]],
    },
    {
        "name": "thai",
        "hyps": ["ฉันชอบกินข้าวผัด", "วันนี้อากาศดีมาก"],
        "refs": [["ฉันชอบกินข้าวผัดมาก", "อากาศวันนี้ดีมาก"]],
    },
    {
        "name": "arabic",
        "hyps": ["ذهبت إلى السوق أمس، واشتريت خبزًا.", "مرحبا بالعالم"],
        "refs": [["ذهبتُ إلى السوق البارحة واشتريت الخبز.", "مرحباً بالعالم!"]],
    },
    {
        "name": "hindi and devanagari danda",
        "hyps": ["मैं बाज़ार गया।", "यह एक परीक्षण है"],
        "refs": [["मैं बाजार गया था।", "यह परीक्षण है।"]],
    },
    {
        "name": "empty strings",
        "hyps": ["", "abc", "", "x"],
        "refs": [["", "", "abc", "x"]],
    },
    {
        "name": "whitespace variants",
        "hyps": [
            "a\u3000b\u00a0c\td\ne",
            "zero\u200bwidth space",
            "  leading and trailing  ",
            "x\u2028y\u2029z\u202fw\u205fv\u1680u\u0085t",
            "fs\u001cgs\u001drs\u001eus\u001fend",
            "bom\ufeffinside",
        ],
        "refs": [
            [
                "a b c d e",
                "zero width space",
                "leading and trailing",
                "x y z w v u t",
                "fs gs rs us end",
                "bom inside",
            ]
        ],
    },
    {
        "name": "punctuation splitting",
        "hyps": [
            "Hello, world! (quoted) \"yes\" -dash- a. .b ,",
            "end。 word، „quote“ text।",
            "it's e.g. U.S.A. $5 #tag @user",
            "... !! ? ,, x",
        ],
        "refs": [
            [
                "Hello world (quoted) yes -dash- a .b",
                "end word quote text",
                "it is e.g. USA 5 dollars tag user",
                "x ?",
            ]
        ],
    },
    {
        "name": "case kept",
        "hyps": ["THE QUICK BROWN FOX", "The Quick Brown Fox"],
        "refs": [["the quick brown fox", "The Quick Brown Fox"]],
    },
    {
        "name": "short segments and repeated n-grams",
        "hyps": ["a", "ab", "aaaaaaa", "abababab", "no match"],
        "refs": [["b", "ab", "aaa", "baba", "zzz qqq"]],
    },
    {
        "name": "multi-reference",
        "hyps": ["The cat is on the mat.", "There is a dog in the garden.", "完全に違う"],
        "refs": [
            ["The cat sits on the mat.", "A dog is in the garden.", "全く違う"],
            ["On the mat is the cat.", "There is a dog in the yard.", "完全に異なる"],
            ["A cat lies on the mat.", "", "完全に違う"],
        ],
    },
    {
        "name": "emoji and astral code points",
        "hyps": ["I love 🍣 and 🍜!", "𠮷野家で食べた"],
        "refs": [["I love 🍣 and ramen 🍜", "𠮷野家で食べました"]],
    },
]


def scores(word_order):
    metric = CHRF(word_order=word_order)
    out = []
    for case in CASES:
        corpus = metric.corpus_score(case["hyps"], case["refs"]).score
        sentences = [metric.sentence_score(hyp, [refs[i] for refs in case["refs"]]).score for i, hyp in enumerate(case["hyps"])]
        out.append({"corpus": corpus, "sentences": sentences})
    return out, metric.get_signature().format()


def main():
    chrf, chrf_signature = scores(0)
    chrfpp, chrfpp_signature = scores(2)
    cases = []
    for index, case in enumerate(CASES):
        cases.append(
            {
                "name": case["name"],
                "hyps": case["hyps"],
                "refs": case["refs"],
                "chrf": chrf[index],
                "chrfpp": chrfpp[index],
            }
        )
    fixture = {
        "generator": "scripts/make-chrf-fixture.py",
        "sacrebleu": sacrebleu.__version__,
        "signatures": {"chrf": chrf_signature, "chrfpp": chrfpp_signature},
        "cases": cases,
    }
    json.dump(fixture, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
