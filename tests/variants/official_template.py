# official_template.py [--2019] SEED OUT.html [TD-CSS] [PAGE-CSS] — a report
# page with the national tables laid out as the official template (merged
# cells as rowspan and colspan), random figures that satisfy every sum of
# the tables, and OUT.html.truth: each cell's value, as JSON.  --2019 gives
# the 2019 trial format.  The official_* variants were made with it:
#   official_2023.html             4
#   official_2019.html             --2019 4
# and printed by Chromium (chromium --headless --print-to-pdf=OUT.pdf) from
#   official_padded_2023.pdf       4 "padding:6px"
#   official_a5_2023.pdf           4 "" "@page{size:A5}"
#   official_a5_2019.pdf           --2019 4 "" "@page{size:A5}"
#   official_a5_vertical_2023.pdf  6 "" "@page{size:A5} td[rowspan]{writing-mode:vertical-rl}"
#   official_narrow_2023.pdf       4 "" "td[rowspan]{writing-mode:vertical-rl;width:1.2em} body{width:12cm}"
# Not run by the tests: the .cells files hold the values, each checked
# against the truth when the files were made.
import random, sys, json
args = sys.argv[1:]
F2019 = args[:1] == ['--2019']
if F2019:
    args = args[1:]
seed, out = int(args[0]), args[1]
css = args[2] if len(args) > 2 else ''
gcss = args[3] if len(args) > 3 else ''
YEAR = 2019 if F2019 else 2023
random.seed(seed)
cols = ['natural','commercial','research','nonprofit','legal','other','total']
def row():
    v = [random.choice([0,0,0,1,2,3,5,12,27,104]) for _ in range(6)]
    return v + [sum(v)]
truth = {}
rows3 = [('new','一、本年新收政府信息公开申请数量'),('carried_over','二、上年结转政府信息公开申请数量')]
sub = [('granted','（一）予以公开',None),('partial','（二）部分公开（区分处理的，只计这一情形，不计其他情形）',None)]
groups = [('（三）不予公开',[('denied_secret','1.属于国家秘密'),('denied_law','2.其他法律行政法规禁止公开'),('denied_safety','3.危及“三安全一稳定”'),('denied_third_party','4.保护第三方合法权益'),('denied_internal','5.属于三类内部事务信息'),('denied_process','6.属于四类过程性信息'),('denied_enforcement','7.属于行政执法案卷'),('denied_query','8.属于行政查询事项')]),
 ('（四）无法提供',[('unable_not_held','1.本机关不掌握相关政府信息'),('unable_create','2.没有现成信息需要另行制作'),('unable_unclear','3.补正后申请内容仍不明确')]),
 ('（五）不予处理',[('refused_complaint','1.信访举报投诉类申请'),('refused_repeat','2.重复申请'),('refused_publication','3.要求提供公开出版物'),('refused_massive','4.无正当理由大量反复申请'),('refused_confirm','5.要求行政机关确认或重新出具已获取信息')]),
 ('（六）其他处理',[('other_overdue_correction','1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),('other_overdue_fee','2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),('other_misc','3.其他')])]
