#!/usr/bin/python3
"""make_corpus.py OUT N SOURCE... — write N report files to OUT, varied
from the SOURCE reports (text or Markdown): the agency renamed, numbers
changed, parts five and six swapped now and then, a table total made
wrong now and then.  The same N gives the same files (fixed seed), so
benchmark runs compare like with like."""
import os
import random
import re
import sys

PLACES = ["东城", "西湖", "南山", "北塘", "青山", "白云", "金水", "玉泉", "长宁", "永安",
          "新华", "和平", "太平", "江北", "河西", "山阳", "海城", "云岭", "石门", "桃源"]
KINDS = ["区人民政府", "县人民政府", "区教育局", "区卫生健康委员会", "县自然资源局",
         "区市场监督管理局", "县公安局", "区财政局", "街道办事处", "镇人民政府"]
SECTION = re.compile(r"^[#\s]*([一二三四五六])、", re.M)


def swap_five_six(text):
    """Swap parts 五 and 六 when both are found as line starts."""
    starts = {m.group(1): m.start() for m in SECTION.finditer(text)}
    if "五" not in starts or "六" not in starts or starts["五"] > starts["六"]:
        return text
    a, b = starts["五"], starts["六"]
    return text[:a] + text[b:] + "\n" + text[a:b]


def vary_numbers(text, rng, rate):
    """Change some numbers of one to four digits that are not years."""
    def repl(m):
        s = m.group(0)
        if rng.random() >= rate or len(s) > 4:
            return s
        return str(max(0, int(s) + rng.randint(-3, 3)))
    return re.sub(r"(?<![0-9.])[0-9]{1,4}(?![0-9年.月日号])", repl, text)


def main():
    out, n, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    rng = random.Random(n)
    texts = []
    for path in sources:
        with open(path, encoding="utf-8", errors="replace") as f:
            texts.append((os.path.splitext(path)[1] or ".txt", f.read()))
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        ext, text = texts[i % len(texts)]
        agency = rng.choice(PLACES) + rng.choice(KINDS)
        # the agency: wherever a source names its own, in title lines
        text = re.sub(r"[\u4e00-\u9fff]{2,12}(人民政府|管委会|局|委员会|办公室|街道办事处)(?=20[0-9]{2}年)",
                      agency, text, count=3)
        if rng.random() < 0.5:
            text = vary_numbers(text, rng, 0.05)      # a few numbers off: findings
        if rng.random() < 0.1:
            text = swap_five_six(text)               # parts out of order
        name = "%05d%s" % (i, ext)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
