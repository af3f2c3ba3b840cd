#!/usr/bin/env python3
# layouts.py LAYOUT SEED OUT [ERRORS] — a 2023 report with the national
# tables laid out one way, random figures that satisfy every sum but for
# the errors asked for, and OUT.truth.json beside it: each cell of 表三 and
# 表四 as printed (null where printed blank).  The variants made with it:
#
#   crawled_run_2023.txt        crawled  11 run       a 表三 and a 表四 run of
#                                                     a digit a cell that does
#                                                     not add up
#   crawled_nosplit_2023.txt    crawled  12 nosplit   runs longer than their
#                                                     cells that no split
#                                                     makes add up
#   pipe_blank_2023.md          pipe     13 zeros     zero cells left blank
#   pipe_blank_total_2023.md    pipe     14 total     表三's 总计 column blank
#   grid_blank_2023.md          grid     15 zeros
#   grid_blank_total_2023.md    grid     16 total
#   html_blank_2023.html        html     17 zeros
#   html_blank_total_2023.html  html     18 total
#   word_2023.html              word     19 zeros     Word's HTML: mso- styles,
#                                                     a cell's markup over many
#                                                     lines, merged labels, a
#                                                     number split into runs
#
# Every variant but the crawled ones also has two plain errors: 表三
# （一）予以公开's 总计 one too many, and 表四 行政复议's 总计 one too
# few.  tests/variants/check_truth.py compares gouji's cells with the
# truth; tests/cli/variant_errors.cmd holds what the rules find.
import json, random, sys