def tds(v): return ''.join('<td>%d</td>' % x for x in v)
h = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区人民政府%d年政府信息公开工作年度报告</title><style>table{border-collapse:collapse}td{border:1px solid #000;text-align:center;%s}%s</style></head><body>' % (YEAR, css, gcss)]
h.append('<h1>某区人民政府%d年政府信息公开工作年度报告</h1>' % YEAR)
h.append('<p>本报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。</p>' % (YEAR, YEAR))
h.append('<h2>一、总体情况</h2><p>%d年，' % YEAR + '我区认真贯彻落实《条例》，全年受理政府信息公开申请若干件。</p>')
h.append('<h2>二、主动公开政府信息情况</h2><table>')
if not F2019:
    a = {}
    for k in ['regulations','normative']:
        a[k] = [random.choice([0,1,2,5]) for _ in range(3)]
    h.append('<tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>')
    h.append('<tr><td>规章</td>%s</tr><tr><td>行政规范性文件</td>%s</tr>' % (tds(a['regulations']), tds(a['normative'])))
    lic, pen, coe, fee = random.randint(0,500), random.randint(0,90), random.randint(0,9), random.choice([0, 3.5, 12.8])
    h.append('<tr><td colspan="4">第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr><tr><td>行政许可</td><td colspan="3">%d</td></tr>' % lic)
    h.append('<tr><td colspan="4">第二十条第（六）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr><tr><td>行政处罚</td><td colspan="3">%d</td></tr><tr><td>行政强制</td><td colspan="3">%d</td></tr>' % (pen, coe))
    h.append('<tr><td colspan="4">第二十条第（八）项</td></tr><tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr><tr><td>行政事业性收费</td><td colspan="3">%s</td></tr></table>' % fee)
    for k, v in a.items():
        for c, x in zip(['issued','repealed','in_force'], v): truth['tables.active.%s.%s' % (k, c)] = x
    truth['tables.active.licensing.decisions'] = lic; truth['tables.active.penalty.decisions'] = pen
    truth['tables.active.coercion.decisions'] = coe; truth['tables.active.fees.amount'] = fee
else:
    def t3(k, label):
        v = [random.randint(0, 9), random.randint(0, 9)]; v.append(v[0] + random.randint(0, 40))
        for c, x in zip(['made','published','total'], v): truth['tables.active.%s.%s' % (k, c)] = x
        return '<tr><td>%s</td>%s</tr>' % (label, tds(v))
    def pcd(k, label):
        v = [random.randint(0, 300), random.choice([0, 3, -2, 12]), random.randint(0, 900)]
        for c, x in zip(['previous','change','decisions'], v): truth['tables.active.%s.%s' % (k, c)] = x
        return '<tr><td>%s</td>%s</tr>' % (label, tds(v))
    h.append('<tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>')
    h.append(t3('regulations', '规章') + t3('normative', '规范性文件'))
    h.append('<tr><td colspan="4">第二十条第（五）项</td></tr><tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>')
    h.append(pcd('licensing', '行政许可') + pcd('other_services', '其他对外管理服务事项'))
    h.append('<tr><td colspan="4">第二十条第（六）项</td></tr><tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>')
    h.append(pcd('penalty', '行政处罚') + pcd('coercion', '行政强制'))
    fp, fc = random.randint(0, 9), random.choice([0, -1, 2])
    h.append('<tr><td colspan="4">第二十条第（八）项</td></tr><tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td></tr><tr><td>行政事业性收费</td><td>%d</td><td colspan="2">%d</td></tr>' % (fp, fc))
    pc, pa = random.randint(0, 40), random.choice([0, 358.6, 1200.25])
    h.append('<tr><td colspan="4">第二十条第（九）项</td></tr><tr><td>信息内容</td><td>采购项目数量</td><td colspan="2">采购总金额</td></tr><tr><td>政府集中采购</td><td>%d</td><td colspan="2">%s</td></tr></table>' % (pc, pa))
    truth['tables.active.fees.previous'] = fp; truth['tables.active.fees.change'] = fc
    truth['tables.active.procurement.count'] = pc; truth['tables.active.procurement.amount'] = pa
h.append('<h2>三、收到和处理政府信息公开申请情况</h2><table>')
h.append('<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>')
h.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
h.append('<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>')
vals = {}
for key, label in rows3:
    vals[key] = row(); h.append('<tr><td colspan="3">%s</td>%s</tr>' % (label, tds(vals[key])))
nres = 2 + sum(len(g[1]) for g in (groups[:3] if F2019 else groups)) + (1 if F2019 else 0) + 1
first = True
for key, label, _ in sub:
    vals[key] = row()
    lead = '<td rowspan="%d">三、本年度办理结果</td>' % nres if first else ''
    first = False
    h.append('<tr>%s<td colspan="2">%s</td>%s</tr>' % (lead, label, tds(vals[key])))
if F2019:
    groups = groups[:3]
for g, items in groups:
    for i, (key, label) in enumerate(items):
        vals[key] = row()
        lead = '<td rowspan="%d">%s</td>' % (len(items), g) if i == 0 else ''
        h.append('<tr>%s<td>%s</td>%s</tr>' % (lead, label, tds(vals[key])))
if F2019:
    vals['other'] = row()
    h.append('<tr><td colspan="2">（六）其他处理</td>%s</tr>' % tds(vals['other']))
keys_res = [k for k, _, _ in sub] + [k for g in groups for k, _ in g[1]] + (['other'] if F2019 else [])
tot = [sum(vals[k][i] for k in keys_res) for i in range(7)]
vals['total'] = tot
h.append('<tr><td colspan="2">（七）总计</td>%s</tr>' % tds(tot))
cf = [max(0, vals['new'][i] + vals['carried_over'][i] - tot[i]) for i in range(6)]
# make the identity hold: adjust 'new' so that new + carried = total + carried_forward
for i in range(6):
    vals['new'][i] = tot[i] + cf[i] - vals['carried_over'][i]
vals['new'][6] = sum(vals['new'][:6]); cf.append(sum(cf)); vals['carried_forward'] = cf
h[ [i for i, x in enumerate(h) if '一、本年新收' in x][0] ] = '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>%s</tr>' % tds(vals['new'])
h.append('<tr><td colspan="3">四、结转下年度继续办理</td>%s</tr></table>' % tds(cf))
for k, v in vals.items():
    for c, x in zip(cols, v): truth['tables.requests.%s.%s' % (k, c)] = x
h.append('<h2>四、政府信息公开行政复议、行政诉讼情况</h2><table>')
h.append('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>')
h.append('<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>')
h.append('<tr>' + '<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>' * 2 + '</tr>')
ap = []
for blk in ['review','suit_direct','suit_after_review']:
    v = [random.choice([0,0,1,2,3]) for _ in range(4)]; v.append(sum(v)); ap += v
    for c, x in zip(['upheld','corrected','other','pending','total'], v): truth['tables.appeals.%s.%s' % (blk, c)] = x
h.append('<tr>%s</tr></table>' % tds(ap))
h.append('<h2>五、存在的主要问题及改进情况</h2><p>一是公开内容不够全面。</p><h2>六、其他需要报告的事项</h2><p>本年度未收取信息处理费。</p></body></html>')
open(out, 'w', encoding='utf-8').write('\n'.join(h))
json.dump(truth, open(out + '.truth', 'w'))