layout, seed, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
mode = sys.argv[4] if len(sys.argv) > 4 else ''
random.seed(seed)
YEAR = 2023
COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total']
GROUPS = [
    ('（三）不予公开', [('denied_secret', '1.属于国家秘密'), ('denied_law', '2.其他法律行政法规禁止公开'),
                 ('denied_safety', '3.危及“三安全一稳定”'), ('denied_third_party', '4.保护第三方合法权益'),
                 ('denied_internal', '5.属于三类内部事务信息'), ('denied_process', '6.属于四类过程性信息'),
                 ('denied_enforcement', '7.属于行政执法案卷'), ('denied_query', '8.属于行政查询事项')]),
    ('（四）无法提供', [('unable_not_held', '1.本机关不掌握相关政府信息'), ('unable_create', '2.没有现成信息需要另行制作'),
                 ('unable_unclear', '3.补正后申请内容仍不明确')]),
    ('（五）不予处理', [('refused_complaint', '1.信访举报投诉类申请'), ('refused_repeat', '2.重复申请'),
                 ('refused_publication', '3.要求提供公开出版物'), ('refused_massive', '4.无正当理由大量反复申请'),
                 ('refused_confirm', '5.要求行政机关确认或重新出具已获取信息')]),
    ('（六）其他处理', [('other_overdue_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
                 ('other_overdue_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
                 ('other_misc', '3.其他')]),
]
TOP = [('new', '一、本年新收政府信息公开申请数量'), ('carried_over', '二、上年结转政府信息公开申请数量')]
SUB = [('granted', '（一）予以公开'), ('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')]
BLOCKS = ['review', 'suit_direct', 'suit_after_review']
ACOLS = ['upheld', 'corrected', 'other', 'pending', 'total']

# ---- the figures: every sum holds ----

def row(small=False):
    pool = [0, 0, 0, 1, 2, 3] if small else [0, 0, 0, 1, 2, 3, 5, 12, 27]
    v = [random.choice(pool) for _ in range(6)]
    return v + [sum(v)]

vals = {}
for key, _ in TOP:
    vals[key] = row()
result_keys = [k for k, _ in SUB] + [k for _, items in GROUPS for k, _ in items]
for key in result_keys:
    vals[key] = row(small=layout == 'crawled')
vals['total'] = [sum(vals[k][i] for k in result_keys) for i in range(7)]
cf = [random.choice([0, 0, 1, 4]) for _ in range(6)]
for i in range(6):
    vals['carried_over'][i] = random.choice([0, 1, 3])
    vals['new'][i] = vals['total'][i] + cf[i] - vals['carried_over'][i]
    if vals['new'][i] < 0:
        cf[i] -= vals['new'][i]
        vals['new'][i] = 0
for k in ('new', 'carried_over'):
    vals[k][6] = sum(vals[k][:6])
vals['carried_forward'] = cf + [sum(cf)]
appeals = {}
for b in BLOCKS:
    v = [random.choice([0, 0, 1, 2, 3]) for _ in range(4)]
    appeals[b] = v + [sum(v)]
active = {'regulations': [1, 0, 4], 'normative': [3, 1, 12]}
lic, pen, coe, fee = random.randint(1, 400), random.randint(0, 60), random.randint(0, 9), 3.5

# ---- the errors ----

# what each row prints, when not its numbers one by one (crawled runs)
printed = {}
if mode == 'run':
    # a digit a cell, not adding up: 8|1|0|0|0|0|8
    vals['partial'] = [8, 1, 0, 0, 0, 0, 8]
    appeals['review'] = [0, 1, 0, 0, 0]
elif mode == 'nosplit':
    # 8 digits for 7 cells, no split adds up (81|0|0|0|1|0|8, 8|10|…)
    printed['denied_internal'] = '81000108'
    vals['denied_internal'] = None
    # 16 digits for 15 cells: 行政复议 10001, then 21000 and a 5 that fits
    # no block, then 30003
    printed['appeals'] = '1000121000530003'
    appeals = None
elif layout != 'crawled':
    vals['granted'][6] += 1
    appeals['review'][4] = max(0, appeals['review'][4] - 1)

# ---- what each cell prints ----

def shown(key, i, v):
    """The text of a cell: its number, or '' where it is printed blank."""
    if mode == 'zeros' and v == 0:
        return ''
    if mode == 'total' and i == 6 and key not in ('appeals',):
        return ''
    return str(v)

truth = {'requests': {}, 'appeals': {}}
for key in ['new', 'carried_over'] + result_keys + ['total', 'carried_forward']:
    if vals.get(key) is None:
        continue
    truth['requests'][key] = {c: (None if shown(key, i, v) == '' else v)
                              for i, (c, v) in enumerate(zip(COLS, vals[key]))}
if appeals:
    for b in BLOCKS:
        truth['appeals'][b] = {c: (None if shown('appeals', 0, v) == '' else v)
                               for c, v in zip(ACOLS, appeals[b])}
if mode == 'nosplit':
    # 行政复议 and 复议后起诉 are read whatever the split
    truth['appeals']['review'] = dict(zip(ACOLS, [1, 0, 0, 0, 1]))
    truth['appeals']['suit_after_review'] = dict(zip(ACOLS, [3, 0, 0, 0, 3]))

head = '某区人民政府%d年政府信息公开工作年度报告' % YEAR
period = '本报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。' % (YEAR, YEAR)
part1 = '%d年，我区认真贯彻落实《条例》，全年受理政府信息公开申请若干件。' % YEAR
part5 = '存在的问题：一是公开内容不够全面。二是解读形式单一。下一步，我区将加强培训，丰富解读形式。'
part6 = '本年度未收取信息处理费。'

# ---- crawled: one line, cells run together ----

def crawled():
    s = [head, '\n', '标题：', head, '\n发布机构：某区人民政府\n', head, period,
         '一、总体情况', part1, '二、主动公开政府信息情况',
         '第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数',
         '规章%s行政规范性文件%s' % (''.join(map(str, active['regulations'])),
                            ''.join(map(str, active['normative']))),
         '第二十条第（五）项信息内容本年处理决定数量行政许可%d' % lic,
         '第二十条第（六）项信息内容本年处理决定数量行政处罚%d行政强制%d' % (pen, coe),
         '第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费%s' % fee,
         '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
         '申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他']
    def run(key):
        return printed.get(key) or ''.join(str(x) for x in vals[key])
    for key, label in TOP:
        s.append(label + run(key))
    s.append('三、本年度办理结果')
    for key, label in SUB:
        s.append(label + run(key))
    for g, items in GROUPS:
        s.append(g)
        for key, label in items:
            s.append(label + run(key))
    s.append('（七）总计' + run('total'))
    s.append('四、结转下年度继续办理' + run('carried_forward'))
    s.append('四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼未经复议直接起诉复议后起诉'
             '结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计')
    s.append(printed.get('appeals') or ''.join(str(x) for b in BLOCKS for x in appeals[b]))
    s.append('五、存在的主要问题及改进情况' + part5 + '六、其他需要报告的事项' + part6 + '\n')
    return ''.join(s)

# ---- rows of cells, for pipe, grid and page tables ----
# Each table is a list of rows; each row a list of (text, colspan, rowspan)
# cells.  Pipe and grid tables write a merged cell's place as empty cells.

def rows_active():
    def c(t, cs=1, rs=1): return (t, cs, rs)
    return [
        [c('第二十条第（一）项', 4)],
        [c('信息内容'), c('本年制发件数'), c('本年废止件数'), c('现行有效件数')],
        [c('规章')] + [c(str(x)) for x in active['regulations']],
        [c('行政规范性文件')] + [c(str(x)) for x in active['normative']],
        [c('第二十条第（五）项', 4)],
        [c('信息内容'), c('本年处理决定数量', 3)],
        [c('行政许可'), c(str(lic), 3)],
        [c('第二十条第（六）项', 4)],
        [c('信息内容'), c('本年处理决定数量', 3)],
        [c('行政处罚'), c(str(pen), 3)],
        [c('行政强制'), c(str(coe), 3)],
        [c('第二十条第（八）项', 4)],
        [c('信息内容'), c('本年收费金额（单位：万元）', 3)],
        [c('行政事业性收费'), c(str(fee), 3)],
    ]

def cells_of(key):
    return [(shown(key, i, v), 1, 1) for i, v in enumerate(vals[key])]

def rows_requests():
    r = [[('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), ('申请人情况', 7, 1)],
         [('自然人', 1, 2), ('法人或其他组织', 5, 1), ('总计', 1, 2)],
         [('商业企业', 1, 1), ('科研机构', 1, 1), ('社会公益组织', 1, 1), ('法律服务机构', 1, 1), ('其他', 1, 1)]]
    for key, label in TOP:
        r.append([(label, 3, 1)] + cells_of(key))
    nres = 2 + sum(len(items) for _, items in GROUPS) + 1
    for n, (key, label) in enumerate(SUB):
        lead = [('三、本年度办理结果', 1, nres)] if n == 0 else []
        r.append(lead + [(label, 2, 1)] + cells_of(key))
    for g, items in GROUPS:
        for n, (key, label) in enumerate(items):
            lead = [(g, 1, len(items))] if n == 0 else []
            r.append(lead + [(label, 1, 1)] + cells_of(key))
    r.append([('（七）总计', 2, 1)] + cells_of('total'))
    r.append([('四、结转下年度继续办理', 3, 1)] + cells_of('carried_forward'))
    return r

def rows_appeals():
    r = [[('行政复议', 5, 1), ('行政诉讼', 10, 1)],
         [(w, 1, 2) for w in ('结果维持', '结果纠正', '其他结果', '尚未审结', '总计')] +
         [('未经复议直接起诉', 5, 1), ('复议后起诉', 5, 1)],
         [(w, 1, 1) for w in ('结果维持', '结果纠正', '其他结果', '尚未审结', '总计')] * 2]
    r.append([(shown('appeals', 0, x), 1, 1) for b in BLOCKS for x in appeals[b]])
    return r

def grid_of(rows):
    """Rows of texts, merged places as empty texts, as a pipe table has."""
    taken = {}
    out = []
    for y, row in enumerate(rows):
        line, x = [], 0
        for text, cs, rs in row:
            while taken.get((y, x)):
                line.append('')
                x += 1
            line.append(text)
            for dy in range(rs):
                for dx in range(cs):
                    if dy or dx:
                        taken[(y + dy, x + dx)] = True
            line.extend([''] * (cs - 1))
            x += cs
        while taken.get((y, x)):
            line.append('')
            x += 1
        out.append(line)
    width = max(len(l) for l in out)
    return [l + [''] * (width - len(l)) for l in out]

def pipe_table(rows):
    g = grid_of(rows)
    lines = ['| ' + ' | '.join(g[0]) + ' |', '|' + '---|' * len(g[0])]
    lines += ['| ' + ' | '.join(l) + ' |' for l in g[1:]]
    return '\n'.join(lines)

def grid_table(rows):
    """pandoc's grid table: +---+ rules, cells padded to their width."""
    g = grid_of(rows)
    def wid(s): return sum(2 if ord(ch) > 0x2E7F else 1 for ch in s)
    w = [max(wid(l[i]) for l in g) + 2 for i in range(len(g[0]))]
    rule = '+' + '+'.join('-' * x for x in w) + '+'
    out = [rule]
    for l in g:
        out.append('|' + '|'.join(' ' + t + ' ' * (w[i] - wid(t) - 1) for i, t in enumerate(l)) + '|')
        out.append(rule)
    return '\n'.join(out)

def markdown(table):
    return '\n\n'.join([
        '# ' + head, period, '## 一、总体情况', part1,
        '## 二、主动公开政府信息情况', table(rows_active()),
        '## 三、收到和处理政府信息公开申请情况', table(rows_requests()),
        '## 四、政府信息公开行政复议、行政诉讼情况', table(rows_appeals()),
        '## 五、存在的主要问题及改进情况', part5,
        '## 六、其他需要报告的事项', part6]) + '\n'

def html_table(rows, word):
    out = ['<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>' if word else '<table>']
    for n, row in enumerate(rows):
        out.append(" <tr style='mso-yfti-irow:%d'>" % n if word else '<tr>')
        for text, cs, rs in row:
            span = (' colspan=%d' % cs if cs > 1 else '') + (' rowspan=%d' % rs if rs > 1 else '')
            if not word:
                out.append('<td%s>%s</td>' % (span, text))
                continue
            if text == '':
                body = "<span lang=EN-US><o:p>&nbsp;</o:p></span>"
            elif text.isdigit() and len(text) > 1:
                # Word splits a number into runs after an edit
                body = "<span lang=EN-US>%s</span><span lang=EN-US style='mso-bidi-font-size:10.5pt'>%s<o:p></o:p></span>" % (text[:1], text[1:])
            else:
                body = "<span style='font-family:宋体;mso-ascii-font-family:\"Times New Roman\"'>%s<o:p></o:p></span>" % text
            out.append("  <td%s width=64 valign=top style='width:48.0pt;border:solid windowtext 1.0pt;\n"
                       "  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n"
                       "  <p class=MsoNormal align=center style='text-align:center'>%s</p>\n"
                       "  </td>" % (span, body))
        out.append(' </tr>' if word else '</tr>')
    out.append('</table>')
    return '\n'.join(out)

def page(word):
    def p(text, heading=False):
        if not word:
            return '<h2>%s</h2>' % text if heading else '<p>%s</p>' % text
        style = 'MsoNormal' if not heading else 'MsoHeading2'
        return ("<p class=%s style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                "<span style='font-size:16.0pt;font-family:仿宋_GB2312'>%s<span lang=EN-US><o:p></o:p></span></span></p>" % (style, text))
    headp = '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><title>%s</title>' % head
    if word:
        headp += '<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>user</o:Author></o:DocumentProperties></xml><![endif]-->'
        headp += "<style>p.MsoNormal{mso-style-parent:\"\";margin:0cm;font-size:10.5pt}</style>"
    body = [headp + '</head><body lang=ZH-CN>', '<h1>%s</h1>' % head, p(period),
            p('一、总体情况', True), p(part1), p('二、主动公开政府信息情况', True),
            html_table(rows_active(), word), p('三、收到和处理政府信息公开申请情况', True),
            html_table(rows_requests(), word), p('四、政府信息公开行政复议、行政诉讼情况', True),
            html_table(rows_appeals(), word), p('五、存在的主要问题及改进情况', True), p(part5),
            p('六、其他需要报告的事项', True), p(part6), '</body></html>\n']
    if word:
        # Word's list numbering inside conditional comments
        body[3] = body[3].replace('一、总体情况', '<![if !supportLists]><span lang=EN-US>一、</span><![endif]>总体情况')
    return '\n'.join(body)

text = {'crawled': crawled, 'pipe': lambda: markdown(pipe_table), 'grid': lambda: markdown(grid_table),
        'html': lambda: page(False), 'word': lambda: page(True)}[layout]()
open(out, 'w', encoding='utf-8').write(text)
json.dump({'tables': truth}, open(out + '.truth.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
